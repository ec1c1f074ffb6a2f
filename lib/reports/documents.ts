import "server-only";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import type { ExportDocument } from "@/lib/exports/table";
import { scopeNames, scopeNotes } from "@/lib/reports/filter-labels";
import { CATEGORY_LABELS, type ListQuery, toFilters } from "@/lib/reports/list-query";
import { agencyTable, noticeProgress } from "@/lib/reports/running-totals";
import { groupOf, listDirectiveGroups, listTasks, MAX_PAGE_SIZE, overdueSummary } from "@/lib/reports/task-lists";
import { weeklySeries } from "@/lib/reports/weekly-series";
import type { ReportModel } from "@/lib/reports/printed-report";
import { agencySheet, groupSheet, noticeSheet, taskSheet, weekSheet } from "@/lib/reports/sheets";
import { OVERDUE_BUCKET_LABELS, type DirectiveGroup, type OverviewFilters, type TaskRow } from "@/lib/reports/types";

// What the export routes and the printed report read: the overview's own computations, as
// documents (titles, scope notes, tables) for a reader who only has the file.

/** At most this many rows in one file (a few pages of the largest list). */
export const EXPORT_LIMIT = 20_000;

export async function allTasks(
  db: Db,
  user: SessionUser,
  today: string,
  q: Omit<ListQuery, "page">,
  limit = EXPORT_LIMIT,
): Promise<{ rows: TaskRow[]; total: number }> {
  const rows: TaskRow[] = [];
  let total = 0;
  for (let page = 1; rows.length < limit; page++) {
    const p = await listTasks(db, user, today, {
      ...toFilters(q),
      category: q.category,
      agencyId: q.agency,
      bucket: q.bucket,
      sort: q.sort,
      directiveId: q.directive,
      page,
      pageSize: MAX_PAGE_SIZE,
    });
    total = p.total;
    rows.push(...p.rows);
    if (p.rows.length < MAX_PAGE_SIZE || rows.length >= total) break;
  }
  return { rows: rows.slice(0, limit), total };
}

export function listTitle(q: Pick<ListQuery, "category" | "bucket">): string {
  const base = CATEGORY_LABELS[q.category];
  return q.category === "overdue" && q.bucket ? `${base} ${OVERDUE_BUCKET_LABELS[q.bucket]}` : base;
}

/** The lists read by directive (a directive once, with its agencies) on screen and in the PDF. */
export function groupsByDirective(q: Pick<ListQuery, "category" | "directive">): boolean {
  return (q.category === "overdue" || q.category === "due_soon") && q.directive === undefined;
}

/**
 * Tasks in list order gathered by directive, the directives in the order of their first task.
 * The overdue and due-soon lists come ordered by the due day in force, so the longest overdue first.
 */
export function groupRows(rows: TaskRow[]): DirectiveGroup[] {
  const by = new Map<number, TaskRow[]>();
  for (const r of rows) {
    const list = by.get(r.directive.id);
    if (list) list.push(r);
    else by.set(r.directive.id, [r]);
  }
  return [...by.values()].map(groupOf);
}

export async function listDocument(db: Db, user: SessionUser, today: string, q: ListQuery): Promise<ExportDocument> {
  const [{ rows, total }, names] = await Promise.all([allTasks(db, user, today, q), scopeNames(db, user, q)]);
  const title = listTitle(q);
  const notes = scopeNotes(names, today, toFilters(q));
  const grouped = groupsByDirective(q) ? groupRows(rows) : null;
  notes.push(
    (rows.length < total ? `${rows.length} trên tổng số ${total} lượt nhiệm vụ` : `${total} lượt nhiệm vụ`) +
      (grouped ? ` thuộc ${grouped.length} nhiệm vụ` : ""),
  );
  return {
    title: `${title}${names.agency ? ` – ${names.agency}` : ""}`,
    notes,
    sheets: [taskSheet(title, title, rows)],
    ...(grouped ? { pdfSheets: [groupSheet(title, title, grouped)] } : {}),
  };
}

