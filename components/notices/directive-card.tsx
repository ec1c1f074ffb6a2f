import type { NoticeDetail } from "@/lib/notices/queries";
import { judge, STATE_LABELS } from "@/lib/assignments/timeliness";
import { Badge } from "@/components/ui/badge";
import { DueBadge } from "@/components/board/due-badge";
import { DeadlineNote } from "@/components/notices/deadline-note";

type Directive = NoticeDetail["directives"][number];
type Assignment = Directive["assignments"][number];

export function DirectiveCard({ directive: d, today }: { directive: Directive; today: string }) {
  const overdue = d.assignments.filter((a) => judge(a, today) === "overdue").length;
  // Members of one group are shown together: eleven districts read as one line, opened on demand.
  const direct = d.assignments.filter((a) => !a.viaGroup);
  const groups = new Map<string, Assignment[]>();
  for (const a of d.assignments) if (a.viaGroup) groups.set(a.viaGroup, [...(groups.get(a.viaGroup) ?? []), a]);

  return (
    <article className={`rounded-xl border bg-white p-4 shadow-sm ${overdue > 0 ? "border-red-300" : "border-slate-200"}`} aria-label={`Nhiệm vụ ${d.ref}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="rounded-md bg-slate-800 px-2 py-0.5 text-xs font-semibold text-white">{d.ref || "—"}</span>
        {d.urgent ? <Badge tone="danger">Khẩn trương</Badge> : null}
        {overdue > 0 ? <Badge tone="danger">{overdue} đơn vị quá hạn</Badge> : null}
      </div>
      <p className="mt-2 whitespace-pre-line text-[15px] leading-relaxed text-slate-800">{d.text}</p>
      <DeadlineNote directive={d} />
      {d.assignments.length === 0 ? (
        <p className="mt-3 text-sm text-amber-800">Chưa giao cho cơ quan nào.</p>
      ) : (
        <ul className="mt-3 grid gap-1.5 text-sm">
          {direct.map((a) => <AssignmentLine key={a.id} a={a} today={today} phrase={d.deadlinePhrase} />)}
          {[...groups].map(([group, members]) => (
            <li key={group}>
              <details>
                <summary className="cursor-pointer">
                  <RoleBadge role={members[0]!.role} /> <span className="font-medium">{group}</span>{" "}
                  <span className="text-slate-600">
                    ({members.length} đơn vị; {members.filter((m) => m.state === "completed").length} hoàn thành
                    {members.some((m) => judge(m, today) === "overdue") ? `; ${members.filter((m) => judge(m, today) === "overdue").length} quá hạn` : ""})
                  </span>
                </summary>
                <ul className="mt-1.5 grid gap-1.5 border-l-2 border-slate-200 pl-4">
                  {members.map((a) => <AssignmentLine key={a.id} a={a} today={today} phrase={d.deadlinePhrase} />)}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

function RoleBadge({ role }: { role: "lead" | "support" }) {
  return role === "lead" ? <Badge tone="brand">Chủ trì</Badge> : <Badge tone="neutral">Phối hợp</Badge>;
}

function AssignmentLine({ a, today, phrase }: { a: Assignment; today: string; phrase: string | null }) {
  return (
    <li className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <RoleBadge role={a.role} />
      <span className="font-medium text-slate-900">{a.agencyName}</span>
      <span className="text-slate-500">· {STATE_LABELS[a.state]}</span>
      <DueBadge assignment={a} today={today} phrase={phrase} />
    </li>
  );
}
