"use client";

import type { CarryCandidate } from "@/lib/notices/carry-over";
import { carryDirectivesAction } from "@/lib/notices/life-actions";
import { ActionForm, useFieldError } from "@/components/ui/action-form";
import { FieldError } from "@/components/ui/field";

/**
 * "Chuyển tiếp nhiệm vụ": open directives of earlier notices (on the meeting's agenda, or of the
 * notices this one continues or replaces), grouped by notice, to carry over into this notice.
 */
export function CarryOverForm({
  noticeId,
  version,
  candidates,
}: {
  noticeId: number;
  version: number;
  candidates: CarryCandidate[];
}) {
  const groups = new Map<number, CarryCandidate[]>();
  for (const c of candidates) groups.set(c.noticeId, [...(groups.get(c.noticeId) ?? []), c]);
  return (
    <details open className="mt-3 rounded-lg border border-slate-200 bg-white px-3 py-2" data-testid="carry-fold">
      <summary className="cursor-pointer text-sm font-medium text-brand-800">
        Chuyển tiếp nhiệm vụ còn mở của các thông báo trước ({candidates.length})…
      </summary>
      <div className="mt-3">
        <ActionForm
          action={carryDirectivesAction}
          hidden={{ noticeId, version }}
          submitLabel="Chuyển tiếp vào thông báo này"
          testId="carry-over"
        >
          <p className="text-sm text-slate-600">
            Nhiệm vụ được chuyển giữ nguyên cơ quan thực hiện, thời hạn, báo cáo và lịch sử; thông báo cũ ghi nhận đã
            chuyển sang thông báo này.
          </p>
          <CandidateList groups={[...groups.values()]} />
        </ActionForm>
      </div>
    </details>
  );
}

function CandidateList({ groups }: { groups: CarryCandidate[][] }) {
  const error = useFieldError("directiveIds");
  return (
    <fieldset className="grid gap-3">
      <legend className="sr-only">Nhiệm vụ chuyển tiếp</legend>
      {groups.map((items) => (
        <div key={items[0]!.noticeId}>
          <p className="text-sm font-semibold text-slate-800">
            {items[0]!.noticeLabel}
            {items[0]!.linked ? <span className="font-normal text-slate-500"> · thông báo được liên kết</span> : null}
          </p>
          <ul className="mt-1 grid gap-1.5">
            {items.map((c) => (
              <li key={c.directiveId}>
                <label className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name="directiveIds" value={c.directiveId} className="mt-0.5 size-4 shrink-0" />
                  <span className="min-w-0">
                    <span className="font-medium">Mục {c.ref}</span>
                    {c.overdue ? <span className="ml-1 text-xs font-semibold text-red-700">quá hạn</span> : null}
                    <span className="block break-words text-slate-700">{c.text}</span>
                    {c.agencies.length ? (
                      <span className="block text-xs text-slate-500">{c.agencies.join(", ")}</span>
                    ) : null}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <FieldError error={error} />
    </fieldset>
  );
}
