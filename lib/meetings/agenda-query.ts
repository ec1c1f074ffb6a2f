import { z } from "zod";
import { isRealDay, parseTypedDay } from "@/lib/time/calendar";

// The address of the meeting agenda (/cuoc-hop?ngay=dd/MM/yyyy&theo=co-quan|thong-bao) and of its
// Word download: one schema for both, so the page and the file always hold the same rows. A value
// that does not fit is dropped (today, grouped by agency), never an error.

export const GROUPINGS = ["co-quan", "thong-bao"] as const;
export type AgendaGrouping = (typeof GROUPINGS)[number];

export const GROUPING_LABELS: Record<AgendaGrouping, string> = {
  "co-quan": "Theo cơ quan",
  "thong-bao": "Theo thông báo",
};

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** A day typed dd/MM/yyyy (d/M/yyyy) or written YYYY-MM-DD; anything else is undefined. */
const ZMeetingDay = z.preprocess((v) => {
  const x = first(v);
  if (typeof x !== "string" || x.trim() === "") return undefined;
  const t = x.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return isRealDay(t) ? t : undefined;
  return parseTypedDay(t) ?? undefined;
}, z.string().optional());

export const ZAgendaQuery = z.object({
  ngay: ZMeetingDay,
  theo: z.preprocess(first, z.enum(GROUPINGS).default("co-quan")).catch("co-quan"),
});
export type AgendaQuery = z.infer<typeof ZAgendaQuery>;

export function parseAgendaQuery(raw: Record<string, unknown>): AgendaQuery {
  return ZAgendaQuery.parse(raw);
}

export function agendaQueryString(q: { ngay?: string; theo?: AgendaGrouping }): string {
  const p = new URLSearchParams();
  if (q.ngay) p.set("ngay", q.ngay);
  if (q.theo && q.theo !== "co-quan") p.set("theo", q.theo);
  const s = p.toString();
  return s ? `?${s}` : "";
}
