import { z } from "zod";
import type { OverdueBucket, OverviewFilters, TaskCategory } from "@/lib/reports/types";
import { isRealDay, parseTypedDay } from "@/lib/time/calendar";
import { toPageNumber, zQueryId } from "@/lib/validation/fields";

// The address of every list behind a number (/tong-quan/danh-sach?category=…&agency=…&bucket=…
// &from=…&to=…&notice=…&sort=…&page=…), of the overview's filters, and of their exports: one
// schema reads them all, so a link, the page and its download always mean the same rows.

export const CATEGORIES = [
  "overdue",
  "due_soon",
  "assigned",
  "completed_on_time",
  "completed_late",
  "on_track",
  "no_deadline",
] as const satisfies readonly TaskCategory[];
export const BUCKETS = ["d1_7", "d8_30", "d31_90", "d90_plus"] as const satisfies readonly OverdueBucket[];
export const TASK_SORTS = ["due", "due_desc", "agency", "notice", "completed"] as const;
export type ListSort = (typeof TASK_SORTS)[number];
export const AGENCY_SORTS = [
  "name",
  "assigned",
  "completedOnTime",
  "completedLate",
  "onTrack",
  "overdue",
  "noDeadline",
  "onTimeRate",
] as const;
export type AgencySort = (typeof AGENCY_SORTS)[number];

export const CATEGORY_LABELS: Record<TaskCategory, string> = {
  overdue: "Việc quá hạn",
  due_soon: "Đến hạn trong 7 ngày tới",
  assigned: "Nhiệm vụ được giao",
  completed_on_time: "Hoàn thành đúng hạn",
  completed_late: "Hoàn thành quá hạn",
  on_track: "Đang thực hiện trong hạn",
  no_deadline: "Nhiệm vụ không có thời hạn",
};

export const SORT_LABELS: Record<ListSort, string> = {
  due: "Hạn sớm nhất trước",
  due_desc: "Hạn muộn nhất trước",
  agency: "Theo cơ quan",
  notice: "Theo thông báo",
  completed: "Theo ngày hoàn thành",
};

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blank = (v: unknown) => {
  const x = first(v);
  return typeof x === "string" && x.trim() === "" ? undefined : x;
};
/** A day typed dd/mm/yyyy or written YYYY-MM-DD; anything else is dropped, not an error. */
const ZDay = z.preprocess((v) => {
  const x = blank(v);
  if (typeof x !== "string") return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(x)) return isRealDay(x) ? x : undefined;
  return parseTypedDay(x) ?? undefined;
}, z.string().optional());
const ZId = zQueryId;
const ZPage = z.preprocess(toPageNumber, z.number());

export const ZFilters = z.object({ from: ZDay, to: ZDay, notice: ZId });

export const ZListQuery = ZFilters.extend({
  category: z.preprocess(blank, z.enum(CATEGORIES).default("overdue")).catch("overdue"),
  agency: ZId,
  /** One directive's tasks, agency by agency (what a row of a grouped list opens). */
  directive: ZId,
  bucket: z.preprocess(blank, z.enum(BUCKETS).optional()).catch(undefined),
  sort: z.preprocess(blank, z.enum(TASK_SORTS).optional()).catch(undefined),
  page: ZPage,
});
export type ListQuery = z.infer<typeof ZListQuery>;

export const ZOverviewQuery = ZFilters.extend({
  sort: z.preprocess(blank, z.enum(AGENCY_SORTS).default("overdue")).catch("overdue"),
  dir: z.preprocess(blank, z.enum(["asc", "desc"]).optional()).catch(undefined),
  /** "tat-ca": every agency in the per-agency table (by default its first AGENCY_ROWS). */
  "co-quan": z.preprocess(blank, z.enum(["tat-ca"]).optional()).catch(undefined),
});
export type OverviewQuery = z.infer<typeof ZOverviewQuery>;

export type SearchParams = Record<string, string | string[] | undefined>;

export function fromSearchParams(p: URLSearchParams): SearchParams {
  const out: SearchParams = {};
  for (const [k, v] of p) out[k] ??= v;
  return out;
}

export function parseListQuery(p: SearchParams): ListQuery {
  return ZListQuery.parse(p);
}

export function parseOverviewQuery(p: SearchParams): OverviewQuery {
  return ZOverviewQuery.parse(p);
}

export function toFilters(q: { from?: string; to?: string; notice?: number }): OverviewFilters {
  return { from: q.from, to: q.to, noticeId: q.notice };
}

/** Query string of the given values, leaving out what is empty or the default. */
export function queryString(values: Record<string, string | number | null | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === "") continue;
    if (k === "page" && Number(v) === 1) continue;
    p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** The list behind a number. */
export function listHref(q: Partial<ListQuery>): string {
  return `/tong-quan/danh-sach${queryString({ category: q.category, agency: q.agency, directive: q.directive, bucket: q.bucket, notice: q.notice, from: q.from, to: q.to, sort: q.sort, page: q.page })}`;
}
