"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { USER_ROLE_LABELS, type RoleName } from "@/lib/auth/user";
import { createAccountAction, updateAccountAction } from "@/lib/users/actions";
import { ActionForm, CheckboxField, SelectField, TextField } from "@/components/ui/action-form";
import { AgencyPicker } from "@/components/users/agency-picker";
import { TemporaryPassword } from "@/components/users/temporary-password";

export interface AccountFormValues {
  userId: number;
  version: number;
  username: string;
  name: string;
  role: RoleName;
  email: string | null;
  active: boolean;
  agencyIds: number[];
}

const ROLES: RoleName[] = ["secretariat", "chairman", "agency_staff", "admin"];
const roleOptions = ROLES.map((r) => ({ value: r, label: r === "admin" ? "Quản trị của tỉnh" : USER_ROLE_LABELS[r] }));

function Fields({ values, agencies }: { values?: AccountFormValues; agencies: { id: number; name: string }[] }) {
  const [role, setRole] = useState<RoleName>(values?.role ?? "agency_staff");
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          name="username"
          label="Tên đăng nhập"
          required
          defaultValue={values?.username}
          autoComplete="off"
          hint="Chữ thường không dấu, số, dấu chấm: ví dụ longan.syt.nguyenvan"
        />
        <TextField name="name" label="Họ tên" required defaultValue={values?.name} />
        <SelectField
          name="role"
          label="Vai trò"
          required
          options={roleOptions}
          defaultValue={role}
          onChange={(v) => setRole(v as RoleName)}
        />
        <TextField
          name="email"
          label="E-mail"
          type="email"
          defaultValue={values?.email ?? ""}
          hint="Để nhận thông báo và nhắc việc qua e-mail (không bắt buộc)."
        />
      </div>
      {role === "agency_staff" ? (
        <AgencyPicker name="agencyIds" agencies={agencies} defaultValues={values?.agencyIds ?? []} />
      ) : null}
      {values ? (
        <CheckboxField
          name="active"
          label="Đang hoạt động (bỏ chọn để khóa tài khoản)"
          defaultChecked={values.active}
        />
      ) : null}
    </>
  );
}

export function CreateAccountForm({ agencies }: { agencies: { id: number; name: string }[] }) {
  const [created, setCreated] = useState<{ id: number; login: string; password: string } | null>(null);
  if (created)
    return (
      <div className="grid gap-4">
        <TemporaryPassword login={created.login} password={created.password} />
        <p className="flex flex-wrap gap-4 text-sm">
          <Link className="font-medium text-brand-800 underline" href={`/quan-tri/nguoi-dung/${created.id}`}>
            Xem tài khoản vừa tạo
          </Link>
          <button type="button" className="font-medium text-brand-800 underline" onClick={() => setCreated(null)}>
            Tạo thêm tài khoản
          </button>
        </p>
      </div>
    );
  return (
    <ActionForm
      action={createAccountAction}
      submitLabel="Tạo tài khoản"
      testId="create-account"
      onSuccess={(r) => setCreated({ id: r.account.id, login: r.account.username, password: r.temporaryPassword })}
    >
      <Fields agencies={agencies} />
    </ActionForm>
  );
}

export function EditAccountForm({
  values,
  agencies,
}: {
  values: AccountFormValues;
  agencies: { id: number; name: string }[];
}) {
  const router = useRouter();
  return (
    <ActionForm
      action={updateAccountAction}
      hidden={{ userId: values.userId, version: values.version }}
      submitLabel="Lưu thay đổi"
      testId="edit-account"
      onSuccess={() => router.refresh()}
    >
      <Fields values={values} agencies={agencies} />
    </ActionForm>
  );
}
