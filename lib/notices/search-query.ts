import { z } from "zod";
import { searchFold } from "@/lib/notices/search-fold";
import { isRealDay, parseTypedDay } from "@/lib/time/calendar";
import { CONTROL_CHARACTERS, toPageNumber } from "@/lib/validation/fields";

// The address of the notices list (/thong-bao?q=…&kind=…&year=…&from=…&to=…&issuer=…&status=…
// &overdue=1&page=…): every filter lives there, so a search can be bookmarked and shared. Unknown
// or malformed values are dropped, never an error: a shared link still opens. Pure.

export const NOTICE_KINDS = ["TB", "CV", "KH", "CD", "CT", "QD"] as const;
export type NoticeKindCode = (typeof NOTICE_KINDS)[number];
export const NOTICE_STATUSES = ["draft", "published", "withdrawn"] as const;
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
/** A text from the address: control characters (PostgreSQL refuses NUL) become spaces, trimmed, bounded. */
const text = (max: number) =>
  z.preprocess((v) => {
    const x = first(v);
    if (typeof x !== "string") return undefined;
    const t = x.replace(CONTROL_CHARACTERS, " ").trim().slice(0, max);
    return t === "" ? undefined : t;
  }, z.string().optional());

/** "QĐ", "qd", "Qd" all name the kind QD. */
const kind = z.preprocess((v) => {
  const x = first(v);
  if (typeof x !== "string") return undefined;
  const code = searchFold(x.trim()).toUpperCase();
  return (NOTICE_KINDS as readonly string[]).includes(code) ? code : undefined;
}, z.enum(NOTICE_KINDS).optional());

const day = z.preprocess((v) => {
  const x = first(v);
  if (typeof x !== "string" || x.trim() === "") return undefined;
  const t = x.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return isRealDay(t) ? t : undefined;
  return parseTypedDay(t) ?? undefined;
}, z.string().optional());

const year = z.preprocess((v) => {
  const x = first(v);
  if (typeof x !== "string" || !/^\d{4}$/.test(x.trim())) return undefined;
  const y = Number(x.trim());
  return y >= FIRST_YEAR && y <= LAST_YEAR ? y : undefined;
}, z.number().optional());

export const ZNoticeSearch = z.object({
  q: text(200),
  kind,
  year,
  from: day,
  to: day,
  issuer: text(300),
  status: z.preprocess((v) => {
    const x = first(v);
    return (NOTICE_STATUSES as readonly unknown[]).includes(x) ? x : undefined;
  }, z.enum(NOTICE_STATUSES).optional()),
  /** Only notices with at least one overdue task. */
  overdue: z.preprocess(
    (v) => (["1", "on", "true"].includes(String(first(v))) ? true : undefined),
    z.literal(true).optional(),
  ),
  page: z.preprocess(toPageNumber, z.number()),
});
export type NoticeSearch = z.infer<typeof ZNoticeSearch>;

export function parseNoticeSearch(params: Record<string, string | string[] | undefined>): NoticeSearch {
  return ZNoticeSearch.parse(params);
}

/** How many filters (not the page) are in use: the phone's filter button shows it. */
export function activeFilters(f: NoticeSearch): number {
  return [f.kind, f.year, f.from, f.to, f.issuer, f.status, f.overdue].filter((v) => v !== undefined).length;
}

export function noticeSearchQueryString(f: Partial<NoticeSearch>, patch: Partial<NoticeSearch> = {}): string {
  const merged = { ...f, ...patch };
  const sp = new URLSearchParams();
  for (const key of ["q", "kind", "year", "from", "to", "issuer", "status", "overdue", "page"] as const) {
    const v = merged[key];
    if (v === undefined || v === "" || (key === "page" && v === 1)) continue;
    sp.set(key, v === true ? "1" : String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : "";
}
