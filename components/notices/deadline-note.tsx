import type { DirectiveDeadline } from "@/lib/notices/deadline-fields";
import { DEADLINE_KIND_LABELS, RECURRENCE_LABELS } from "@/lib/notices/labels";
import { formatDateTime, formatDay } from "@/lib/time/calendar";

/** The deadline as the app reads it, always beside the notice's own words. */
export function DeadlineNote({ directive: d }: { directive: DirectiveDeadline }) {
  if (d.deadlineKind === "none" && !d.deadlinePhrase) return null;
  const parts: string[] = [];
  if (d.dueAt) parts.push(`trước ${formatDateTime(d.dueAt)}`);
  else if (d.dueOn) parts.push(`hạn ${formatDay(d.dueOn)}`);
  if (d.startOn) parts.push(`từ ${formatDay(d.startOn)}`);
  if (d.recurrence) parts.push(`báo cáo ${RECURRENCE_LABELS[d.recurrence] ?? d.recurrence}`);
  if (d.milestoneTarget) parts.push(`chỉ tiêu: ${d.milestoneTarget}`);
  // Short classes (.dl-note in app/globals.css) and one string per piece: a notice's page shows
  // this on each of its directives.
  return (
    <p className="dl-note">
      <b>{DEADLINE_KIND_LABELS[d.deadlineKind] ?? "Thời hạn"}</b>
      {parts.length > 0 ? `: ${parts.join(" · ")}` : null}
      {d.deadlinePhrase ? <i>{`Nguyên văn: “${d.deadlinePhrase}”`}</i> : null}
    </p>
  );
}