export async function reportModel(
  db: Db,
  user: SessionUser,
  today: string,
  f: OverviewFilters,
  listLimit = 200,
): Promise<ReportModel> {
  const [summary, overdue, dueSoon, agencies, notices, weeks, names] = await Promise.all([
    overdueSummary(db, user, today, f),
    listDirectiveGroups(db, user, today, { ...f, category: "overdue", page: 1, pageSize: listLimit }),
    listDirectiveGroups(db, user, today, { ...f, category: "due_soon", page: 1, pageSize: listLimit }),
    agencyTable(db, user, today, f, { sort: "overdue", dir: "desc" }),
    noticeProgress(db, user, today, f),
    weeklySeries(db, user, today, f),
    scopeNames(db, user, { notice: f.noticeId }),
  ]);
  return {
    provinceName: names.province,
    today,
    from: f.from,
    to: f.to,
    noticeName: names.notice,
    summary,
    overdue: overdue.rows,
    overdueDirectives: overdue.total,
    dueSoon: dueSoon.rows,
    dueSoonTasks: dueSoon.tasks,
    dueSoonDirectives: dueSoon.total,
    agencies,
    notices,
    weeks,
  };
}

/**
 * The overview's tables as the address names them (`bang=` of a CSV export, one table per file),
 * in the order of the workbook's sheets below.
 */
export const OVERVIEW_TABLES = ["qua-han", "den-han", "co-quan", "thong-bao", "theo-tuan"] as const;
export type OverviewTable = (typeof OVERVIEW_TABLES)[number];

/** The sheet of the overview document a `bang=` value names: the overdue list when absent, null when unknown. */
export function overviewTableIndex(value: string | null): number | null {
  if (value === null || value === "") return 0;
  const i = OVERVIEW_TABLES.indexOf(value as OverviewTable);
  return i < 0 ? null : i;
}

/** The overview as one workbook: overdue, due soon, per agency, per notice, per week. */
export async function overviewDocument(
  db: Db,
  user: SessionUser,
  today: string,
  f: OverviewFilters,
): Promise<ExportDocument> {
  const [r, overdueTasks, dueSoonTasks] = await Promise.all([
    reportModel(db, user, today, f, MAX_PAGE_SIZE),
    listTasks(db, user, today, { ...f, category: "overdue", page: 1, pageSize: MAX_PAGE_SIZE }),
    listTasks(db, user, today, { ...f, category: "due_soon", page: 1, pageSize: MAX_PAGE_SIZE }),
  ]);
  const names = { province: r.provinceName, notice: r.noticeName };
  const rest = [agencySheet(r.agencies), noticeSheet(r.notices), weekSheet(r.weeks)];
  return {
    title: `Tổng quan tình hình thực hiện nhiệm vụ – tỉnh ${r.provinceName}`,
    notes: [
      ...scopeNotes(names, today, f),
      `Quá hạn: ${r.summary.total} lượt thuộc ${r.overdueDirectives} nhiệm vụ (1–7 ngày: ${r.summary.buckets.d1_7}; 8–30 ngày: ${r.summary.buckets.d8_30}; 31–90 ngày: ${r.summary.buckets.d31_90}; trên 90 ngày: ${r.summary.buckets.d90_plus})`,
    ],
    sheets: [
      taskSheet("Quá hạn", "Việc quá hạn", overdueTasks.rows),
      taskSheet("Đến hạn 7 ngày", "Đến hạn trong 7 ngày tới", dueSoonTasks.rows),
      ...rest,
    ],
    pdfSheets: [
      groupSheet("Quá hạn", "Việc quá hạn, mỗi nhiệm vụ một dòng cùng các cơ quan chưa hoàn thành", r.overdue),
      groupSheet("Đến hạn 7 ngày", "Đến hạn trong 7 ngày tới, mỗi nhiệm vụ một dòng", r.dueSoon),
      ...rest,
    ],
  };
}
