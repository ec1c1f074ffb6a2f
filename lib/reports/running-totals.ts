import "server-only";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ongoingSql, provinceOngoingPeriod, reportedInPeriodSql } from "@/lib/assignments/ongoing";
import { onTimeRate } from "@/lib/reports/counts";
import type { AgencySort } from "@/lib/reports/list-query";
import { categoryPredicate, checkToday, provinceOf, scope, tallyScope } from "@/lib/reports/scope";
import type { AgencyRow, NoticeProgressRow, OverviewFilters, TaskCounts, TaskRow } from "@/lib/reports/types";

// The overview's figures per agency and per notice, read from the running totals per (agency,
// notice) that a database trigger keeps exact (AssignmentTally, see
// prisma/migrations/20261123171000_assignment_tally), plus the overdue tasks counted today from the
// assignment index: what depends on "today" is not kept in the totals.

export interface AgencyTableOptions {
  sort?: AgencySort;
  dir?: "asc" | "desc";
}

// ───────────── per agency ─────────────

/** The running totals summed per group, and the overdue tasks counted today. */
interface TallyRow {
  assigned: number;
  completed: number;
  completedOnTime: number;
  completedLate: number;
  noDeadline: number;
  overdue: number;
}

const TALLY_SUMS = Prisma.sql`sum(t."assigned")::int AS "assigned", sum(t."completed")::int AS "completed",
  sum(t."completedOnTime")::int AS "completedOnTime", sum(t."completedLate")::int AS "completedLate", sum(t."noDeadline")::int AS "noDeadline"`;

/** A task with a deadline that is neither completed nor overdue is on track: what the totals leave. */
function countsOf(r: TallyRow): TaskCounts {
  return {
    assigned: r.assigned,
    completedOnTime: r.completedOnTime,
    completedLate: r.completedLate,
    onTrack: r.assigned - r.noDeadline - r.completedOnTime - r.completedLate - r.overdue,
    overdue: r.overdue,
    noDeadline: r.noDeadline,
  };
}

/**
 * One row per agency that has tasks in scope: one query over the running totals of the notices in
 * scope (one row per agency and notice) and the overdue tasks (open, due before today: read from
 * the index). Sorted server-side (default: most overdue first).
 */
export async function agencyTable(
  db: Db,
  user: SessionUser,
  today: string,
  filters: OverviewFilters = {},
  options: AgencyTableOptions = {},
): Promise<AgencyRow[]> {
  const provinceId = provinceOf(user);
  if (provinceId === null) return [];
  checkToday(today);
  // The ongoing tasks (no due day) and those reported in the province's current period: the one
  // rule of lib/assignments/ongoing.ts, counted in the same query, grouped per agency.
  const { period } = await provinceOngoingPeriod(db, provinceId, today);
  const rows = await db.$queryRaw<
    (TallyRow & {
      id: number;
      name: string;
      shortName: string;
      kind: string;
      ongoing: number;
      ongoingReported: number;
    })[]
  >`
    SELECT ag.id, ag."name", ag."shortName", ag."kind"::text AS "kind", c."assigned", c."completed", c."completedOnTime",
      c."completedLate", c."noDeadline", COALESCE(o."overdue", 0)::int AS "overdue",
      COALESCE(g."ongoing", 0)::int AS "ongoing", COALESCE(g."reported", 0)::int AS "ongoingReported"
    FROM (SELECT t."agencyId", ${TALLY_SUMS} FROM ${tallyScope(provinceId, filters)} GROUP BY t."agencyId" HAVING sum(t."assigned") > 0) c
    LEFT JOIN (
      SELECT a."agencyId", count(*) AS "overdue" FROM "Assignment" a
      WHERE ${scope(provinceId, filters)} AND ${categoryPredicate("overdue", today)} GROUP BY a."agencyId"
    ) o ON o."agencyId" = c."agencyId"
    LEFT JOIN (
      SELECT a."agencyId", count(*) AS "ongoing", count(*) FILTER (WHERE ${reportedInPeriodSql(period)}) AS "reported"
      FROM "Assignment" a WHERE ${scope(provinceId, filters)} AND ${ongoingSql(period)} GROUP BY a."agencyId"
    ) g ON g."agencyId" = c."agencyId"
    JOIN "Agency" ag ON ag.id = c."agencyId"`;
  const result: AgencyRow[] = rows.map((r) => {
    const counts = countsOf(r);
    return {
      agency: { id: r.id, name: r.name, shortName: r.shortName, kind: r.kind },
      ...counts,
      onTimeRate: onTimeRate(counts),
      ongoing: r.ongoing,
      ongoingReported: r.ongoingReported,
    };
  });
  const sort = options.sort ?? "overdue";
  return sortAgencyRows(result, sort, options.dir ?? (sort === "name" ? "asc" : "desc"));
}

