import { Badge } from "@/components/ui/badge";
import { ExplanationBadge } from "@/components/overview/explanation-badge";
import { PendingExtensionBadge } from "@/components/overview/extension-badge";
import { noticeLabel } from "@/lib/notices/notice-label";
import { ASSIGNMENT_ROLE_LABELS } from "@/lib/notices/labels";
import { bucketOfDays, taskStatus } from "@/lib/reports/sheets";
import { daysLeft } from "@/lib/assignments/timeliness";
import { OVERDUE_BUCKET_LABELS, type TaskRow } from "@/lib/reports/types";
import { formatDay } from "@/lib/time/calendar";

/** What a task's due day means today, in words (no colour needed to read it). */
function Due({ row, today }: { row: TaskRow; today: string }) {
  if (row.daysOverdue) {
    return (
      <div className="stack">
        <Badge tone="danger">{row.daysOverdue} ngày quá hạn</Badge>
        <span className="note">{OVERDUE_BUCKET_LABELS[bucketOfDays(row.daysOverdue)]}</span>
      </div>
    );
  }
  if (row.state === "completed")
    return (
      <Badge tone={row.dueOn && row.completedOn && row.completedOn > row.dueOn ? "warning" : "success"}>
        {taskStatus(row)}
      </Badge>
    );
  if (!row.currentDueOn) return <Badge>Không có thời hạn</Badge>;
  const left = daysLeft(row.currentDueOn, today);
  return <Badge tone={left <= 3 ? "warning" : "info"}>{left === 0 ? "Đến hạn hôm nay" : `Còn ${left} ngày`}</Badge>;
}

/** The rows behind a figure: how late, whose, what, from which notice, and the deadline as written. */
export function TaskTable({
  rows,
  today,
  caption,
  rowTestId = "task-row",
  offset = 0,
}: {
  rows: TaskRow[];
  today: string;
  caption: string;
  rowTestId?: string;
  offset?: number;
}) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Tình trạng
            </th>
            <th scope="col" className="px-3 py-2">
              Cơ quan
            </th>
            <th scope="col" className="px-3 py-2">
              Nhiệm vụ
            </th>
            <th scope="col" className="px-3 py-2">
              Văn bản
            </th>
            <th scope="col" className="px-3 py-2">
              Hạn
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r, i) => (
            <tr
              key={r.assignmentId}
              className="align-top"
              data-testid={rowTestId}
              data-assignment={r.assignmentId}
              data-stt={offset + i + 1}
            >
              <td className="px-3 py-2">
                <div className="stack">
                  <Due row={r} today={today} />
                  <PendingExtensionBadge to={r.pendingExtensionTo} />
                  <ExplanationBadge e={r.explanation} />
                </div>
              </td>
              <td className="px-3 py-2 font-medium text-slate-900">
                {r.agency.name}
                <div className="text-xs font-normal text-slate-500">{ASSIGNMENT_ROLE_LABELS[r.role]}</div>
              </td>
              <td className="max-w-md min-w-64 px-3 py-2">
                <a href={`/nhiem-vu/${r.assignmentId}`} className="row-link">
                  {r.directive.text}
                </a>
              </td>
              <td className="min-w-48 px-3 py-2">
                <a className="link" href={`/thong-bao/${r.notice.id}`}>
                  {noticeLabel(r.notice)}
                </a>
                <div className="note">mục {r.directive.ref}</div>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {r.currentDueOn ? formatDay(r.currentDueOn) : "—"}
                {r.directive.recurrence && r.currentDueOn !== r.dueOn ? (
                  <div className="note">báo cáo định kỳ: hạn của kỳ này</div>
                ) : null}
                {r.originalDueOn && r.originalDueOn !== r.dueOn ? (
                  <div className="note">hạn gốc {formatDay(r.originalDueOn)}</div>
                ) : null}
                {r.directive.deadlinePhrase ? <div className="phrase">“{r.directive.deadlinePhrase}”</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
