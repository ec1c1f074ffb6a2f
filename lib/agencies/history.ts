import "server-only";
import { recordHistory, type HistoryEntry } from "@/lib/audit/history";
import type { Db } from "@/lib/db/client";

// An agency's history as its page shows it: the audit rows of the agency, a merge saying where
// the work went (or where it came from) and how many tasks moved.

const named = (v: unknown, key: string): string | null => {
  const x = v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined;
  const name = x && typeof x === "object" ? (x as { name?: unknown }).name : undefined;
  return typeof name === "string" ? name : null;
};
const count = (v: unknown, key: string): number | null => {
  const x = v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined;
  return typeof x === "number" ? x : null;
};

export async function agencyHistory(db: Db, agencyId: number, provinceId: number): Promise<HistoryEntry[]> {
  const entries = await recordHistory(db, "Agency", agencyId, provinceId);
  return entries.map((e) => {
    const moved = count(e.after, "tasksMoved");
    const tasks = moved === null ? "" : ` (${moved} nhiệm vụ)`;
    if (e.action === "agency.merge" && named(e.after, "successor"))
      return { ...e, label: `${e.label}: ${named(e.after, "successor")}${tasks}` };
    if (e.action === "agency.receive" && named(e.after, "predecessor"))
      return { ...e, label: `${e.label}: ${named(e.after, "predecessor")}${tasks}` };
    return e;
  });
}
