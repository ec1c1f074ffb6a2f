import "server-only";
import { authorize } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import { Prisma } from "@/lib/generated/prisma/client";
import { unpublishedNoticeIds } from "@/lib/notices/published-sql";
import type { OverdueBucket, OverviewFilters, TaskCategory } from "@/lib/reports/types";
import { addDays, isRealDay } from "@/lib/time/calendar";

// What every figure of the chairman's overview counts, as SQL predicates: the user's province,
// published notices only, narrowed by the filters (the notice's date = its issue date, or its
// meeting date when the issue date is unknown), and the government's categories of a task. The
// categories are those of lib/assignments/timeliness.ts `judge`, written as SQL;
// tests/integration/overview.test.ts checks them against counts made by hand on the seed data.

/** The user's province, or null when the user has none (a system admin): they get nothing. */
export function provinceOf(user: SessionUser): number | null {
  if (user.provinceId === null) return null;
  authorize(user, "overview.read", { provinceId: user.provinceId });
  return user.provinceId;
}

function checkDay(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  if (!isRealDay(value)) throw new RangeError(`${name}: not a day (YYYY-MM-DD): ${value}`);
  return value;
}

/** The notices a figure counts, as a predicate on the notice row `nx`: the user's province, published, in the period, the chosen one. */
function noticeScope(provinceId: number, f: OverviewFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`nx."provinceId" = ${provinceId}`, Prisma.sql`nx."status" = 'published'`];
  const from = checkDay("from", f.from);
  const to = checkDay("to", f.to);
  if (from) parts.push(Prisma.sql`COALESCE(nx."issuedOn", nx."meetingOn") >= ${from}::date`);
  if (to) parts.push(Prisma.sql`COALESCE(nx."issuedOn", nx."meetingOn") <= ${to}::date`);
  if (f.noticeId !== undefined) parts.push(Prisma.sql`nx.id = ${f.noticeId}`);
  return Prisma.join(parts, " AND ");
}

function unfiltered(f: OverviewFilters): boolean {
  return checkDay("from", f.from) === undefined && checkDay("to", f.to) === undefined && f.noticeId === undefined;
}

/**
 * Which assignments a figure counts, as a predicate on the assignment row `a` alone (no join):
 * the user's province, and only tasks of published notices (the assignment carries its notice).
 * Without a period or a notice that is "not one of the province's few unpublished notices" (a
 * hashed list, checked inside the index); otherwise "one of the notices in scope".
 */
export function scope(provinceId: number, f: OverviewFilters & { agencyId?: number }): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`a."provinceId" = ${provinceId}`];
  if (unfiltered(f)) {
    parts.push(Prisma.sql`a."noticeId" NOT IN ${unpublishedNoticeIds(provinceId)}`);
  } else {
    parts.push(Prisma.sql`a."noticeId" IN (SELECT nx.id FROM "Notice" nx WHERE ${noticeScope(provinceId, f)})`);
  }
  if (f.agencyId !== undefined) parts.push(Prisma.sql`a."agencyId" = ${f.agencyId}`);
  return Prisma.join(parts, " AND ");
}

/** The running totals (AssignmentTally, kept by a trigger) of the notices in scope, as `t`: a FROM … WHERE. */
export function tallyScope(provinceId: number, f: OverviewFilters): Prisma.Sql {
  if (unfiltered(f)) {
    return Prisma.sql`"AssignmentTally" t WHERE t."provinceId" = ${provinceId}
      AND t."noticeId" NOT IN ${unpublishedNoticeIds(provinceId)}`;
  }
  return Prisma.sql`"AssignmentTally" t JOIN "Notice" nx ON nx.id = t."noticeId" WHERE t."provinceId" = ${provinceId} AND ${noticeScope(provinceId, f)}`;
}

/** Bounds of each overdue bucket as due days: days overdue = today − dueOn. */
export function bucketRange(bucket: OverdueBucket, today: string): { min?: string; max: string } {
  switch (bucket) {
    case "d1_7":
      return { min: addDays(today, -7), max: addDays(today, -1) };
    case "d8_30":
      return { min: addDays(today, -30), max: addDays(today, -8) };
    case "d31_90":
      return { min: addDays(today, -90), max: addDays(today, -31) };
    case "d90_plus":
      return { max: addDays(today, -91) };
  }
}

// Spelled as a list (not "<> 'completed'") so that the (provinceId, state, dueOn) index serves it.
export const OPEN = Prisma.sql`a."state" IN ('not_started', 'in_progress', 'submitted')`;
export const DONE = Prisma.sql`a."state" = 'completed'`;

/** The SQL predicate of a category at `today` (mirrors timeliness.ts `judge`). */
export function categoryPredicate(category: TaskCategory, today: string): Prisma.Sql {
  switch (category) {
    case "assigned":
      return Prisma.sql`TRUE`;
    case "completed_on_time":
      return Prisma.sql`${DONE} AND a."dueOn" IS NOT NULL AND (a."completedOn" IS NULL OR a."completedOn" <= a."dueOn")`;
    case "completed_late":
      return Prisma.sql`${DONE} AND a."dueOn" IS NOT NULL AND a."completedOn" > a."dueOn"`;
    case "on_track":
      return Prisma.sql`${OPEN} AND a."dueOn" >= ${today}::date`;
    case "overdue":
      return Prisma.sql`${OPEN} AND a."dueOn" < ${today}::date`;
    case "no_deadline":
      return Prisma.sql`a."dueOn" IS NULL`;
    case "due_soon":
      return Prisma.sql`${OPEN} AND a."dueOn" >= ${today}::date AND a."dueOn" <= ${addDays(today, 7)}::date`;
  }
}

export function checkToday(today: string): string {
  return checkDay("today", today)!;
}
