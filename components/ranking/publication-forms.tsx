"use client";

import { publishRankingAction, withdrawRankingAction } from "@/lib/ranking/actions";
import { ActionForm, CheckboxField, TextField } from "@/components/ui/action-form";

/** The secretariat's fold under the ranking: publish the period, or withdraw its publication. */
export function PublicationForms({
  periodKey,
  periodLabel,
  published,
  ended,
}: {
  periodKey: string;
  periodLabel: string;
  published: boolean;
  /** Whether the period has ended: publishing one still running freezes it at today's figures. */
  ended: boolean;
}) {
  if (published) {
    return (
      <details
        className="no-print mt-4 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2"
        data-testid="ranking-withdraw-fold"
      >
        <summary className="cursor-pointer text-sm font-medium text-slate-800">Thu hồi công bố {periodLabel}…</summary>
        <div className="mt-3">
          <ActionForm
            action={withdrawRankingAction}
            hidden={{ period: periodKey }}
            submitLabel="Thu hồi công bố"
            tone="danger"
            testId="ranking-withdraw"
            confirm={`Thu hồi công bố ${periodLabel}? Trang công khai sẽ không còn; bảng xếp hạng trở lại số liệu hiện tại.`}
          >
            <TextField name="reason" label="Lý do thu hồi" multiline required rows={2} />
          </ActionForm>
        </div>
      </details>
    );
  }
  return (
    <details
      className="no-print mt-4 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2"
      data-testid="ranking-publish-fold"
    >
      <summary className="cursor-pointer text-sm font-medium text-slate-800">Công bố kết quả {periodLabel}…</summary>
      <div className="mt-3">
        <ActionForm
          action={publishRankingAction}
          hidden={{ period: periodKey }}
          submitLabel="Công bố"
          testId="ranking-publish"
          confirm={`Công bố kết quả ${periodLabel}? Số liệu sẽ được chốt như hiện tại.`}
        >
          <p className="text-sm text-slate-600">
            Khi công bố, bảng xếp hạng của kỳ được chốt: các báo cáo, gia hạn hay chỉnh sửa sau đó không làm thay đổi
            kết quả đã công bố.
            {ended ? "" : " Kỳ này chưa kết thúc: số liệu được chốt đến hôm nay."}
          </p>
          <CheckboxField name="isPublic" label="Cho phép xem công khai, không cần đăng nhập" />
        </ActionForm>
      </div>
    </details>
  );
}
