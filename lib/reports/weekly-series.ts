import "server-only";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { checkToday, DONE, OPEN, provinceOf, scope } from "@/lib/reports/scope";
import type { OverviewFilters, WeekPoint } from "@/lib/reports/types";
import { addDays, mondayOf } from "@/lib/time/calendar";

// The overview's weekly charts: tasks completed and tasks newly overdue, week by week.

/**
 * The last `weeks` weeks (Monday to Sunday), the current one last: tasks completed that week (by
 * completedOn), and tasks that became overdue that week (due that week, before today, and not
 * completed by their due day: still open, or completed later). One query.
 */
export async function weeklySeries(
  db: Db,
  user: SessionUser,
  today: string,
  filters: OverviewFilters = {},
  weeks = 12,
): Promise<WeekPoint[]> {
  const n = Math.min(260, Math.max(1, Math.floor(weeks)));
  const lastMonday = mondayOf(checkToday(today));
  const first = addDays(lastMonday, -7 * (n - 1));
  const points: WeekPoint[] = Array.from({ length: n }, (_, i) => ({
    weekStart: addDays(first, 7 * i),
    completed: 0,
    newlyOverdue: 0,
  }));
  const provinceId = provinceOf(user);
  if (provinceId === null) return points;
  const where = scope(provinceId, filters);
  const lastDue = addDays(today, -1); // due today is not overdue yet
  const end = addDays(lastMonday, 6);
  const rows = await db.$queryRaw<{ week: string; completed: number; newlyOverdue: number }[]>`
    SELECT x."week"::text AS "week", (count(*) FILTER (WHERE x."c"))::int AS "completed",
      (count(*) FILTER (WHERE NOT x."c"))::int AS "newlyOverdue"
    FROM (
      SELECT date_trunc('week', a."completedOn")::date AS "week", TRUE AS "c"
      FROM "Assignment" a WHERE ${where} AND ${DONE} AND a."completedOn" >= ${first}::date AND a."completedOn" <= ${end}::date
      UNION ALL
      SELECT date_trunc('week', a."dueOn")::date AS "week", FALSE AS "c"
      FROM "Assignment" a WHERE ${where} AND ${OPEN} AND a."dueOn" >= ${first}::date AND a."dueOn" <= ${lastDue}::date
      UNION ALL
      SELECT date_trunc('week', a."dueOn")::date AS "week", FALSE AS "c"
      FROM "Assignment" a WHERE ${where} AND ${DONE} AND a."dueOn" >= ${first}::date AND a."dueOn" <= ${lastDue}::date
        AND a."completedOn" > a."dueOn"
    ) x GROUP BY x."week"`;
  const byWeek = new Map(rows.map((r) => [r.week.slice(0, 10), r]));
  for (const p of points) {
    const r = byWeek.get(p.weekStart);
    if (r) {
      p.completed = r.completed;
      p.newlyOverdue = r.newlyOverdue;
    }
  }
  return points;
}
