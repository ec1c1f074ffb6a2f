import { Badge } from "@/components/ui/badge";
import { GroupExplanations } from "@/components/overview/explanation-badge";
import { GroupPendingExtensions } from "@/components/overview/extension-badge";
import { noticeLabel } from "@/lib/notices/notice-label";
import { ASSIGNMENT_ROLE_LABELS } from "@/lib/notices/labels";
import { daysLeft } from "@/lib/assignments/timeliness";
import { periodLabel } from "@/lib/assignments/recurrence";
import { periodDeadline } from "@/lib/deadlines/period";
import { listHref, type ListQuery } from "@/lib/reports/list-query";
import { bucketOfDays, groupDays, groupDue } from "@/lib/reports/sheets";
import { OVERDUE_BUCKET_LABELS, type DirectiveGroup, type TaskCategory } from "@/lib/reports/types";
import { shorten } from "@/lib/text/shorten";

/** A directive's words in a row (the whole text is one click away), and the agencies named before "và N cơ quan khác". */
const TEXT_CHARS = 180;
const NAMED_AGENCIES = 5;

function agencyList(g: DirectiveGroup): string {
  const names = g.tasks
    .slice(0, NAMED_AGENCIES)
    .map((t) => (t.role === "support" ? `${t.agency.name} (phối hợp)` : t.agency.name));
  const rest = g.tasks.length - names.length;
  return rest > 0 ? `${names.join(", ")} và ${rest} cơ quan khác` : names.join(", ");
}

/** How late a directive is for the agencies listed, or how soon it is due, in words. */
function Due({ g, today }: { g: DirectiveGroup; today: string }) {
  if (g.maxDaysOverdue) {
    return (
      <div className="stack">
        <Badge tone="danger">{`${g.maxDaysOverdue} ngày quá hạn`}</Badge>
        <span className="note">{OVERDUE_BUCKET_LABELS[bucketOfDays(g.maxDaysOverdue)]}</span>
        {g.minDaysOverdue !== g.maxDaysOverdue ? (
          <span className="note">{`${groupDays(g)} ngày tùy cơ quan`}</span>
        ) : null}
      </div>
    );
  }
  if (!g.firstDueOn) return <Badge>Không có thời hạn</Badge>;
  const left = daysLeft(g.firstDueOn, today);
  return <Badge tone={left <= 3 ? "warning" : "info"}>{left === 0 ? "Đến hạn hôm nay" : `Còn ${left} ngày`}</Badge>;
}

/**
 * A list grouped by directive: each directive once, with the agencies that have it in the list
 * ("16 cơ quan: …"); the row opens the per-agency detail (the one agency's task, or the list of
 * this directive's tasks agency by agency).
 */
export function GroupTable({
  groups,
  today,
  caption,
  category,
  scope = {},
  rowTestId = "group-row",
  offset = 0,
}: {
  groups: DirectiveGroup[];
  today: string;
  caption: string;
  category: TaskCategory;
  scope?: Pick<Partial<ListQuery>, "from" | "to" | "notice" | "agency" | "bucket">;
  rowTestId?: string;
  offset?: number;
}) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="cell">
              Tình trạng
            </th>
            <th scope="col" className="cell">
              Cơ quan chưa hoàn thành
            </th>
            <th scope="col" className="cell">
              Nhiệm vụ
            </th>
            <th scope="col" className="cell">
              Văn bản
            </th>
            <th scope="col" className="cell">
              Hạn
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {groups.map((g, i) => {
            const one = g.tasks.length === 1 ? g.tasks[0]! : null;
            const detail = one
              ? `/nhiem-vu/${one.assignmentId}`
              : listHref({ ...scope, category, directive: g.directive.id });
            const rec = g.directive.recurrence;
            return (
              <tr
                key={g.directive.id}
                className="align-top"
                data-testid={rowTestId}
                data-directive={g.directive.id}
                data-agencies={g.tasks.length}
                data-stt={offset + i + 1}
              >
                <td className="cell">
                  <div className="stack">
                    <Due g={g} today={today} />
                    <GroupPendingExtensions g={g} />
                    <GroupExplanations g={g} />
                  </div>
                </td>
                <td className="cell max-w-xs min-w-48">
                  {one ? (
                    <>
                      <span className="font-medium text-slate-900">{one.agency.name}</span>
                      <div className="note">{ASSIGNMENT_ROLE_LABELS[one.role]}</div>
                    </>
                  ) : (
                    <>
                      <a href={detail} className="link" data-testid="group-detail" title="Xem từng cơ quan">
                        <span data-testid="group-count">{`${g.tasks.length} cơ quan`}</span> →
                      </a>
                      <p className="line-clamp-3 text-xs text-slate-600">{agencyList(g)}</p>
                    </>
                  )}
                </td>
                <td className="cell max-w-md min-w-64">
                  <a href={detail} className="row-link">
                    {shorten(g.directive.text, TEXT_CHARS)}
                  </a>
                </td>
                <td className="cell min-w-48">
                  <a className="link" href={`/thong-bao/${g.notice.id}`}>
                    {noticeLabel(g.notice)}
                  </a>
                  <div className="note">{`mục ${g.directive.ref}`}</div>
                </td>
                <td className="cell whitespace-nowrap">
                  {groupDue(g) ?? "—"}
                  {rec && g.tasks[0]?.dueOn && g.firstDueOn ? (
                    <div className="note">
                      báo cáo {periodLabel(rec, periodDeadline(rec, g.tasks[0].dueOn, today).period)}
                    </div>
                  ) : null}
                  {g.directive.deadlinePhrase ? <div className="phrase">“{g.directive.deadlinePhrase}”</div> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
