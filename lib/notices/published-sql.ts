import { NoticeStatus, Prisma } from "@/lib/generated/prisma/client";

// "Published notices only", for the queries that count a province's or an agency's tasks straight
// from the Assignment indexes (the overview, the boards): the few unpublished notices are listed
// once and the tasks filtered with `a."noticeId" NOT IN (…)`, a hashed check inside the index scan.

/**
 * The statuses other than "published", spelled out from the enum (not as `<> 'published'`) so that
 * the province's unpublished notices are found through the (provinceId, status) index.
 */
const UNPUBLISHED = Prisma.join(
  Object.values(NoticeStatus)
    .filter((s) => s !== NoticeStatus.published)
    .map((s) => Prisma.sql`${s}::"NoticeStatus"`),
);

/** The ids of a province's unpublished notices, as a parenthesised subquery. */
export function unpublishedNoticeIds(provinceId: number): Prisma.Sql {
  return Prisma.sql`(SELECT nx.id FROM "Notice" nx WHERE nx."provinceId" = ${provinceId} AND nx."status" IN (${UNPUBLISHED}))`;
}
