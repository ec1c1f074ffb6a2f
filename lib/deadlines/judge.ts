// How a task stands against its due day, for callers that know only the days (no workflow
// state): a completion day means completed. The one judge is lib/assignments/timeliness.ts
// `judge` (the overview's SQL and its running totals count the same); these call it. A task is
// overdue once the due day has ended in Asia/Ho_Chi_Minh, so "today" is a calendar day there.
import { judge, type Timeliness } from "@/lib/assignments/timeliness";
import type { IsoDate } from "@/lib/time/calendar";

export { daysLeft, daysOverdue } from "@/lib/assignments/timeliness";

export type DeadlineStatus = "done_on_time" | "done_late" | "in_progress" | "overdue" | "no_deadline";

const STATUS: Record<Timeliness, DeadlineStatus> = {
  completed_on_time: "done_on_time",
  completed_late: "done_late",
  on_track: "in_progress",
  overdue: "overdue",
  no_deadline: "no_deadline",
};

function judgeDays(dueOn: IsoDate | null, completedOn: IsoDate | null, today: IsoDate): Timeliness {
  return judge({ state: completedOn ? "completed" : "in_progress", dueOn, completedOn }, today);
}

/** Not done by the end of the due day: done after it, or still open after it. */
export function isOverdue(dueOn: IsoDate | null, completedOn: IsoDate | null, today: IsoDate): boolean {
  const t = judgeDays(dueOn, completedOn, today);
  return t === "overdue" || t === "completed_late";
}

/**
 * The government's five categories of a tracked task (DOMAIN.md, "How tracking is judged"); a
 * task with no deadline is "no deadline / ongoing" whether it was completed or not.
 */
export function judgeDeadline(dueOn: IsoDate | null, completedOn: IsoDate | null, today: IsoDate): DeadlineStatus {
  return STATUS[judgeDays(dueOn, completedOn, today)];
}
