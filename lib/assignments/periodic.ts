import "server-only";
import { currentPeriod, missingPeriodicReport, type Recurrence } from "@/lib/assignments/recurrence";
import type { Db } from "@/lib/db/client";
import { fromIsoDay, toIsoDay } from "@/lib/time/calendar";
import type { AssignmentState } from "@/lib/assignments/state";

// For boards and overviews: which of the listed assignments still lack this period's report
// ("chưa báo cáo kỳ này"). One query for the whole list. The caller has already checked that the
// user may see these assignments (it loaded them for its board).

export interface PeriodicCandidate {
  id: number;
  state: AssignmentState;
  dueOn: string | null;
  directive: { recurrence: Recurrence | string | null; startOn: string | null };
}

const RECURRENCES = new Set<string>(["daily", "weekly", "monthly", "quarterly", "yearly"]);

export async function assignmentsMissingPeriodicReport(
  db: Db,
  items: readonly PeriodicCandidate[],
  today: string,
): Promise<Set<number>> {
  const recurring = items.filter(
    (i) => i.directive.recurrence !== null && RECURRENCES.has(i.directive.recurrence) && i.state !== "completed",
  );
  if (recurring.length === 0) return new Set();
  // Only reports of periods that could be the current one matter: from the earliest period start on.
  const earliest = recurring.map((i) => currentPeriod(i.directive.recurrence as Recurrence, today).start).sort()[0]!;
  const reports = await db.progressReport.findMany({
    where: {
      assignmentId: { in: recurring.map((i) => i.id) },
      kind: "periodic",
      periodStart: { gte: fromIsoDay(earliest) },
    },
    select: { assignmentId: true, periodStart: true },
  });
  const reported = new Map<number, string[]>();
  for (const r of reports) {
    if (r.periodStart) reported.set(r.assignmentId, [...(reported.get(r.assignmentId) ?? []), toIsoDay(r.periodStart)]);
  }
  return new Set(
    recurring
      .filter((i) =>
        missingPeriodicReport(
          {
            recurrence: i.directive.recurrence as Recurrence,
            state: i.state,
            startOn: i.directive.startOn,
            dueOn: i.dueOn,
            reportedPeriodStarts: reported.get(i.id) ?? [],
          },
          today,
        ),
      )
      .map((i) => i.id),
  );
}

/**
 * Which of the listed assignments of recurring directives already sent the current period's
 * report (what the one judge needs to say "due", "done" or "late" for the period). One query.
 */
export async function assignmentsReportedThisPeriod(
  db: Db,
  items: readonly PeriodicCandidate[],
  today: string,
): Promise<Set<number>> {
  const recurring = items.filter(
    (i) => i.directive.recurrence !== null && RECURRENCES.has(i.directive.recurrence) && i.state !== "completed",
  );
  if (recurring.length === 0) return new Set();
  const starts = [...new Set(recurring.map((i) => currentPeriod(i.directive.recurrence as Recurrence, today).start))];
  const reports = await db.progressReport.findMany({
    where: {
      assignmentId: { in: recurring.map((i) => i.id) },
      kind: "periodic",
      periodStart: { in: starts.map(fromIsoDay) },
    },
    select: { assignmentId: true, periodStart: true },
  });
  const want = new Map(recurring.map((i) => [i.id, currentPeriod(i.directive.recurrence as Recurrence, today).start]));
  return new Set(
    reports
      .filter((r) => r.periodStart && want.get(r.assignmentId) === toIsoDay(r.periodStart))
      .map((r) => r.assignmentId),
  );
}
