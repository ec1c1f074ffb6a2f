import type { Deadline } from "@/lib/notices/draft";
import { DEADLINE_KIND_LABELS } from "@/lib/notices/labels";
import { formatDateTime, formatDay } from "@/lib/time/calendar";

/** "30/09/2021 (“chậm nhất ngày 30/9/2021”)": the date the app reads, beside the words kept. */
export function describeDeadline(d: Deadline | null | undefined): string {
  if (!d) return "không có thời hạn";
  const when = d.dueAt
    ? formatDateTime(new Date(d.dueAt))
    : d.dueOn
      ? formatDay(d.dueOn)
      : (DEADLINE_KIND_LABELS[d.kind] ?? d.kind);
  return d.phrase ? `${when} (“${d.phrase}”)` : when;
}
