// Calendar dates as "YYYY-MM-DD" strings. All arithmetic goes through a day number (days since
// 1970-01-01, proleptic Gregorian) so that no JS Date time zone or DST rule can shift a day.

export type IsoDate = string;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1900 &&
    year <= 2200 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

export function ymd(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Returns null when the string is not an existing calendar date. */
export function parseIso(date: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidYmd(year, month, day) ? { year, month, day } : null;
}

export function isIsoDate(date: string): boolean {
  return parseIso(date) !== null;
}

function requireIso(date: string): { year: number; month: number; day: number } {
  const p = parseIso(date);
  if (!p) throw new RangeError(`Not a calendar date: ${date}`);
  return p;
}

// Howard Hinnant's days_from_civil: exact for any Gregorian date, no floating point.
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = requireIso(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return ymd(year, month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** b − a in days. */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

export function endOfMonth(year: number, month: number): IsoDate {
  return ymd(year, month, daysInMonth(year, month));
}

export function endOfQuarter(year: number, quarter: number): IsoDate {
  return endOfMonth(year, quarter * 3);
}

export function endOfYear(year: number): IsoDate {
  return ymd(year, 12, 31);
}

/** "2021-09-15" → "15/09/2021", the way the notices and the users write dates. */
export function formatVi(date: IsoDate): string {
  const { year, month, day } = requireIso(date);
  return `${pad(day)}/${pad(month)}/${year}`;
}

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Today's date in Asia/Ho_Chi_Minh (UTC+7 all year, no DST) for the given instant. */
export function todayInVietnam(now: Date): IsoDate {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** "2021-09-15", 17, 0 → "2021-09-15T17:00:00+07:00". */
export function vietnamDateTime(date: IsoDate, hour: number, minute = 0): string {
  requireIso(date);
  return `${date}T${pad(hour)}:${pad(minute)}:00+07:00`;
}
