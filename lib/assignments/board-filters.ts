import { z } from "zod";
import { ASSIGNMENT_STATES, type AssignmentState } from "@/lib/assignments/state";
import { addDays, endOfMonth, weekday } from "@/lib/time/calendar";
import { searchFold, searchWords } from "@/lib/notices/search-fold";
import { zQueryId } from "@/lib/validation/fields";

// The board's filters live in the address (?q=…&state=…) so that a view can be shared.
// Pure: parsing the address, and deciding whether an item passes.

/** "unreported": ongoing tasks (no due day) without a report in the province's current period (lib/assignments/ongoing.ts). */
export const DUE_WINDOWS = ["overdue", "week", "month", "none", "unreported"] as const;
export const SORTS = ["due", "notice", "state", "role"] as const;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (typeof v === "string" && (values as readonly string[]).includes(v) ? v : undefined),
    z.enum(values).optional(),
  );

export const ZBoardFilters = z.object({
  q: z.preprocess((v) => (typeof v === "string" ? v.trim().slice(0, 200) : undefined), z.string().optional()),
  state: optionalEnum(ASSIGNMENT_STATES),
  role: optionalEnum(["lead", "support"] as const),
  due: optionalEnum(DUE_WINDOWS),
  notice: zQueryId,
  view: optionalEnum(["board", "list"] as const),
  sort: optionalEnum(SORTS),
  /** The list view's page (50 a page); anything but a page number is the first page. */
  trang: z.preprocess(
    (v) => (typeof v === "string" && /^[1-9]\d{0,4}$/.test(v) ? Number(v) : undefined),
    z.number().int().optional(),
  ),
});
export type BoardFilters = z.infer<typeof ZBoardFilters>;

/** Unknown or malformed values are dropped, never an error: a shared link still opens. */
export function parseBoardFilters(params: Record<string, string | string[] | undefined>): BoardFilters {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return ZBoardFilters.parse(flat);
}

export function boardQueryString(f: BoardFilters, patch: Partial<BoardFilters> = {}): string {
  const merged = { ...f, ...patch };
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== "") sp.set(k, String(v));
  const s = sp.toString();
  return s ? `?${s}` : "";
}

/** Monday-to-Sunday week and calendar month containing `today`, for the due windows. */
export function windowEnd(due: "week" | "month", today: string): string {
  if (due === "week") {
    return addDays(today, (7 - weekday(today)) % 7); // to Sunday
  }
  const [y, m] = today.split("-").map(Number) as [number, number];
  return endOfMonth(y, m);
}

export interface FilterableItem {
  state: AssignmentState;
  role: "lead" | "support";
  dueOn: string | null;
  noticeId: number;
  searchText: string; // already folded
  /** Overdue as judged in SQL (lib/reports/scope.ts: a recurring directive by its current period); else by dueOn. */
  overdue?: boolean;
  /** An ongoing task without this period's report, as judged in SQL (lib/assignments/ongoing.ts). */
  unreported?: boolean;
}

export function matchesFilters(
  item: FilterableItem,
  f: BoardFilters,
  today: string,
  opts: { ignoreState?: boolean } = {},
): boolean {
  if (!opts.ignoreState && f.state && item.state !== f.state) return false;
  if (f.role && item.role !== f.role) return false;
  if (f.notice && item.noticeId !== f.notice) return false;
  if (f.due) {
    const open = item.state !== "completed";
    if (f.due === "none" && item.dueOn !== null) return false;
    const overdue = item.overdue ?? (open && item.dueOn !== null && item.dueOn < today);
    if (f.due === "overdue" && !overdue) return false;
    if (f.due === "unreported" && !item.unreported) return false;
    if (
      (f.due === "week" || f.due === "month") &&
      !(open && item.dueOn !== null && item.dueOn >= today && item.dueOn <= windowEnd(f.due, today))
    )
      return false;
  }
  if (f.q) {
    if (!searchWords(f.q).every((w) => item.searchText.includes(w))) return false;
  }
  return true;
}

/** The rule the board's search follows in SQL (lib/assignments/board.ts), written out: the fields folded. */
export function searchTextOf(parts: (string | null | undefined)[]): string {
  return searchFold(parts.filter(Boolean).join(" "));
}
