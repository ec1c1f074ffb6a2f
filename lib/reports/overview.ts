import "server-only";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { agencyTable, noticeProgress } from "@/lib/reports/running-totals";
import { listTasks, overdueSummary } from "@/lib/reports/task-lists";
import type {
  AgencyRow,
  NoticeProgressRow,
  OverdueSummary,
  OverviewFilters,
  Page,
  TaskRow,
  WeekPoint,
} from "@/lib/reports/types";
import { weeklySeries } from "@/lib/reports/weekly-series";

// The chairman's overview: every figure is a database aggregate over the user's province, a
// constant number of queries per call whatever the number of assignments (a province may hold
// hundreds of thousands). What each figure counts: lib/reports/scope.ts; the task lists:
// task-lists.ts; per agency and per notice: running-totals.ts; per week: weekly-series.ts.

export interface Overview {
  today: string;
  summary: OverdueSummary;
  overdue: Page<TaskRow>;
  dueSoon: Page<TaskRow>;
  agencies: AgencyRow[];
  notices: NoticeProgressRow[];
  weeks: WeekPoint[];
}

/** The whole overview in one call (a fixed number of queries), for the page and the bench. */
export async function overview(
  db: Db,
  user: SessionUser,
  today: string,
  filters: OverviewFilters = {},
  listSize = 20,
): Promise<Overview> {
  const [summary, overdue, dueSoon, agencies, notices, weeks] = await Promise.all([
    overdueSummary(db, user, today, filters),
    listTasks(db, user, today, { ...filters, category: "overdue", page: 1, pageSize: listSize }),
    listTasks(db, user, today, { ...filters, category: "due_soon", page: 1, pageSize: listSize }),
    agencyTable(db, user, today, filters),
    noticeProgress(db, user, today, filters),
    weeklySeries(db, user, today, filters),
  ]);
  return { today, summary, overdue, dueSoon, agencies, notices, weeks };
}
