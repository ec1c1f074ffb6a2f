import "server-only";
import { authorize } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import { Prisma } from "@/lib/generated/prisma/client";
import { unpublishedNoticeIds } from "@/lib/notices/published-sql";
import type { OverdueBucket, OverviewFilters, TaskCategory } from "@/lib/reports/types";
import { currentPeriod, type Recurrence } from "@/lib/assignments/recurrence";
import { RECURRENCES } from "@/lib/deadlines/period";
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

// ───────────── recurring directives, judged per period ─────────────

const UNITS: Record<Recurrence, [trunc: string, length: string]> = {
  daily: ["day", "1 day"],
  weekly: ["week", "1 week"],
  monthly: ["month", "1 month"],
  quarterly: ["quarter", "3 months"],
  yearly: ["year", "1 year"],
};

/** On the directive row `d`: the first day of the period holding `today` (lib/assignments/recurrence.ts `currentPeriod`). */
export function periodStartSql(today: string): Prisma.Sql {
  const branches = RECURRENCES.map(
    (r) => Prisma.sql`WHEN ${Prisma.raw(`'${r}'`)} THEN ${currentPeriod(r, today).start}::date`,
  );
  return Prisma.sql`(CASE d."recurrence"::text ${Prisma.join(branches, " ")} END)`;
}

/**
 * On the rows `a` (assignment) and `d` (its recurring directive): the due day of the current
 * period's report, as lib/deadlines/period.ts `periodDeadline` computes it (a."dueOn" is the first
 * report's due day).
 */
export function periodDueSql(today: string): Prisma.Sql {
  const branches = RECURRENCES.map((r) => {
    const p = currentPeriod(r, today);
    const [unit, length] = UNITS[r];
    const start = Prisma.raw(`date_trunc('${unit}', a."dueOn")::date`);
    const end = Prisma.raw(`((date_trunc('${unit}', a."dueOn") + interval '${length}')::date - 1)`);
    return Prisma.sql`WHEN ${Prisma.raw(`'${r}'`)} THEN (CASE WHEN a."dueOn" = ${end} THEN ${p.end}::date
      ELSE LEAST(${p.start}::date + (a."dueOn" - ${start}), ${p.end}::date) END)`;
  });
  return Prisma.sql`(CASE WHEN a."dueOn" >= ${today}::date THEN a."dueOn" ELSE (CASE d."recurrence"::text ${Prisma.join(branches, " ")} END) END)`;
}

/** On the rows `a` and `d`: the current period's report was sent (a periodic report for that period). */
export function periodReportedSql(today: string): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "ProgressReport" pr WHERE pr."assignmentId" = a.id
    AND pr."kind" = 'periodic' AND pr."periodStart" = ${periodStartSql(today)})`;
}

/**
 * The assignment `a` belongs to a recurring directive: a hashed list of the few recurring
 * directives, probed per row, so that one-off tasks (nearly all) never look their directive up.
 */
const RECURRING = Prisma.sql`a."directiveId" IN (SELECT dr.id FROM "Directive" dr WHERE dr."recurrence" IS NOT NULL)`;

/** The assignment `a` belongs to a recurring directive `d` that `cond` (on a and d) holds for. */
function recurringWhere(cond: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${RECURRING} AND EXISTS (SELECT 1 FROM "Directive" d WHERE d.id = a."directiveId" AND d."recurrence" IS NOT NULL AND ${cond}))`;
}

/**
 * The due day an assignment `a` is judged by today (timeliness.ts `dueInForce`): its due day, or
 * for an open recurring directive the due day of the current period's report.
 */
export function dueInForceSql(today: string): Prisma.Sql {
  return Prisma.sql`(CASE WHEN a."dueOn" < ${today}::date AND a."state" <> 'completed' AND ${RECURRING}
    THEN COALESCE((SELECT ${periodDueSql(today)} FROM "Directive" d WHERE d.id = a."directiveId"), a."dueOn")
    ELSE a."dueOn" END)`;
}

/** An open recurring task past its first due day whose current period is not late: reported, or not due yet. */
function recurringNotLate(today: string): Prisma.Sql {
  return recurringWhere(Prisma.sql`(${periodDueSql(today)} >= ${today}::date OR ${periodReportedSql(today)})`);
}

/** The SQL predicate of a category at `today` (mirrors timeliness.ts `judge`, recurring directives per period). */
export function categoryPredicate(category: TaskCategory, today: string): Prisma.Sql {
  switch (category) {
    case "assigned":
      return Prisma.sql`TRUE`;
    case "completed_on_time":
      return Prisma.sql`${DONE} AND a."dueOn" IS NOT NULL AND (a."completedOn" IS NULL OR a."completedOn" <= a."dueOn")`;
    case "completed_late":
      return Prisma.sql`${DONE} AND a."dueOn" IS NOT NULL AND a."completedOn" > a."dueOn"`;
    case "on_track":
      return Prisma.sql`${OPEN} AND (a."dueOn" >= ${today}::date OR (a."dueOn" < ${today}::date AND ${recurringNotLate(today)}))`;
    case "overdue":
      return Prisma.sql`${OPEN} AND a."dueOn" < ${today}::date AND NOT ${recurringNotLate(today)}`;
    case "no_deadline":
      return Prisma.sql`a."dueOn" IS NULL`;
    case "due_soon": {
      const week = addDays(today, 7);
      const recurringSoon = recurringWhere(
        Prisma.sql`${periodDueSql(today)} >= ${today}::date AND ${periodDueSql(today)} <= ${week}::date AND NOT ${periodReportedSql(today)}`,
      );
      return Prisma.sql`${OPEN} AND a."dueOn" <= ${week}::date AND (a."dueOn" >= ${today}::date OR ${recurringSoon})`;
    }
  }
}

export function checkToday(today: string): string {
  return checkDay("today", today)!;
}
