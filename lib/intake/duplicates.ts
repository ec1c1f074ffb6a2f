import "server-only";
import type { Db } from "@/lib/db/client";
import { fromIsoDay, toIsoDay } from "@/lib/time/calendar";

export interface DuplicateNotice {
  id: number;
  number: string | null;
  issuedOn: string | null;
  title: string;
  reason: "same_text" | "same_number_and_date";
}

/** "875 /TB-VPUBND" and "875/TB-VPUBND" are the same number. */
export function normaliseNumber(n: string): string {
  return n.replace(/\s+/g, "").toUpperCase();
}

/**
 * Notices of the province already stored that look like this one: the same source text, or the
 * same number and issue date. Entering it again is allowed, but only after a warning.
 */
export async function findDuplicates(
  db: Db,
  provinceId: number,
  notice: { number: string | null; issuedOn: string | null },
  sourceText: string,
): Promise<DuplicateNotice[]> {
  const sameNumber = notice.number
    ? await db.notice.findMany({
        where: { provinceId, issuedOn: notice.issuedOn ? fromIsoDay(notice.issuedOn) : null, number: { not: null } },
        select: { id: true, number: true, issuedOn: true, title: true },
      })
    : [];
  const sameText = await db.notice.findMany({
    where: { provinceId, sourceText },
    select: { id: true, number: true, issuedOn: true, title: true },
  });
  const found = new Map<number, DuplicateNotice>();
  for (const n of sameText)
    found.set(n.id, { ...n, issuedOn: n.issuedOn ? toIsoDay(n.issuedOn) : null, reason: "same_text" });
  for (const n of sameNumber) {
    if (found.has(n.id) || normaliseNumber(n.number!) !== normaliseNumber(notice.number!)) continue;
    found.set(n.id, { ...n, issuedOn: n.issuedOn ? toIsoDay(n.issuedOn) : null, reason: "same_number_and_date" });
  }
  return [...found.values()];
}
