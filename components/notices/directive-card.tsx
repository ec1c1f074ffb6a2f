import Link from "next/link";
import type { NoticeDetail } from "@/lib/notices/queries";
import { ASSIGNMENT_ROLE_LABELS } from "@/lib/notices/labels";
import { STATE_LABELS } from "@/lib/assignments/state";
import { dueInForce, judge } from "@/lib/assignments/timeliness";
import { formatDateTime } from "@/lib/time/calendar";
import { Badge } from "@/components/ui/badge";
import { DueBadge } from "@/components/board/due-badge";
import { DeadlineNote } from "@/components/notices/deadline-note";
import { DirectiveEditPanel } from "@/components/notices/edit/directive-edit-panel";

type Directive = NoticeDetail["directives"][number];
type Assignment = Directive["assignments"][number];

/** How a group's members are counted: "8/11 huyện hoàn thành". */
export function memberNoun(group: string): string {
  const g = group.toLowerCase();
  if (g.includes("trung tâm")) return "trung tâm";
  if (g.includes("huyện") || g.includes("địa phương")) return "huyện";
  if (g.includes("sở") || g.includes("ngành")) return "sở, ngành";
  if (g.includes("thành viên")) return "thành viên";
  return "đơn vị";
}

/** What the card's "Sửa" button holds: the directive's version as the page read it (the editor loads the rest). */
export interface DirectiveEditing {
  version: number;
}

export function DirectiveCard({
  directive: d,
  today,
  editing,
  adjustedAt,
  ended = false,
}: {
  directive: Directive;
  today: string;
  /** The notice was withdrawn: its open tasks ended, none is overdue. */
  ended?: boolean;
  /** Present for those who may edit the notice. */
  editing?: DirectiveEditing;
  /** The last change after publication (ISO instant), if any. */
  adjustedAt?: string | null;
}) {
  const overdue = ended ? 0 : d.assignments.filter((a) => judge(a, today) === "overdue").length;
  const done = d.assignments.filter((a) => a.state === "completed").length;
  // Members of one group are shown together: eleven districts read as one line, opened on demand.
  const direct = d.assignments.filter((a) => !a.viaGroup);
  const groups = new Map<string, Assignment[]>();
  for (const a of d.assignments) if (a.viaGroup) groups.set(a.viaGroup, [...(groups.get(a.viaGroup) ?? []), a]);

  return (
    // The card's parts carry short classes (.dc-* in app/globals.css): a notice of 25 directives
    // to 200 agencies shows them 25 times, in its HTML and again in the page's React payload.
    <article className={overdue > 0 ? "dc dc-late" : "dc"} aria-label={`Nhiệm vụ ${d.ref}`}>
      <div className="dc-head">
        <Link href={`/chi-dao/${d.id}`} className="dc-ref" title="Xem chi tiết và diễn biến của nhiệm vụ">
          {d.ref || "—"}
        </Link>
        {d.urgent ? <Badge tone="danger">Khẩn trương</Badge> : null}
        {overdue > 0 ? <Badge tone="danger">{`${overdue} đơn vị quá hạn`}</Badge> : null}
        {adjustedAt ? (
          <Badge tone="info" title="Nhiệm vụ được điều chỉnh sau khi ban hành">
            Đã điều chỉnh {formatDateTime(new Date(adjustedAt)).slice(0, 10)}
          </Badge>
        ) : null}
        {d.assignments.length > 0 ? <Progress done={done} total={d.assignments.length} /> : null}
      </div>
      {editing ? (
        <DirectiveEditPanel directiveId={d.id} version={editing.version}>
          <Content d={d} today={today} direct={direct} groups={groups} ended={ended} />
        </DirectiveEditPanel>
      ) : (
        <Content d={d} today={today} direct={direct} groups={groups} ended={ended} />
      )}
    </article>
  );
}

function Progress({ done, total }: { done: number; total: number }) {
  const pct = Math.round((done / total) * 100);
  return (
    <span className="dc-prog" data-testid="directive-progress">
      <span aria-hidden>
        <span style={{ width: `${pct}%` }} />
      </span>
      {`${done}/${total} hoàn thành`}
    </span>
  );
}

function Content({
  d,
  today,
  direct,
  groups,
  ended,
}: {
  d: Directive;
  today: string;
  direct: Assignment[];
  groups: Map<string, Assignment[]>;
  ended: boolean;
}) {
  const overdueOf = (members: Assignment[]) =>
    ended ? 0 : members.filter((m) => judge(m, today) === "overdue").length;
  return (
    <>
      <p className="dc-text">{d.text}</p>
      <DeadlineNote directive={d} />
      {d.assignments.length === 0 ? (
        <p className="mt-3 text-sm text-amber-800">Chưa giao cho cơ quan nào.</p>
      ) : (
        <ul className="dc-lines">
          {alike(direct, today).map((same) => (
            <AssignmentLine key={same[0]!.id} same={same} today={today} phrase={d.deadlinePhrase} ended={ended} />
          ))}
          {[...groups].map(([group, members]) => (
            <li key={group}>
              <details>
                <summary>
                  <RoleBadge role={members[0]!.role} /> <b>{group}</b>{" "}
                  <span>
                    {`(${members.filter((m) => m.state === "completed").length}/${members.length} ${memberNoun(group)} hoàn thành${overdueOf(members) > 0 ? `; ${overdueOf(members)} quá hạn` : ""})`}
                  </span>
                </summary>
                <ul>
                  {alike(members, today).map((same) => (
                    <AssignmentLine
                      key={same[0]!.id}
                      same={same}
                      today={today}
                      phrase={d.deadlinePhrase}
                      ended={ended}
                      showRole={same[0]!.role !== members[0]!.role}
                    />
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function RoleBadge({ role }: { role: "lead" | "support" }) {
  return <Badge tone={role === "lead" ? "brand" : "neutral"}>{ASSIGNMENT_ROLE_LABELS[role]}</Badge>;
}

/**
 * The tasks in lines of agencies that stand alike: the same role and state, and the same due day
 * judged the same way today (so the same badge), in their order of first appearance. Eleven
 * districts not yet started on one deadline read as one line, not eleven, and a notice of 25
 * directives to 200 agencies stays a page a district's phone can load.
 */
function alike(tasks: Assignment[], today: string): Assignment[][] {
  const lines = new Map<string, Assignment[]>();
  for (const a of tasks) {
    const key = [a.role, a.state, judge(a, today), dueInForce(a, today), a.periodReported].join("|");
    const line = lines.get(key);
    if (line) line.push(a);
    else lines.set(key, [a]);
  }
  return [...lines.values()];
}

/**
 * Agencies alike (see alike): their role (a group's members share the group line's, so theirs is
 * shown only when it differs), names, state and due day.
 */
function AssignmentLine({
  same,
  today,
  phrase,
  ended,
  showRole = true,
}: {
  same: Assignment[];
  today: string;
  phrase: string | null;
  ended: boolean;
  showRole?: boolean;
}) {
  const a = same[0]!;
  return (
    <li className="agency-line">
      {showRole ? <RoleBadge role={a.role} /> : null}
      <b>{same.map((t) => t.agencyName).join(", ")}</b>
      <span>{`· ${STATE_LABELS[a.state]}`}</span>
      {ended && a.state !== "completed" ? (
        <Badge tone="neutral">Đã kết thúc do thu hồi</Badge>
      ) : (
        <DueBadge assignment={a} today={today} phrase={phrase} />
      )}
    </li>
  );
}
