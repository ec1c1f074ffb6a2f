// How a task stands against its due day. A task is overdue once the due day has ended in
// Asia/Ho_Chi_Minh, so every function takes "today" as a calendar date there (todayInVietnam).
import { daysBetween, type IsoDate } from "@/lib/time/calendar";

export type DeadlineStatus = "done_on_time" | "done_late" | "in_progress" | "overdue" | "no_deadline";

/** Not done by the end of the due day: done after it, or still open after it. */
export function isOverdue(dueOn: IsoDate | null, completedOn: IsoDate | null, today: IsoDate): boolean {
  if (!dueOn) return false;
  return completedOn ? completedOn > dueOn : today > dueOn;
}

/** Days since the due day ended (0 when not overdue): due 15/9, today 17/9 → 2. */
export function daysOverdue(dueOn: IsoDate, today: IsoDate): number {
  return Math.max(0, daysBetween(dueOn, today));
}

/** Days left before the due day ends, counting today (due today → 0, past → negative). */
export function daysLeft(dueOn: IsoDate, today: IsoDate): number {
  return daysBetween(today, dueOn);
}

/** The government's five categories of a tracked task (DOMAIN.md, "How tracking is judged"). */
export function judgeDeadline(dueOn: IsoDate | null, completedOn: IsoDate | null, today: IsoDate): DeadlineStatus {
  if (!dueOn) return completedOn ? "done_on_time" : "no_deadline";
  if (completedOn) return completedOn <= dueOn ? "done_on_time" : "done_late";
  return today > dueOn ? "overdue" : "in_progress";
}
