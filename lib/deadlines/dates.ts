// Reading the dates written in notices: "15/9/2021", "06/9", "ngày 06 tháng 9 năm 2021".
import { isValidYmd, ymd, type IsoDate } from "@/lib/time/calendar";

/** A date as written, matched in folded text (see fold.ts). Groups: numeric d/m/y or word form. */
export const DATE_SRC =
  String.raw`(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?(?![\d/])` +
  String.raw`|(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*(?:,\s*)?(?:nam|/)\s*(\d{4}))?`;

const DATE_RE = new RegExp(`^(?:ngay\\s+)?(?:${DATE_SRC})`);

export type DateReading =
  | { ok: true; date: IsoDate; yearGiven: boolean; text: string }
  | { ok: false; reason: "no-year" | "invalid"; text: string; day: number; month: number; year: number | null };

/** Reads a date from folded text written as in notices; a missing year takes `defaultYear`. */
export function readDate(folded: string, defaultYear: number | null): DateReading | null {
  const m = DATE_RE.exec(folded.trimStart());
  if (!m) return null;
  const day = Number(m[1] ?? m[4]);
  const month = Number(m[2] ?? m[5]);
  const yearText = m[3] ?? m[6];
  const year = yearText ? Number(yearText) : defaultYear;
  if (year === null) return { ok: false, reason: "no-year", text: m[0], day, month, year: null };
  if (!isValidYmd(year, month, day)) return { ok: false, reason: "invalid", text: m[0], day, month, year };
  return { ok: true, date: ymd(year, month, day), yearGiven: Boolean(yearText), text: m[0] };
}

/** Every date in a folded string, with its offsets, for metadata such as the meeting date. */
export function findDates(
  folded: string,
  defaultYear: number | null,
): { start: number; end: number; reading: DateReading }[] {
  const re = new RegExp(`(?<![\\d/])(?:${DATE_SRC})`, "g");
  const out: { start: number; end: number; reading: DateReading }[] = [];
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const reading = readDate(m[0], defaultYear);
    if (reading) out.push({ start: m.index, end: m.index + m[0].length, reading });
  }
  return out;
}