/** Sorts agency rows by a column; ties by name (Vietnamese collation). Null rates sort last. */
export function sortAgencyRows(rows: AgencyRow[], key: AgencySort, dir: "asc" | "desc"): AgencyRow[] {
  const sign = dir === "asc" ? 1 : -1;
  const byName = (a: AgencyRow, b: AgencyRow) => a.agency.name.localeCompare(b.agency.name, "vi");
  return [...rows].sort((a, b) => {
    if (key === "name") return sign * byName(a, b) || a.agency.id - b.agency.id;
    const x = a[key];
    const y = b[key];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b) || a.agency.id - b.agency.id;
  });
}

// ───────────── per notice ─────────────

export type NoticeProgressOrder = "newest" | "attention";

/**
 * Progress of each notice in scope: one query. By default the newest first; "attention" puts first
 * the notices with the most overdue tasks (then the most assigned). A province can have a thousand
 * notices: a screen should ask for `limit` of them (and link to the rest); exports take all.
 */
export async function noticeProgress(
  db: Db,
  user: SessionUser,
  today: string,
  filters: OverviewFilters = {},
  options: { limit?: number; order?: NoticeProgressOrder } = {},
): Promise<NoticeProgressRow[]> {
  return (await noticeProgressPage(db, user, today, filters, options)).rows;
}

/** As noticeProgress, with how many notices are in scope in all (`total`, whatever the limit). */
export async function noticeProgressPage(
  db: Db,
  user: SessionUser,
  today: string,
  filters: OverviewFilters = {},
  options: { limit?: number; order?: NoticeProgressOrder } = {},
): Promise<{ rows: NoticeProgressRow[]; total: number }> {
  const provinceId = provinceOf(user);
  if (provinceId === null) return { rows: [], total: 0 };
  checkToday(today);
  const newest = Prisma.sql`COALESCE(n."issuedOn", n."meetingOn") DESC NULLS LAST, n.id DESC`;
  const order = options.order === "attention" ? Prisma.sql`"overdue" DESC, c."assigned" DESC, ${newest}` : newest;
  // The running totals per notice, and its overdue tasks counted today from the index.
  const rows = await db.$queryRaw<
    (Pick<TallyRow, "assigned" | "completed" | "overdue"> & {
      id: number;
      kind: string;
      number: string | null;
      issuedOn: string | null;
      issuedPrecision: TaskRow["notice"]["issuedPrecision"];
      meetingOn: string | null;
      title: string;
      total: number;
    })[]
  >`
    SELECT n.id, n."kind"::text AS "kind", n."number", n."issuedOn"::text AS "issuedOn", n."issuedPrecision"::text AS "issuedPrecision",
      n."meetingOn"::text AS "meetingOn", n."title", c."assigned", c."completed", COALESCE(o."overdue", 0)::int AS "overdue", (count(*) OVER ())::int AS "total"
    FROM (
      SELECT t."noticeId", sum(t."assigned")::int AS "assigned", sum(t."completed")::int AS "completed"
      FROM ${tallyScope(provinceId, filters)} GROUP BY t."noticeId" HAVING sum(t."assigned") > 0
    ) c
    JOIN "Notice" n ON n.id = c."noticeId" AND n."provinceId" = ${provinceId}
    LEFT JOIN (
      SELECT a."noticeId", count(*) AS "overdue" FROM "Assignment" a
      WHERE ${scope(provinceId, filters)} AND ${categoryPredicate("overdue", today)} GROUP BY a."noticeId"
    ) o ON o."noticeId" = c."noticeId"
    ORDER BY ${order}
    ${options.limit !== undefined ? Prisma.sql`LIMIT ${Math.max(0, Math.floor(options.limit))}` : Prisma.empty}`;
  return {
    rows: rows.map((r) => ({
      notice: {
        id: r.id,
        kind: r.kind,
        number: r.number,
        issuedOn: r.issuedOn,
        issuedPrecision: r.issuedPrecision,
        meetingOn: r.meetingOn,
        title: r.title,
      },
      assigned: r.assigned,
      completed: r.completed,
      overdue: r.overdue,
    })),
    total: rows[0]?.total ?? 0,
  };
}
