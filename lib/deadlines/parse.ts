// Turns the deadline phrases of a directive into a Deadline (lib/notices/draft.ts), following the
// phrase table of DOMAIN.md. Matching runs on folded text (no diacritics, lower case, same length),
// so OCR that lost a tone mark still matches and every span points back at the original words.
import type { Deadline } from "@/lib/notices/draft";
import { addDays, endOfMonth, endOfQuarter, endOfYear, formatVi, vietnamDateTime, type IsoDate } from "./calendar";
import { readRecurring } from "./recurring";
import { DATE_SRC, readDate, type DateReading } from "./dates";
import { eventOf, nextHolidayPeriod } from "./events";
import { foldVi } from "./fold";
import { addWorkingDays } from "./working-days";

export interface DeadlineContext {
  /** Issue date when its day is known: "trong vòng N ngày" counts from it. */
  issuedOn: IsoDate | null;
  /** The notice's year, for dates written without one ("ngày 2/9"). */
  year: number | null;
  /** The day events are looked ahead from ("dịp Tết" = the next Tết): issue or meeting date. */
  referenceOn?: IsoDate | null;
}

export interface DeadlineMatch {
  deadline: Deadline;
  start: number; // offsets of the phrase in the text given to findDeadlines
  end: number;
  /** Vietnamese, for the reviewer: a date that does not exist, a count with no issue date… */
  problems: string[];
}

type Kind = Deadline["kind"];

