"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createProvinceAction } from "@/lib/provinces/actions";
import { ActionForm, TextField } from "@/components/ui/action-form";
import { TemporaryPassword } from "@/components/users/temporary-password";

export function CreateProvinceForm() {
  const router = useRouter();
  const [created, setCreated] = useState<{ login: string; password: string; message: string } | null>(null);
  if (created)
    return (
      <div className="grid gap-3">
        <p role="status" className="text-sm text-emerald-800">
          {created.message}
        </p>
        <TemporaryPassword login={created.login} password={created.password} />
        <p className="text-sm text-slate-600">
          Người quản trị của tỉnh đăng nhập bằng mật khẩu tạm, đổi mật khẩu, rồi bổ sung cơ quan và người dùng (
          <Link href="/tai-khoan" className="underline">
            hướng dẫn trong README
          </Link>
          ).
        </p>
        <button
          type="button"
          className="justify-self-start text-sm font-medium text-brand-800 underline"
          onClick={() => setCreated(null)}
        >
          Tạo tỉnh khác
        </button>
      </div>
    );
  return (
    <ActionForm
      action={createProvinceAction}
      submitLabel="Tạo tỉnh"
      testId="create-province"
      onSuccess={(r) => {
        setCreated({ login: r.adminLogin, password: r.temporaryPassword, message: r.message });
        router.refresh();
      }}
    >
      <TextField name="name" label="Tên tỉnh" required hint="Như trong tên cơ quan: Bình Định, Bà Rịa - Vũng Tàu." />
      <TextField
        name="units"
        label="Các đơn vị hành chính trực thuộc (mỗi dòng một đơn vị)"
        multiline
        hint="Dán từ danh sách của tỉnh: “TP Quy Nhơn”, “huyện Tuy Phước”, “thị xã An Nhơn”… hoặc sau năm 2025 “xã …”, “phường …”. Danh mục bắt đầu từ các sở, ban, ngành chung và các đơn vị này; sửa thêm được sau."
      />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField name="adminLogin" label="Tên đăng nhập quản trị của tỉnh" required autoComplete="off" />
        <TextField name="adminName" label="Họ tên người quản trị" required />
        <TextField name="adminEmail" label="E-mail" type="email" />
      </div>
    </ActionForm>
  );
}
