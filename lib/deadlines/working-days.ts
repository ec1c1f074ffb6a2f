import { addDays, type IsoDate } from "@/lib/time/calendar";
import { isWorkingDay } from "./holidays";

/**
 * The date on which "N ngày làm việc" counted from `from` ends: the day of signing is not counted,
 * the next working day is day 1. N ≤ 0 returns `from` unchanged.
 */
export function addWorkingDays(from: IsoDate, n: number): IsoDate {
  let d = from;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** Working days in (from, to]: how many working days a deadline leaves after `from`. */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  if (to <= from) return 0;
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
  return count;
}
