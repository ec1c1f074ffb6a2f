"use client";

import { useRouter } from "next/navigation";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/users/schemas";
import { ActionForm, CheckboxesField, TextField } from "@/components/ui/action-form";
import { updateOwnProfileAction } from "@/lib/users/actions";

/** Only administrators are told of webhooks, so only they see that choice. */
export function ProfileForm({
  email,
  emailKinds,
  admin,
}: {
  email: string | null;
  emailKinds: NotificationKind[];
  admin: boolean;
}) {
  const router = useRouter();
  return (
    <ActionForm action={updateOwnProfileAction} submitLabel="Lưu" testId="profile" onSuccess={() => router.refresh()}>
      <TextField
        name="email"
        label="E-mail"
        type="email"
        defaultValue={email ?? ""}
        hint="Nơi nhận thông báo; để trống nếu không muốn nhận qua e-mail."
      />
      <CheckboxesField
        name="emailKinds"
        label="Nhận qua e-mail (trong ứng dụng luôn có đủ)"
        options={Object.entries(NOTIFICATION_KINDS)
          .filter(([value]) => admin || value !== "webhook")
          .map(([value, label]) => ({ value, label }))}
        defaultValues={emailKinds}
      />
    </ActionForm>
  );
}
