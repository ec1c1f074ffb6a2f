"use client";

import { withdrawNoticeAction } from "@/lib/notices/life-actions";
import { ActionForm, TextField } from "@/components/ui/action-form";
import { Fold } from "@/components/ui/fold";

/**
 * "Thu hồi thông báo", folded (the form is built when the fold is first opened): the reason is
 * required and the second press confirms.
 */
export function WithdrawForm({ noticeId, version }: { noticeId: number; version: number }) {
  return (
    <Fold
      className="mt-4 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2"
      testId="withdraw-fold"
      summaryClassName="cursor-pointer text-sm font-medium text-slate-800"
      summary="Thu hồi thông báo…"
    >
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
    </Fold>
  );
}
