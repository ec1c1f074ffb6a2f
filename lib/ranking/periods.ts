import { endOfMonth, endOfYear, ymd } from "@/lib/time/calendar";

// The periods results are published for (QĐ 42/2014, Thanh Hóa's practice): calendar quarters,
// half-years and years, as Asia/Ho_Chi_Minh calendar days. Keys: "2021-Q3", "2021-H2", "2021".

export type PeriodKind = "quarter" | "half" | "year";

export interface Period {
  kind: PeriodKind;
  key: string;
  year: number;
  /** 1–4 for a quarter, 1–2 for a half-year, 1 for a year. */
  index: number;
  start: string;
  end: string;
  label: string;
}

const ROMAN = ["I", "II", "III", "IV"];

export function makePeriod(kind: PeriodKind, year: number, index: number): Period {
  const months = kind === "quarter" ? 3 : kind === "half" ? 6 : 12;
  const firstMonth = (index - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  const key = kind === "quarter" ? `${year}-Q${index}` : kind === "half" ? `${year}-H${index}` : `${year}`;
  const label =
    kind === "quarter"
      ? `Quý ${ROMAN[index - 1]}/${year}`
      : kind === "half"
        ? `${index === 1 ? "6 tháng đầu năm" : "6 tháng cuối năm"} ${year}`
        : `Năm ${year}`;
  return {
    kind,
    key,
    year,
    index,
    start: ymd(year, firstMonth, 1),
    end: lastMonth === 12 ? endOfYear(year) : endOfMonth(year, lastMonth),
    label,
  };
}

/** A period key from the address; anything malformed is undefined (the parser never fails). */
export function parsePeriodKey(raw: unknown): Period | undefined {
  if (typeof raw !== "string") return undefined;
  const m = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/.exec(raw.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return undefined;
  if (!m[2]) return makePeriod("year", year, 1);
  return makePeriod(m[2][0] === "Q" ? "quarter" : "half", year, Number(m[2].slice(1)));
}

/** The quarter holding a day "YYYY-MM-DD". */
export function quarterOf(day: string): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return makePeriod("quarter", year, Math.floor((month - 1) / 3) + 1);
}

/** The period of the same length just before. */
export function previousPeriod(p: Period): Period {
  if (p.kind === "year") return makePeriod("year", p.year - 1, 1);
  const count = p.kind === "quarter" ? 4 : 2;
  return p.index === 1 ? makePeriod(p.kind, p.year - 1, count) : makePeriod(p.kind, p.year, p.index - 1);
}

/** The periods a picker offers around a year: its quarters, half-years and the year. */
export function periodsOfYear(year: number): Period[] {
  return [
    ...[1, 2, 3, 4].map((q) => makePeriod("quarter", year, q)),
    makePeriod("half", year, 1),
    makePeriod("half", year, 2),
    makePeriod("year", year, 1),
  ];
}

/** The period a page shows by default: the last quarter that has ended (results are reported after it). */
export function defaultPeriod(today: string): Period {
  return previousPeriod(quarterOf(today));
}
