"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-limits";
import { changeOwnPasswordAction } from "@/lib/users/actions";
import { ActionForm, TextField } from "@/components/ui/action-form";
import { StatusMessage } from "@/components/ui/status-message";

/** The current password, the new one twice; `then`: where to go afterwards (the forced change goes home). */
export function ChangePasswordForm({ then }: { then?: string }) {
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <ActionForm
        action={changeOwnPasswordAction}
        submitLabel="Đổi mật khẩu"
        testId="change-password"
        onSuccess={(r) => {
          setDone(r.message);
          if (then) router.replace(then);
          router.refresh();
        }}
      >
        <TextField name="current" label="Mật khẩu hiện tại" type="password" required autoComplete="current-password" />
        <TextField
          name="next"
          label="Mật khẩu mới"
          type="password"
          required
          autoComplete="new-password"
          hint={`Ít nhất ${MIN_PASSWORD_LENGTH} ký tự, không chứa tên đăng nhập hay họ tên; một cụm từ dễ nhớ với bạn nhưng khó đoán với người khác.`}
        />
        <TextField name="repeat" label="Nhập lại mật khẩu mới" type="password" required autoComplete="new-password" />
      </ActionForm>
      {done ? <StatusMessage tone="ok">{done}</StatusMessage> : null}
    </>
  );
}
