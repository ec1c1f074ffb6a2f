"use client";

import { useState } from "react";
import { resetPasswordAction } from "@/lib/users/actions";
import { ActionForm } from "@/components/ui/action-form";
import { TemporaryPassword } from "@/components/users/temporary-password";

export function ResetPasswordForm({
  userId,
  version,
  username,
}: {
  userId: number;
  version: number;
  username: string;
}) {
  const [shown, setShown] = useState<string | null>(null);
  if (shown) return <TemporaryPassword login={username} password={shown} />;
  return (
    <ActionForm
      action={resetPasswordAction}
      hidden={{ userId, version }}
      submitLabel="Cấp mật khẩu tạm"
      tone="secondary"
      testId="reset-password"
      onSuccess={(r) => setShown(r.temporaryPassword)}
    >
      <p className="text-sm text-slate-600">
        Mật khẩu hiện tại thôi dùng được, mọi phiên đăng nhập của tài khoản kết thúc ngay; người dùng đăng nhập bằng mật
        khẩu tạm rồi phải đổi.
      </p>
    </ActionForm>
  );
}