// The rules capture whole dates only; readDate() re-reads each one.
const DATE_NC = DATE_SRC.replace(/\((?!\?)/g, "(?:");
const D = `(?:ngay\\s+)?(?:${DATE_NC})`;
const DATE_G = `(${D})`;

interface Rule {
  kind: Kind;
  re: RegExp;
  rank: number; // lower wins when a directive holds several phrases
}

const RULES: Rule[] = [
  {
    kind: "datetime",
    rank: 1,
    re: new RegExp(
      String.raw`\b(?:truoc|cham\s+nhat(?:\s+la)?(?:\s+(?:den|vao|truoc))?|den|trong)\s+(\d{1,2})\s*(?:gio|h|:)\s*(\d{2})?(?:\s*phut)?\s*(?:,\s*|\s+)` +
        DATE_G,
      "g",
    ),
  },
  {
    kind: "milestone",
    rank: 2,
    re: new RegExp(
      String.raw`\bphan\s+dau\s+(?:den|truoc|trong)?\s*` +
        DATE_G +
        String.raw`\s*,?\s*(?:dat|hoan\s+thanh|co|xong)\s+([^.;:\n]{1,80})`,
      "g",
    ),
  },
  { kind: "until_end", rank: 2, re: new RegExp(String.raw`\b(?:den\s+)?het\s+` + DATE_G, "g") },
  {
    kind: "exact",
    rank: 2,
    re: new RegExp(
      String.raw`\b(?:cham\s+nhat(?:\s+la)?(?:\s+(?:den|vao|trong))?|(?<!het\s)den|trong|xong\s+truoc(?!\s+ngay)|hoan\s+thanh\s+vao|de(?:\s+kip)?(?=\s+ngay)|vao)\s+` +
        DATE_G,
      "g",
    ),
  },
  // "trước D" reads as "trước ngày D" (the day before D); only DOMAIN's "xong trước D" is D (above).
  { kind: "before", rank: 2, re: new RegExp(String.raw`\btruoc\s+(${D})`, "g") },
  {
    kind: "working_days",
    rank: 3,
    re: /\btrong(?:\s+vong|\s+thoi\s+han|\s+thoi\s+gian)?\s+(\d{1,3})\s+ngay\s+lam\s+viec(?:\s*\(?\s*(?:,\s*)?ke\s+tu\s+ngay\s+(?:ky|ban\s+hanh|nhan\s+duoc)[^).;]*\)?)?/g,
  },
  {
    kind: "within_days",
    rank: 3,
    re: /\btrong(?:\s+vong|\s+thoi\s+han|\s+thoi\s+gian)?\s+(\d{1,3})\s+ngay(?!\s+(?:lam\s+viec|\d|tu\s+ngay))(?:\s*\(?\s*(?:,\s*)?ke\s+tu\s+ngay\s+(?:ky|ban\s+hanh|nhan\s+duoc)[^).;]*\)?)?/g,
  },
  // "trong tháng 9/2021", and a run of months "trong tháng 7 và tháng 8/2021" (due at the last).
  {
    kind: "month",
    rank: 4,
    re: /\btrong\s+(?:cac\s+)?thang\s+(\d{1,2})(?:\s*(?:,|va|-|–|den)\s*(?:thang\s+)?(\d{1,2}))*(?:\s*(?:\/|nam)\s*(\d{4}))?(?![\d/])/g,
  },
  // "trong quý III", and "Quý III/2021" on its own when it names the year.
  {
    kind: "quarter",
    rank: 4,
    re: /\b(?:trong\s+quy\s+(iv|i{1,3}|[1-4])\b(?:\s*(?:\/|nam)\s*(\d{4}))?|quy\s+(iv|i{1,3}|[1-4])\s*(?:\/|nam)\s*(\d{4}))/g,
  },
  { kind: "year", rank: 4, re: /\btrong\s+nam\s+(\d{4})\b/g },
  {
    kind: "event",
    rank: 5,
    re: /\b(?:trong\s+)?(?:nhung\s+ngay\s+|thoi\s+gian\s+)?(?:dip|nghi)\s+(?:nghi\s+)?((?:le\s+)?(?:tet(?:\s+nguyen\s+dan|\s+am\s+lich|\s+duong\s+lich)?|quoc\s+khanh|\d{1,2}\s*\/\s*\d{1,2}|gio\s+to\s+hung\s+vuong))(?:\s+(?:nham|quy|giap|at|binh|dinh|mau|ky|canh|tan)\s+(?:ty|suu|dan|mao|thin|ti|ngo|mui|than|dau|tuat|hoi))?/g,
  },
  { kind: "recurring", rank: 6, re: /\b(?:dinh\s+ky\s+)?(?:hang|moi)\s+(ngay|tuan|thang|quy|nam)\b|\bdinh\s+ky\b/g },
  // "thứ Sáu hằng tuần" read the other way round.
  { kind: "recurring", rank: 6, re: /\bthu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])\s+(?:hang|moi)\s+(tuan)\b/g },
  {
    kind: "start",
    rank: 7,
    re: new RegExp(
      String.raw`(?<![\w/-])(?:ke\s+)?tu\s+` + DATE_G + String.raw`(?:\s*(?:[-–—]|den(?:\s+het)?)\s*` + DATE_G + ")?",
      "g",
    ),
  },
  // "thường xuyên"/"kịp thời" qualify an action only when a word follows ("thường xuyên kiểm tra",
  // "bảo đảm kịp thời, chính xác"); "khám, chữa bệnh thường xuyên;" is not a time limit. "sớm có hướng dẫn" reads like "khẩn trương".
  {
    kind: "ongoing",
    rank: 8,
    re: /\b(?:(?:thuong\s+xuyen|kip\s+thoi|lien\s+tuc)(?=\s+[a-z])|(?<!duoc\s)kip\s+thoi(?=,\s*[a-z])|khan\s+truong|ngay\s+lap\s+tuc|than\s+toc|nhanh\s+chong|gap(?=\s)|(?:kich\s+hoat|thanh\s+lap|trien\s+khai|thuc\s+hien|bao\s+cao|to\s+chuc)\s+ngay|som(?=\s+(?:co|ban\s+hanh|trien\s+khai|thuc\s+hien|hoan\s+thanh|xay\s+dung|to\s+chuc|bao\s+cao|tham\s+muu|de\s+xuat)\b))\b/g,
  },
];

// DOMAIN's own no-date words win over other pace words when a directive has several.
const TABLE_PACE = /^(?:thuong\s+xuyen|kip\s+thoi|khan\s+truong)$/;

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function blank(kind: Kind, phrase: string): Deadline {
  return { kind, dueOn: null, dueAt: null, phrase, startOn: null, recurrence: null, target: null };
}

