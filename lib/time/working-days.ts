import { addDays, isWeekend, type IsoDate } from "@/lib/time/calendar";

/**
 * The day `n` working days after `from` (Monday to Friday; public holidays are not known to the
 * app and count as working days). From a Friday, 1 working day is the Monday.
 */
export function addWorkingDays(from: IsoDate, n: number): IsoDate {
  let day = from;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (!isWeekend(day)) left--;
  }
  return day;
}
