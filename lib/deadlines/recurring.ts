// Recurring reports (DOMAIN.md: "hằng tuần", "định kỳ hằng tháng"): the recurrence is kept and the
// first due day follows the rule the notice writes. "hằng tuần vào thứ Sáu" is due on the first
// Friday after the issue day; "báo cáo hằng ngày trước 16 giờ" on the issue day at 16:00 (the
// hour stays on dueAt); a plain "hằng tuần" a week after issue, "hằng tháng" at the month's end.
import type { Deadline } from "@/lib/notices/draft";
import { addDays, endOfMonth, endOfQuarter, endOfYear, vietnamDateTime, weekday, type IsoDate } from "./calendar";

const RECURRENCE: Record<string, NonNullable<Deadline["recurrence"]>> = {
  ngay: "daily",
  tuan: "weekly",
  thang: "monthly",
  quy: "quarterly",
  nam: "yearly",
};

const WEEKDAYS: Record<string, number> = {
  hai: 1,
  "2": 1,
  ba: 2,
  "3": 2,
  tu: 3,
  "4": 3,
  nam: 4,
  "5": 4,
  sau: 5,
  "6": 5,
  bay: 6,
  "7": 6,
};

// Around the "hằng …" words, in the same clause: "(vào) thứ Sáu", "trước 16 giờ", "lúc 15h30".
const WEEKDAY_RE = /\b(?:vao\s+)?(?:ngay\s+)?(?:thu\s+(hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat)\b/g;
const HOUR_RE =
  /\b(?:truoc|luc|vao(?:\s+luc)?|cham\s+nhat(?:\s+(?:la|vao|truoc))?)\s+(\d{1,2})\s*(?:gio|h)\s*(\d{2})?(?:\s*phut)?/g;
const WINDOW = 48;

export interface RecurringReading {
  recurrence: NonNullable<Deadline["recurrence"]>;
  dueOn: IsoDate | null;
  dueAt: string | null;
  /** The phrase's span in the folded text, widened to the weekday and hour it names. */
  start: number;
  end: number;
}

function near(re: RegExp, clause: string, base: number, from: number, to: number): RegExpExecArray | null {
  re.lastIndex = 0;
  for (let m = re.exec(clause); m; m = re.exec(clause)) {
    const s = base + m.index;
    const e = s + m[0].length;
    if (e >= from - WINDOW && s <= to + WINDOW) return Object.assign(m, { index: s });
  }
  return null;
}

/** Reads "hằng <period>" at [start, end) of `folded` with what its clause adds. */
export function readRecurring(
  folded: string,
  period: string | undefined,
  start: number,
  end: number,
  issuedOn: IsoDate | null,
): RecurringReading {
  const stops = /[;.\n]/g;
  let clauseStart = 0;
  let clauseEnd = folded.length;
  for (let m = stops.exec(folded); m; m = stops.exec(folded)) {
    if (m.index < start) clauseStart = m.index + 1;
    else if (m.index >= end) {
      clauseEnd = m.index;
      break;
    }
  }
  const clause = folded.slice(clauseStart, clauseEnd);
  const day = near(WEEKDAY_RE, clause, clauseStart, start, end);
  const hour = near(HOUR_RE, clause, clauseStart, start, end);
  const recurrence: RecurringReading["recurrence"] =
    (period ? RECURRENCE[period] : undefined) ?? (day || /(hang|moi)\s+tuan/.test(clause) ? "weekly" : "monthly");
  let s = start;
  let e = end;
  for (const m of [day, hour]) {
    if (!m) continue;
    s = Math.min(s, m.index);
    e = Math.max(e, m.index + m[0].length);
  }
  let dueOn: IsoDate | null = null;
  if (issuedOn) {
    const y = Number(issuedOn.slice(0, 4));
    const mo = Number(issuedOn.slice(5, 7));
    if (recurrence === "weekly" && day) {
      const want = day[1] ? WEEKDAYS[day[1]]! : 0;
      const ahead = (want - weekday(issuedOn) + 7) % 7 || 7; // the first such day after issue
      dueOn = addDays(issuedOn, ahead);
    } else
      dueOn = {
        daily: issuedOn,
        weekly: addDays(issuedOn, 7),
        monthly: endOfMonth(y, mo),
        quarterly: endOfQuarter(y, Math.ceil(mo / 3)),
        yearly: endOfYear(y),
      }[recurrence];
  }
  let dueAt: string | null = null;
  if (hour && dueOn) {
    const h = Number(hour[1]);
    const min = hour[2] ? Number(hour[2]) : 0;
    if (h <= 23 && min <= 59) dueAt = vietnamDateTime(dueOn, h, min);
  }
  return { recurrence, dueOn, dueAt, start: s, end: e };
}
