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
  return (
    <p className="mt-2 rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700">
      <span className="font-medium">{DEADLINE_KIND_LABELS[d.deadlineKind] ?? "Thời hạn"}</span>
      {parts.length > 0 ? `: ${parts.join(" · ")}` : null}
      {d.deadlinePhrase ? (
        <span className="mt-0.5 block text-slate-600 italic">Nguyên văn: “{d.deadlinePhrase}”</span>
      ) : null}
    </p>
  );
}
