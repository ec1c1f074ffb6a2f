import { addDays, daysInMonth, endOfMonth, formatDay, parseIso, weekday, ymd } from "@/lib/time/calendar";
import type { AssignmentState } from "@/lib/assignments/state";

// Recurring directives ("hằng tuần", "định kỳ hằng tháng") ask for a report each period. Periods
// are calendar periods in Vietnam: a week runs Monday to Sunday, a quarter is Jan–Mar, etc.
// Pure code: days are "YYYY-MM-DD" strings.

export type Recurrence = "daily" | "weekly" | "monthly" | "quarterly" | "yearly";

export interface Period {
  start: string;
  end: string;
}

function parts(day: string): { year: number; month: number; day: number } {
  const p = parseIso(day);
  if (!p) throw new RangeError(`Not a calendar day: ${day}`);
  return p;
}

/** The period of the recurrence that contains `today`. */
export function currentPeriod(recurrence: Recurrence, today: string): Period {
  const { year, month } = parts(today);
  switch (recurrence) {
    case "daily":
      return { start: today, end: today };
    case "weekly": {
      // weekday(): 0 = Sunday … 6 = Saturday; Monday starts the week.
      const back = (weekday(today) + 6) % 7;
      const start = addDays(today, -back);
      return { start, end: addDays(start, 6) };
    }
    case "monthly":
      return { start: ymd(year, month, 1), end: ymd(year, month, daysInMonth(year, month)) };
    case "quarterly": {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return { start: ymd(year, first, 1), end: endOfMonth(year, first + 2) };
    }
    case "yearly":
      return { start: ymd(year, 1, 1), end: ymd(year, 12, 31) };
  }
}

const ROMAN = ["I", "II", "III", "IV"] as const;

/** How a period reads in Vietnamese: "tuần 07/06/2021 – 13/06/2021", "tháng 06/2021", "quý II/2021". */
export function periodLabel(recurrence: Recurrence, period: Period): string {
  const { year, month } = parts(period.start);
  const mm = String(month).padStart(2, "0");
  switch (recurrence) {
    case "daily":
      return `ngày ${formatDay(period.start)}`;
    case "weekly":
      return `tuần ${formatDay(period.start)} – ${formatDay(period.end)}`;
    case "monthly":
      return `tháng ${mm}/${year}`;
    case "quarterly":
      return `quý ${ROMAN[Math.floor((month - 1) / 3)]}/${year}`;
    case "yearly":
      return `năm ${year}`;
  }
}

export interface PeriodicStatusInput {
  recurrence: Recurrence | null;
  state: AssignmentState;
  /** "từ ngày D": nothing is asked before the directive starts. */
  startOn: string | null;
  /** A recurring directive may run until a day ("đến hết ngày D"); no report is asked after it. */
  dueOn: string | null;
  /** periodStart of the periodic reports already sent for this assignment. */
  reportedPeriodStarts: readonly string[];
}

/** Whether the board should say "chưa báo cáo kỳ này" for this assignment today. */
export function missingPeriodicReport(input: PeriodicStatusInput, today: string): boolean {
  if (!input.recurrence || input.state === "completed") return false;
  const period = currentPeriod(input.recurrence, today);
  if (input.startOn && input.startOn > period.end) return false;
  if (input.dueOn && input.dueOn < period.start) return false;
  return !input.reportedPeriodStarts.includes(period.start);
}

export const MISSING_PERIODIC_REPORT_LABEL = "Chưa báo cáo kỳ này";
