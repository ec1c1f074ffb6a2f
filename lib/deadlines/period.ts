import { currentPeriod, type Period, type Recurrence } from "@/lib/assignments/recurrence";
import { addDays, daysBetween, type IsoDate } from "@/lib/time/calendar";

// A recurring directive ("hằng tuần", "định kỳ hằng tháng") asks for a report each period, so it
// is judged per period: the report of the period that holds "today" is due, done or late. The
// due day of a period keeps the place of the first report's due day (the directive's dueOn, as
// the extractor reads it) within its own period: "hằng tuần vào thứ Sáu" is due each Friday, a
// report at a month's end at each month's end, "hằng tháng" due the 5th on each 5th (the 31st
// becoming the month's last day). Before the first due day, the first due day governs.
// lib/reports/scope.ts `periodDueSql` writes the same rule in SQL; tests compare the two.

export const RECURRENCES = [
  "daily",
  "weekly",
  "monthly",
  "quarterly",
  "yearly",
] as const satisfies readonly Recurrence[];

export function isRecurrence(value: unknown): value is Recurrence {
  return typeof value === "string" && (RECURRENCES as readonly string[]).includes(value);
}

export interface PeriodDeadline {
  /** The period whose report is asked now. */
  period: Period;
  /** The day that report is due. */
  dueOn: IsoDate;
}

/** The report asked of a recurring directive at `today`: its period, and its due day. */
export function periodDeadline(recurrence: Recurrence, firstDueOn: IsoDate, today: IsoDate): PeriodDeadline {
  if (today <= firstDueOn) return { period: currentPeriod(recurrence, firstDueOn), dueOn: firstDueOn };
  const period = currentPeriod(recurrence, today);
  const first = currentPeriod(recurrence, firstDueOn);
  if (firstDueOn === first.end) return { period, dueOn: period.end };
  const due = addDays(period.start, daysBetween(first.start, firstDueOn));
  return { period, dueOn: due > period.end ? period.end : due };
}
