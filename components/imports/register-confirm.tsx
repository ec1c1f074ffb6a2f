"use client";

import Link from "next/link";
import { useState } from "react";
import { confirmRegisterAction } from "@/lib/imports/actions";
import { ActionForm } from "@/components/ui/action-form";

/** Confirms the register's preview: every notice is stored in one transaction, or none. */
export function RegisterConfirm({
  hidden,
  notices,
  directives,
  assignments,
}: {
  hidden: { batchId: number; fingerprint: string; columns: string; agencies: string };
  notices: number;
  directives: number;
  assignments: number;
}) {
  const [done, setDone] = useState<string | null>(null);
  if (done)
    return (
      <div className="grid gap-2" data-testid="register-result">
        <p role="status" className="text-sm font-medium text-emerald-800">
          {done}
        </p>
        <p className="text-sm">
          <Link href="/thong-bao" className="text-brand-800 underline">
            Xem danh sách thông báo
          </Link>
        </p>
      </div>
    );
  return (
    <ActionForm
      action={confirmRegisterAction}
      hidden={hidden}
      submitLabel={`Xác nhận nhập ${notices} thông báo`}
      testId="register-confirm"
      onSuccess={(r) => setDone(r.message)}
    >
      <p className="text-sm text-slate-700">
        Sẽ tạo {notices} thông báo, {directives} nhiệm vụ, {assignments} lượt giao cơ quan, cùng một lúc; nếu có lỗi thì
        không lưu gì. Các thông báo được ghi “Nhập từ sổ theo dõi” và không gửi thông báo giao việc cho các cơ quan.
      </p>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="publish" defaultChecked className="size-4" /> Ban hành ngay (các cơ quan thấy nhiệm
        vụ trên bảng việc); bỏ chọn để lưu thành bản nháp
      </label>
    </ActionForm>
  );
}
