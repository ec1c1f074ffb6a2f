import "server-only";
import type { Db } from "@/lib/db/client";
import { fromIsoDay, toIsoDay } from "@/lib/time/calendar";
import { directivesOverlap } from "@/lib/intake/similarity";

export interface DuplicateNotice {
  id: number;
  number: string | null;
  issuedOn: string | null;
  title: string;
  /**
   * same_text: the whole source text; same_number_and_date: number and issue day;
   * same_directives: the same meeting or issue day and nearly the same directives, whatever the number.
   */
  reason: "same_text" | "same_number_and_date" | "same_directives";
}

/** "875 /TB-VPUBND" and "875/TB-VPUBND" are the same number. */
export function normaliseNumber(n: string): string {
  return n.replace(/\s+/g, "").toUpperCase();
}

/**
 * Notices of the province already stored that look like this one: the same source text, the
 * same number and issue date, or (a copy typed again, a number corrected) the same meeting or
 * issue day with at least 80% of the directives the same (directivesOverlap). Entering it again
 * is allowed, but only after a warning.
 */
export async function findDuplicates(
  db: Db,
  provinceId: number,
  notice: { number: string | null; issuedOn: string | null; meetingOn?: string | null },
  sourceText: string,
  directives: readonly { text: string }[] = [],
): Promise<DuplicateNotice[]> {
  const select = { id: true, number: true, issuedOn: true, title: true } as const;
  const sameNumber = notice.number
    ? await db.notice.findMany({
        where: { provinceId, issuedOn: notice.issuedOn ? fromIsoDay(notice.issuedOn) : null, number: { not: null } },
        select,
      })
    : [];
  const sameText = await db.notice.findMany({ where: { provinceId, sourceText }, select });
  const sameDay = [
    ...(notice.meetingOn ? [{ meetingOn: fromIsoDay(notice.meetingOn) }] : []),
    ...(notice.issuedOn ? [{ issuedOn: fromIsoDay(notice.issuedOn) }] : []),
  ];
  const sameDayNotices =
    directives.length > 0 && sameDay.length > 0
      ? await db.notice.findMany({
          where: { provinceId, OR: sameDay },
          select: { ...select, directives: { select: { text: true } } },
        })
      : [];

  const found = new Map<number, DuplicateNotice>();
  const add = (
    n: { id: number; number: string | null; issuedOn: Date | null; title: string },
    reason: DuplicateNotice["reason"],
  ) => {
    if (!found.has(n.id))
      found.set(n.id, {
        id: n.id,
        number: n.number,
        title: n.title,
        issuedOn: n.issuedOn ? toIsoDay(n.issuedOn) : null,
        reason,
      });
  };
  for (const n of sameText) add(n, "same_text");
  for (const n of sameNumber)
    if (normaliseNumber(n.number!) === normaliseNumber(notice.number!)) add(n, "same_number_and_date");
  const texts = directives.map((d) => d.text);
  for (const n of sameDayNotices)
    if (
      directivesOverlap(
        texts,
        n.directives.map((d) => d.text),
      )
    )
      add(n, "same_directives");
  return [...found.values()];
}
