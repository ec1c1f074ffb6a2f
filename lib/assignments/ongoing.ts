import "server-only";
import { currentPeriod, periodLabel, type Period, type Recurrence } from "@/lib/assignments/recurrence";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays, fromIsoDay, VIETNAM_UTC_OFFSET_MS } from "@/lib/time/calendar";

// Ongoing tasks ("thường xuyên", "kịp thời", or no date at all) are followed by periodic reports:
// the province sets the period (Province.ongoingReportPeriod: weekly, monthly or quarterly), and
// an ongoing task with no report in the current period is "Chưa báo cáo kỳ này" on the board, in
// the agency's work queue, in the reminders and in the chairman's overview.
//
// THE RULE (one SQL predicate, `ongoingMissingSql`, used by all four):
// - an ongoing task is an assignment with no due day (its own, after any extension), not completed,
//   of a directive that is not recurring (those are judged per their own period: periodic.ts) and
//   has started by the period's end ("từ ngày D" after it: nothing is asked yet);
// - it reported in the current period when it has a report (progress, periodic or completion) of
//   that assignment created in the period (from its first day 00:00 to its last day 24:00, in
//   Asia/Ho_Chi_Minh), or a periodic report whose periodStart is the period's first day (what
//   "Báo cáo kỳ này" on the task page writes: reportProgress in workflow.ts).
// The reports are read by the (assignmentId, createdAt) index, the tasks by the board and overview
// indexes (agencyId / provinceId, state, dueOn).

export const ONGOING_PERIOD_RECURRENCES = ["weekly", "monthly", "quarterly"] as const;

export interface OngoingPeriod {
  recurrence: Recurrence;
  period: Period;
  /** "tháng 07/2021", "tuần 05/07/2021 – 11/07/2021", "quý III/2021". */
  label: string;
}

/** A province's reporting period of ongoing tasks holding `today` (an unknown value reads as monthly). */
export function ongoingPeriodOf(recurrence: string | null | undefined, today: string): OngoingPeriod {
  const r: Recurrence = (ONGOING_PERIOD_RECURRENCES as readonly string[]).includes(recurrence ?? "")
    ? (recurrence as Recurrence)
    : "monthly";
  const period = currentPeriod(r, today);
  return { recurrence: r, period, label: periodLabel(r, period) };
}

/** Reads the province's setting. */
export async function provinceOngoingPeriod(db: Db, provinceId: number, today: string): Promise<OngoingPeriod> {
  const p = await db.province.findUnique({ where: { id: provinceId }, select: { ongoingReportPeriod: true } });
  return ongoingPeriodOf(p?.ongoingReportPeriod, today);
}

/** The instants bounding a period of Vietnamese calendar days: [first day 00:00, day after the last 00:00). */
function periodInstants(period: Period): { from: Date; to: Date } {
  return {
    from: new Date(fromIsoDay(period.start).getTime() - VIETNAM_UTC_OFFSET_MS),
    to: new Date(fromIsoDay(addDays(period.end, 1)).getTime() - VIETNAM_UTC_OFFSET_MS),
  };
}

/** On the assignment row `a`: an ongoing task in `period` (asked to report in it). */
export function ongoingSql(period: Period): Prisma.Sql {
  // Two hashed lists of the few directives left out, each read from its small index on Directive.
  return Prisma.sql`(a."dueOn" IS NULL AND a."state" IN ('not_started', 'in_progress', 'submitted')
    AND a."directiveId" NOT IN (SELECT dx.id FROM "Directive" dx WHERE dx."recurrence" IS NOT NULL)
    AND a."directiveId" NOT IN (SELECT dx.id FROM "Directive" dx WHERE dx."startOn" > ${period.end}::date))`;
}

/** On the assignment row `a`: it has a report in `period` (the rule above). */
export function reportedInPeriodSql(period: Period): Prisma.Sql {
  const { from, to } = periodInstants(period);
  return Prisma.sql`EXISTS (SELECT 1 FROM "ProgressReport" pr WHERE pr."assignmentId" = a.id
    AND ((pr."createdAt" >= ${from} AND pr."createdAt" < ${to})
      OR (pr."kind" = 'periodic' AND pr."periodStart" = ${period.start}::date)))`;
}

/** On `a`: an ongoing task without a report in `period`: "Chưa báo cáo kỳ này". */
export function ongoingMissingSql(period: Period): Prisma.Sql {
  return Prisma.sql`(${ongoingSql(period)} AND NOT ${reportedInPeriodSql(period)})`;
}

/**
 * Which of the given assignments (of one province) are ongoing tasks without this period's report.
 * One query whatever the number; the caller has checked the user may see them.
 */
export async function assignmentsMissingOngoingReport(
  db: Db,
  ids: readonly number[],
  period: Period,
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT a.id FROM "Assignment" a WHERE a.id = ANY(${[...ids]}::int[]) AND ${ongoingMissingSql(period)}`;
  return new Set(rows.map((r) => r.id));
}

export const ONGOING_MISSING_LABEL = "Chưa báo cáo kỳ này";