function describe(r: DateReading & { ok: false }): string {
  const written = `${r.day}/${r.month}${r.year ? `/${r.year}` : ""}`;
  return r.reason === "invalid" ? `Ngày ${written} không tồn tại` : `Không xác định được năm của ngày ${written}`;
}

function dateOf(text: string | undefined, ctx: DeadlineContext, problems: string[]): IsoDate | null {
  if (!text) return null;
  const r = readDate(text, ctx.year);
  if (!r) return null;
  if (!r.ok) {
    problems.push(describe(r));
    return null;
  }
  return r.date;
}

function build(
  kind: Kind,
  m: RegExpExecArray,
  phrase: string,
  ctx: DeadlineContext,
  text: string,
  folded: string,
  opts: ParseOptions,
): { d: Deadline; problems: string[]; span: [number, number] | null } | null {
  const problems: string[] = [];
  let span: [number, number] | null = null;
  const d = blank(kind, phrase);
  switch (kind) {
    case "datetime": {
      const date = dateOf(m[3], ctx, problems);
      const hour = Number(m[1]);
      const minute = m[2] ? Number(m[2]) : 0;
      if (hour > 24 || minute > 59) return null;
      d.dueOn = date;
      if (date)
        d.dueAt = hour === 24 ? vietnamDateTime(addDays(date, 1), 0, minute) : vietnamDateTime(date, hour, minute);
      break;
    }
    case "milestone": {
      d.dueOn = dateOf(m[1], ctx, problems);
      const targetStart = m.index + m[0].length - (m[m.length - 1]?.length ?? 0);
      d.target = text.slice(targetStart, m.index + m[0].length).trim() || null;
      break;
    }
    case "exact":
    case "until_end":
      d.dueOn = dateOf(m[1], ctx, problems);
      break;
    case "before": {
      const date = dateOf(m[1], ctx, problems);
      d.dueOn = date ? addDays(date, -1) : null;
      break;
    }
    case "working_days":
    case "within_days": {
      const n = Number(m[1]);
      if (!ctx.issuedOn)
        problems.push(`Thời hạn "${phrase}" tính từ ngày ban hành, nhưng văn bản chưa ghi ngày ban hành`);
      else d.dueOn = kind === "working_days" ? addWorkingDays(ctx.issuedOn, n) : addDays(ctx.issuedOn, n);
      break;
    }
    case "month": {
      const month = Number(m[2] || m[1]);
      const year = m[3] ? Number(m[3]) : ctx.year;
      if (month < 1 || month > 12) return null;
      if (year === null) problems.push(`Không xác định được năm của "${phrase}"`);
      else d.dueOn = endOfMonth(year, month);
      break;
    }
    case "quarter": {
      const numeral = m[1] ?? m[3] ?? "";
      const q = ROMAN[numeral] ?? Number(numeral);
      const yearText = m[2] ?? m[4];
      const year = yearText ? Number(yearText) : ctx.year;
      if (year === null) problems.push(`Không xác định được năm của "${phrase}"`);
      else d.dueOn = endOfQuarter(year, q);
      break;
    }
    case "year":
      d.dueOn = endOfYear(Number(m[1]));
      break;
    case "event": {
      const ev = eventOf(m[1] ?? "");
      const from = ctx.issuedOn ?? ctx.referenceOn ?? (ctx.year ? `${ctx.year}-01-01` : null);
      const period = ev && from ? nextHolidayPeriod(ev, from) : null;
      if (period) {
        d.startOn = period.start;
        d.dueOn = period.end;
      }
      break;
    }
    case "recurring": {
      // A recurring report only when the clause speaks of reporting; "khai báo y tế hằng ngày" is not.
      // In a table's deadline cell the row's task is the report: "Định kỳ hằng tuần vào thứ Sáu".
      const clauseStart = Math.max(folded.lastIndexOf(";", m.index), folded.lastIndexOf(".", m.index)) + 1;
      const nextStops = [folded.indexOf(";", m.index), folded.indexOf(".", m.index)].filter((i) => i >= 0);
      const clause = folded.slice(clauseStart, nextStops.length ? Math.min(...nextStops) : folded.length);
      if (!opts.cell && !/\bbao\s+cao\b/.test(clause)) return null;
      const r = readRecurring(folded, m[1], m.index, m.index + m[0].length, ctx.issuedOn);
      d.recurrence = r.recurrence;
      d.dueOn = r.dueOn;
      d.dueAt = r.dueAt;
      span = [r.start, r.end];
      break;
    }
    case "start": {
      d.startOn = dateOf(m[1], ctx, problems);
      if (m[m.length - 1]) {
        // "từ ngày 27/5 – 29/5/2021": the first date takes the year of the second.
        const endDate = dateOf(m[m.length - 1], ctx, problems);
        if (endDate) {
          const y = Number(endDate.slice(0, 4));
          d.startOn = dateOf(m[1], { ...ctx, year: y }, []) ?? d.startOn;
          d.kind = "until_end";
          d.dueOn = endDate;
        }
      }
      break;
    }
    case "ongoing":
    case "none":
      break;
  }
  return { d, problems, span };
}

