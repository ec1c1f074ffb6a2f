// Deadlines tied to an event ("trong dịp nghỉ lễ 2/9", "dịp Tết Nguyên đán") are periods: the run
// of days off around the holiday, weekends included, as officially scheduled.
import { addDays, ymd, type IsoDate } from "@/lib/time/calendar";
import { isWorkingDay, LUNAR_DATES } from "./holidays";

export type HolidayEvent = "tet" | "new_year" | "national_day" | "reunification" | "labour_day" | "hung_kings";

function anchor(event: HolidayEvent, year: number): IsoDate | null {
  switch (event) {
    case "tet":
      return LUNAR_DATES[year]?.tet ?? null;
    case "hung_kings":
      return LUNAR_DATES[year]?.hungKings ?? null;
    case "new_year":
      return ymd(year, 1, 1);
    case "national_day":
      return ymd(year, 9, 2);
    case "reunification":
      return ymd(year, 4, 30);
    case "labour_day":
      return ymd(year, 5, 1);
  }
}

/** The block of consecutive non-working days that contains the holiday. */
export function holidayPeriod(event: HolidayEvent, year: number): { start: IsoDate; end: IsoDate } | null {
  const a = anchor(event, year);
  if (!a) return null;
  let start = a;
  let end = a;
  while (!isWorkingDay(addDays(start, -1))) start = addDays(start, -1);
  while (!isWorkingDay(addDays(end, 1))) end = addDays(end, 1);
  return { start, end };
}

/** The next occurrence of the holiday that has not ended by `from` (a notice of Dec. means next Tết). */
export function nextHolidayPeriod(event: HolidayEvent, from: IsoDate): { start: IsoDate; end: IsoDate } | null {
  const year = Number(from.slice(0, 4));
  for (const y of [year, year + 1]) {
    const p = holidayPeriod(event, y);
    if (p && p.end >= from) return p;
  }
  return null;
}

/** Recognises the holiday named in folded text ("tet nguyen dan", "le 2/9", "30/4"). */
export function eventOf(foldedName: string): HolidayEvent | null {
  const s = foldedName;
  if (/tet\s+(duong\s+lich|tay)|nam\s+moi\s+\d{4}|\b1\/1\b/.test(s)) return "new_year";
  if (/\btet\b/.test(s)) return "tet";
  if (/quoc\s+khanh|\b2\s*\/\s*0?9\b/.test(s)) return "national_day";
  if (/\b30\s*\/\s*0?4\b|giai\s+phong/.test(s)) return "reunification";
  if (/\b0?1\s*\/\s*0?5\b|quoc\s+te\s+lao\s+dong/.test(s)) return "labour_day";
  if (/gio\s+to|hung\s+vuong/.test(s)) return "hung_kings";
  return null;
}
