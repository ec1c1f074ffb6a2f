// Official days off in Vietnam (Bộ luật Lao động 2019, art. 112, and the yearly decisions of the
// Government / Bộ LĐTBXH on Tết and swapped days). 2020–2025 are the announced days; 2026–2030 are
// derived from the same rules (lunar dates computed ahead) and should be checked against each
// year's decision when it is published. Only the dates matter to the deadline logic: a day off
// that falls on a weekend is already listed as its compensatory weekday.

import { addDays, isWeekend, weekday, type IsoDate } from "@/lib/time/calendar";

export interface HolidayYear {
  /** Weekdays that are not worked (holidays, Tết, compensatory and swapped days). */
  daysOff: IsoDate[];
  /** Saturdays worked in exchange for a swapped day ("làm bù"). */
  workedWeekends: IsoDate[];
  /** Whether the year is the published schedule or derived from the rules. */
  source: "announced" | "derived";
}

const ANNOUNCED: Record<number, Omit<HolidayYear, "source">> = {
  2020: {
    daysOff: [
      "2020-01-01",
      "2020-01-23",
      "2020-01-24",
      "2020-01-27",
      "2020-01-28",
      "2020-01-29",
      "2020-04-02",
      "2020-04-30",
      "2020-05-01",
      "2020-09-02",
    ],
    workedWeekends: [],
  },
  2021: {
    daysOff: [
      "2021-01-01",
      "2021-02-10",
      "2021-02-11",
      "2021-02-12",
      "2021-02-15",
      "2021-02-16",
      "2021-04-21",
      "2021-04-30",
      "2021-05-03",
      "2021-09-02",
      "2021-09-03",
    ],
    workedWeekends: [],
  },
  2022: {
    daysOff: [
      "2022-01-03",
      "2022-01-31",
      "2022-02-01",
      "2022-02-02",
      "2022-02-03",
      "2022-02-04",
      "2022-04-11",
      "2022-05-02",
      "2022-05-03",
      "2022-09-01",
      "2022-09-02",
    ],
    workedWeekends: [],
  },
  2023: {
    daysOff: [
      "2023-01-02",
      "2023-01-20",
      "2023-01-23",
      "2023-01-24",
      "2023-01-25",
      "2023-01-26",
      "2023-05-01",
      "2023-05-02",
      "2023-05-03",
      "2023-09-01",
      "2023-09-04",
    ],
    workedWeekends: [],
  },
  2024: {
    daysOff: [
      "2024-01-01",
      "2024-02-08",
      "2024-02-09",
      "2024-02-12",
      "2024-02-13",
      "2024-02-14",
      "2024-04-18",
      "2024-04-29",
      "2024-04-30",
      "2024-05-01",
      "2024-09-02",
      "2024-09-03",
    ],
    workedWeekends: ["2024-05-04"],
  },
  2025: {
    daysOff: [
      "2025-01-01",
      "2025-01-27",
      "2025-01-28",
      "2025-01-29",
      "2025-01-30",
      "2025-01-31",
      "2025-04-07",
      "2025-04-30",
      "2025-05-01",
      "2025-05-02",
      "2025-09-01",
      "2025-09-02",
    ],
    workedWeekends: ["2025-04-26"],
  },
};

/** Mùng 1 Tết and 10/3 âm lịch (Giỗ Tổ Hùng Vương) in the Vietnamese (UTC+7) lunar calendar. */
export const LUNAR_DATES: Record<number, { tet: IsoDate; hungKings: IsoDate }> = {
  2020: { tet: "2020-01-25", hungKings: "2020-04-02" },
  2021: { tet: "2021-02-12", hungKings: "2021-04-21" },
  2022: { tet: "2022-02-01", hungKings: "2022-04-10" },
  2023: { tet: "2023-01-22", hungKings: "2023-04-29" },
  2024: { tet: "2024-02-10", hungKings: "2024-04-18" },
  2025: { tet: "2025-01-29", hungKings: "2025-04-07" },
  2026: { tet: "2026-02-17", hungKings: "2026-04-26" },
  2027: { tet: "2027-02-06", hungKings: "2027-04-16" },
  2028: { tet: "2028-01-26", hungKings: "2028-04-04" },
  2029: { tet: "2029-02-13", hungKings: "2029-04-23" },
  2030: { tet: "2030-02-03", hungKings: "2030-04-12" },
};

export const FIRST_HOLIDAY_YEAR = 2020;
export const LAST_HOLIDAY_YEAR = 2030;

// The rules: 1/1; Tết = the eve (30 Tết) and mùng 1–4; Giỗ Tổ; 30/4; 1/5; 2/9 plus the adjacent
// day that makes a long weekend. A holiday on a weekend moves to the next free weekday.
function deriveYear(year: number): Omit<HolidayYear, "source"> {
  const lunar = LUNAR_DATES[year];
  if (!lunar) return { daysOff: [], workedWeekends: [] };
  const holidays: IsoDate[] = [`${year}-01-01`];
  for (let i = -1; i <= 3; i++) holidays.push(addDays(lunar.tet, i));
  holidays.push(lunar.hungKings, `${year}-04-30`, `${year}-05-01`);
  const nationalDay = `${year}-09-02`;
  const wd = weekday(nationalDay);
  // Thu → Fri, Mon → Tue, Sun → Mon; otherwise the day before (Tue → Mon, Wed → Tue, Fri → Thu, Sat → Fri).
  const adjacent = wd === 4 || wd === 1 || wd === 0 ? addDays(nationalDay, 1) : addDays(nationalDay, -1);
  holidays.push(nationalDay, adjacent);
  const off = new Set<IsoDate>();
  const weekendHolidays: IsoDate[] = [];
  for (const d of holidays.sort()) {
    if (isWeekend(d)) weekendHolidays.push(d);
    else off.add(d);
  }
  for (const d of weekendHolidays) {
    let c = addDays(d, 1);
    while (isWeekend(c) || off.has(c)) c = addDays(c, 1);
    off.add(c);
  }
  return { daysOff: [...off].sort(), workedWeekends: [] };
}

const cache = new Map<number, HolidayYear>();

export function holidaysOf(year: number): HolidayYear {
  let y = cache.get(year);
  if (!y) {
    const announced = ANNOUNCED[year];
    y = announced ? { ...announced, source: "announced" } : { ...deriveYear(year), source: "derived" };
    cache.set(year, y);
  }
  return y;
}

const offSet = new Map<number, Set<IsoDate>>();
const workedSet = new Map<number, Set<IsoDate>>();

function setsOf(year: number): { off: Set<IsoDate>; worked: Set<IsoDate> } {
  let off = offSet.get(year);
  let worked = workedSet.get(year);
  if (!off || !worked) {
    const h = holidaysOf(year);
    off = new Set(h.daysOff);
    worked = new Set(h.workedWeekends);
    offSet.set(year, off);
    workedSet.set(year, worked);
  }
  return { off, worked };
}

export function isPublicHoliday(date: IsoDate): boolean {
  return setsOf(Number(date.slice(0, 4))).off.has(date);
}

/** A working day: Monday–Friday that is not a day off, or a Saturday worked in exchange. */
export function isWorkingDay(date: IsoDate): boolean {
  const { off, worked } = setsOf(Number(date.slice(0, 4)));
  if (worked.has(date)) return true;
  return !isWeekend(date) && !off.has(date);
}
