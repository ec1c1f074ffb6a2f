import type { Recurrence } from "@/lib/assignments/recurrence";
import type { AssignmentState } from "@/lib/assignments/state";
import { periodDeadline } from "@/lib/deadlines/period";
import { daysBetween } from "@/lib/time/calendar";

// How the government's reports sort a task (DOMAIN.md, "How tracking is judged"). A task is
// overdue when it is not completed by the end of its due day in Asia/Ho_Chi_Minh. `judge` is the
// app's one timeliness judge: the overview counts the same categories in SQL
// (lib/reports/scope.ts `categoryPredicate`, and the running totals' `assignment_tally_of` in
// prisma/migrations/20261123171000_assignment_tally), and lib/deadlines/judge.ts calls it.

export type Timeliness = "completed_on_time" | "completed_late" | "on_track" | "overdue" | "no_deadline";

export interface TimelinessInput {
  state: AssignmentState;
  dueOn: string | null; // "YYYY-MM-DD", the date in force (an approved extension's, if any)
  completedOn: string | null;
  /**
   * A recurring directive ("hằng tuần", "hằng tháng") is judged per period: the report of the period
   * holding today is due, done or late (lib/deadlines/period.ts); `dueOn` is its first report's due day.
   */
  recurrence?: Recurrence | null;
  /** Recurring only: this period's report was sent ("đã báo cáo kỳ này"). */
  periodReported?: boolean;
}

/**
 * The due day a task is judged by today: its due day, or for an open recurring directive the due
 * day of the current period's report.
 */
export function dueInForce(a: Pick<TimelinessInput, "state" | "dueOn" | "recurrence">, today: string): string | null {
  if (!a.dueOn || !a.recurrence || a.state === "completed") return a.dueOn;
  return periodDeadline(a.recurrence, a.dueOn, today).dueOn;
}

/**
 * A task with no deadline is "no deadline / ongoing" whether completed or not; one completed with
 * a deadline but no completion day recorded counts as on time (as the SQL does).
 */
export function judge(a: TimelinessInput, today: string): Timeliness {
  if (a.state === "completed") {
    if (!a.dueOn) return "no_deadline";
    return a.completedOn && a.completedOn > a.dueOn ? "completed_late" : "completed_on_time";
  }
  if (!a.dueOn) return "no_deadline";
  if (a.recurrence) {
    if (a.periodReported && today > a.dueOn) return "on_track";
    return today > dueInForce(a, today)! ? "overdue" : "on_track";
  }
  return today > a.dueOn ? "overdue" : "on_track";
}

/** Days past the due day (0 on the due day itself and before). */
export function daysOverdue(dueOn: string, today: string): number {
  return Math.max(0, daysBetween(dueOn, today));
}

/** Days left until the end of the due day (0 on the due day). */
export function daysLeft(dueOn: string, today: string): number {
  return daysBetween(today, dueOn);
}

export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  completed_on_time: "Hoàn thành đúng hạn",
  completed_late: "Hoàn thành quá hạn",
  on_track: "Đang thực hiện trong hạn",
  overdue: "Quá hạn",
  no_deadline: "Không có thời hạn",
};
