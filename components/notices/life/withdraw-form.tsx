"use client";

import { withdrawNoticeAction } from "@/lib/notices/life-actions";
import { ActionForm, TextField } from "@/components/ui/action-form";

/** "Thu hồi thông báo", folded: the reason is required and the second press confirms. */
export function WithdrawForm({ noticeId, version }: { noticeId: number; version: number }) {
  return (
    <details className="mt-4 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2" data-testid="withdraw-fold">
      <summary className="cursor-pointer text-sm font-medium text-slate-800">Thu hồi thông báo…</summary>
      <div className="mt-3">
        <ActionForm
          action={withdrawNoticeAction}
          hidden={{ noticeId, version }}
          submitLabel="Thu hồi"
          tone="danger"
          testId="withdraw-notice"
          confirm="Thu hồi thông báo này? Các nhiệm vụ còn mở sẽ kết thúc, không tính quá hạn."
        >
          <p className="text-sm text-slate-600">
            Thông báo thu hồi không còn trên bảng việc, số liệu tổng hợp và nhắc việc; các nhiệm vụ đã hoàn thành, báo
            cáo và lịch sử vẫn được lưu để tra cứu. Không thể hoàn tác.
          </p>
          <TextField name="reason" label="Lý do thu hồi" multiline required rows={2} />
        </ActionForm>
      </div>
    </details>
  );
}