export interface ParseOptions {
  /** The text is a table's deadline cell: bare "30/9/2021", "Tháng 9/2021", "Thường xuyên" count. */
  cell?: boolean;
}

// What a deadline cell may hold on its own that prose would only say with "trong", "đến"…
const CELL_RULES: Rule[] = [
  { kind: "exact", rank: 2, re: new RegExp(String.raw`^\s*(?:ngay\s+)?(${DATE_NC})`, "g") },
  { kind: "month", rank: 4, re: /\bthang\s+(\d{1,2})()\s*(?:\/|nam)\s*(\d{4})/g },
  { kind: "year", rank: 4, re: /\bnam\s+(\d{4})\b/g },
  { kind: "ongoing", rank: 8, re: /\b(?:thuong\s+xuyen|lien\s+tuc|kip\s+thoi|khan\s+truong)\b/g },
];

/** Every deadline phrase in the text, best first (see rank), each with its offsets. */
export function findDeadlines(text: string, ctx: DeadlineContext, opts: ParseOptions = {}): DeadlineMatch[] {
  const folded = foldVi(text);
  const found: (DeadlineMatch & { rank: number })[] = [];
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && a < e);
  for (const rule of opts.cell ? [...RULES, ...CELL_RULES] : RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(folded); m; m = rule.re.exec(folded)) {
      let start = m.index;
      let end = m.index + m[0].replace(/[\s,(]+$/, "").length;
      if (overlaps(start, end)) continue;
      const built = build(rule.kind, m, text.slice(start, end).trim(), ctx, text, folded, opts);
      if (!built) continue;
      if (built.span) {
        [start, end] = built.span;
        if (overlaps(start, end)) continue;
        built.d.phrase = text.slice(start, end).trim();
      }
      taken.push([start, end]);
      found.push({
        deadline: built.d,
        start,
        end,
        problems: built.problems,
        rank:
          built.d.kind === "until_end" && rule.kind === "start"
            ? 2
            : rule.kind === "ongoing" && !TABLE_PACE.test(m[0])
              ? rule.rank + 0.5
              : rule.rank,
      });
    }
  }
  found.sort((a, b) => a.rank - b.rank || a.start - b.start);
  return found.map((m): DeadlineMatch => ({ deadline: m.deadline, start: m.start, end: m.end, problems: m.problems }));
}

/**
 * The deadline of one directive: the most precise phrase wins; a start date ("từ ngày D") found
 * beside it becomes its startOn. Null when the text says nothing about time.
 */
export function parseDeadline(text: string, ctx: DeadlineContext, opts: ParseOptions = {}): DeadlineMatch | null {
  const all = findDeadlines(text, ctx, opts);
  const best = all[0];
  if (!best) return null;
  if (best.deadline.startOn === null && best.deadline.kind !== "start") {
    const start = all.find((m) => m.deadline.kind === "start" && m.deadline.startOn);
    if (start) best.deadline = { ...best.deadline, startOn: start.deadline.startOn };
  }
  return best;
}

/** "trước ngày 15/9/2021" → "14/09/2021 (trước ngày 15/9/2021)": how a review screen can show it. */
export function describeDeadline(d: Deadline): string {
  return d.dueOn ? `${formatVi(d.dueOn)} (${d.phrase})` : d.phrase;
}
