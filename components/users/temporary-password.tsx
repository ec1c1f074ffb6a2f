"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A temporary password, shown once: the administrator copies it and hands it over in person. */
export function TemporaryPassword({ login, password }: { login: string; password: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div
      role="status"
      className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm"
      data-testid="temporary-password"
    >
      <p className="font-semibold text-amber-900">Mật khẩu tạm của {login} (chỉ hiện một lần):</p>
      <p className="mt-2 flex flex-wrap items-center gap-3">
        <code
          className="rounded bg-white px-3 py-1.5 font-mono text-base tracking-wider text-slate-900 select-all"
          data-testid="temporary-password-value"
        >
          {password}
        </code>
        <Button
          size="small"
          variant="secondary"
          onClick={() => void navigator.clipboard?.writeText(password).then(() => setCopied(true))}
        >
          {copied ? "Đã chép" : "Chép"}
        </Button>
      </p>
      <p className="mt-2 text-amber-900">
        Hãy trao trực tiếp cho người dùng. Ở lần đăng nhập tới, họ phải đổi sang mật khẩu của riêng mình.
      </p>
    </div>
  );
}
