import type { AssignmentState } from "@/lib/assignments/state";
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
