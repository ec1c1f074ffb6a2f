import "server-only";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ListSort } from "@/lib/reports/list-query";
import { daysBetween, vietnamDay } from "@/lib/time/calendar";
import { isExplanationLate } from "@/lib/assignments/explanations";
import { dueInForce, judge } from "@/lib/assignments/timeliness";
import { isRecurrence } from "@/lib/deadlines/period";
import {
  bucketRange,
  categoryPredicate,
  checkToday,
  dueInForceSql,
  periodReportedSql,
  provinceOf,
  scope,
} from "@/lib/reports/scope";
import type {
  DirectiveGroup,
  ExplanationState,
  GroupPage,
  OverdueBucket,
  OverdueSummary,
  OverviewFilters,
  Page,
  TaskCategory,
  TaskRow,
} from "@/lib/reports/types";

// The tasks behind the overview's figures: how many are overdue and for how long, and one page of
// any category's list. Both are read from the assignment index, a constant number of queries
// whatever the number of assignments.

export interface TaskQuery extends OverviewFilters {
  category: TaskCategory;
  agencyId?: number;
  /** Only with category "overdue" (ignored otherwise). */
  bucket?: OverdueBucket;
  /** Default: by due day, the oldest first (for "overdue": the most days overdue first). */
  sort?: ListSort;
  page?: number;
  pageSize?: number;
  /** Only this directive's tasks (the per-agency detail of a grouped row). */
  directiveId?: number;
}

export const MAX_PAGE_SIZE = 500;

// ───────────── overdue summary ─────────────

const EMPTY_BUCKETS: Record<OverdueBucket, number> = { d1_7: 0, d8_30: 0, d31_90: 0, d90_plus: 0 };

/** How many tasks are overdue, and how long: one query. */
export async function overdueSummary(
  db: Db,
  user: SessionUser,
  today: string,
  filters: OverviewFilters = {},
): Promise<OverdueSummary> {
  const provinceId = provinceOf(user);
  if (provinceId === null) return { total: 0, buckets: { ...EMPTY_BUCKETS } };
  checkToday(today);
  const b7 = bucketRange("d1_7", today).min!;
  const b30 = bucketRange("d8_30", today).min!;
  const b90 = bucketRange("d31_90", today).min!;
  // OFFSET 0 keeps the subquery whole: the due day in force is computed once per row, not once per bucket.
  const rows = await db.$queryRaw<{ total: number; d1_7: number; d8_30: number; d31_90: number; d90_plus: number }[]>`
    SELECT count(*)::int AS "total",
      (count(*) FILTER (WHERE x."due" >= ${b7}::date))::int AS "d1_7",
      (count(*) FILTER (WHERE x."due" < ${b7}::date AND x."due" >= ${b30}::date))::int AS "d8_30",
      (count(*) FILTER (WHERE x."due" < ${b30}::date AND x."due" >= ${b90}::date))::int AS "d31_90",
      (count(*) FILTER (WHERE x."due" < ${b90}::date))::int AS "d90_plus"
    FROM (
      SELECT ${dueInForceSql(today)} AS "due" FROM "Assignment" a
      WHERE ${scope(provinceId, filters)} AND ${categoryPredicate("overdue", today)}
      OFFSET 0
    ) x`;
  const r = rows[0]!;
  return { total: r.total, buckets: { d1_7: r.d1_7, d8_30: r.d8_30, d31_90: r.d31_90, d90_plus: r.d90_plus } };
}

// ───────────── task lists ─────────────

export interface TaskSqlRow {
  assignmentId: number;
  role: TaskRow["role"];
  state: TaskRow["state"];
  dueOn: string | null;
  originalDueOn: string | null;
  completedOn: string | null;
  agencyId: number;
  agencyName: string;
  agencyShortName: string;
  directiveId: number;
  ref: string;
  text: string;
  deadlinePhrase: string | null;
  recurrence: string | null;
  periodReported: boolean;
  noticeId: number;
  kind: string;
  number: string | null;
  issuedOn: string | null;
  issuedPrecision: TaskRow["notice"]["issuedPrecision"];
  meetingOn: string | null;
  title: string;
  explanationStatus: "pending" | "answered" | null;
  explanationAskedAt: Date | null;
  explanationReplyDueOn: string | null;
  explanationAnsweredAt: Date | null;
  pendingExtensionTo: string | null;
}

/** Lists of open tasks with a deadline order by the due day in force (a recurring task's current period's). */
function dueOrder(category: TaskCategory, today: string): Prisma.Sql {
  return category === "overdue" || category === "due_soon" || category === "on_track"
    ? dueInForceSql(today)
    : Prisma.sql`a."dueOn"`;
}

function orderBy(sort: ListSort | undefined, category: TaskCategory, today: string): Prisma.Sql {
  switch (sort ?? (category === "completed_on_time" || category === "completed_late" ? "completed" : "due")) {
    case "due":
      return Prisma.sql`${dueOrder(category, today)} ASC NULLS LAST, a.id ASC`;
    case "due_desc":
      return Prisma.sql`${dueOrder(category, today)} DESC NULLS LAST, a.id ASC`;
    case "agency":
      return Prisma.sql`a."agencyId" ASC, a."dueOn" ASC NULLS LAST, a.id ASC`;
    case "notice":
      return Prisma.sql`d."noticeId" DESC, d."position" ASC, a.id ASC`;
    case "completed":
      return Prisma.sql`a."completedOn" DESC NULLS LAST, a.id DESC`;
  }
}

/** Which assignments a list holds: scope, category, bucket, and the one directive asked for. */
function taskWhere(provinceId: number, query: TaskQuery, today: string): Prisma.Sql {
  const parts = [scope(provinceId, query), categoryPredicate(query.category, today)];
  if (query.category === "overdue" && query.bucket) {
    const { min, max } = bucketRange(query.bucket, today);
    const due = dueInForceSql(today);
    parts.push(Prisma.sql`${due} <= ${max}::date`);
    if (min) parts.push(Prisma.sql`${due} >= ${min}::date`);
  }
  if (query.directiveId !== undefined) parts.push(Prisma.sql`a."directiveId" = ${query.directiveId}`);
  return Prisma.join(parts, " AND ");
}

/**
 * The rows of the assignments whose ids `ids` (a subquery giving "id") selects, in `order`, each
 * with its latest explanation request and its pending extension request's day (index lookups per
 * row inside the same query).
 */
export function readRows(db: Db, ids: Prisma.Sql, order: Prisma.Sql, today: string): Promise<TaskSqlRow[]> {
  return db.$queryRaw<TaskSqlRow[]>`
    SELECT a.id AS "assignmentId", a."role"::text AS "role", a."state"::text AS "state",
      a."dueOn"::text AS "dueOn", d."dueOn"::text AS "originalDueOn", a."completedOn"::text AS "completedOn",
      ag.id AS "agencyId", ag."name" AS "agencyName", ag."shortName" AS "agencyShortName",
      d.id AS "directiveId", d."ref", d."text", d."deadlinePhrase", d."recurrence"::text AS "recurrence",
      (d."recurrence" IS NOT NULL AND ${periodReportedSql(today)}) AS "periodReported",
      n.id AS "noticeId", n."kind"::text AS "kind", n."number", n."issuedOn"::text AS "issuedOn",
      n."issuedPrecision"::text AS "issuedPrecision", n."meetingOn"::text AS "meetingOn", n."title",
      x."status"::text AS "explanationStatus", x."createdAt" AS "explanationAskedAt",
      x."replyDueOn"::text AS "explanationReplyDueOn", x."answeredAt" AS "explanationAnsweredAt",
      xr."requestedDueOn"::text AS "pendingExtensionTo"
    FROM (${ids}) p
    JOIN "Assignment" a ON a.id = p.id
    JOIN "Directive" d ON d.id = a."directiveId" JOIN "Notice" n ON n.id = a."noticeId" JOIN "Agency" ag ON ag.id = a."agencyId"
    LEFT JOIN LATERAL (
      SELECT e."status", e."createdAt", e."replyDueOn", e."answeredAt" FROM "ExplanationRequest" e
      WHERE e."assignmentId" = a.id ORDER BY e."createdAt" DESC, e.id DESC LIMIT 1
    ) x ON true
    LEFT JOIN LATERAL (
      SELECT r."requestedDueOn" FROM "ExtensionRequest" r
      WHERE r."assignmentId" = a.id AND r."status" = 'pending' ORDER BY r."createdAt" DESC, r.id DESC LIMIT 1
    ) xr ON true
    ORDER BY ${order}`;
}

function pageOf(query: { page?: number; pageSize?: number }): { page: number; pageSize: number } {
  return {
    page: Math.max(1, Math.floor(query.page ?? 1)),
    pageSize: Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize ?? 50))),
  };
}

/** One page of the tasks behind a figure: two queries (the page, and the total). */
export async function listTasks(db: Db, user: SessionUser, today: string, query: TaskQuery): Promise<Page<TaskRow>> {
  const { page, pageSize } = pageOf(query);
  const provinceId = provinceOf(user);
  if (provinceId === null) return { rows: [], total: 0, page, pageSize };
  checkToday(today);
  const where = taskWhere(provinceId, query, today);
  const order = orderBy(query.sort, query.category, today);

  // The page is chosen on the assignment index alone (ids only: an index-only scan for every sort but
  // "notice"), then its rows are read and joined for display.
  const [rows, counted] = await Promise.all([
    readRows(
      db,
      Prisma.sql`SELECT a.id FROM "Assignment" a ${query.sort === "notice" ? Prisma.sql`JOIN "Directive" d ON d.id = a."directiveId"` : Prisma.empty}
        WHERE ${where} ORDER BY ${order} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      order,
      today,
    ),
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS "total" FROM "Assignment" a WHERE ${where}`,
  ]);

  return {
    rows: rows.map((r) => toTaskRow(r, today)),
    total: counted[0]?.total ?? 0,
    page,
    pageSize,
  };
}

// ───────────── grouped by directive ─────────────

/**
 * One page of a list grouped by directive: each directive once, with the agencies' tasks in the
 * list (those that have not finished it, for "overdue"), the most days overdue first. Three queries
 * (the page of directives, their tasks, the totals). `total` counts directives, `tasks` assignments:
 * the per-agency list's total.
 */
export async function listDirectiveGroups(
  db: Db,
  user: SessionUser,
  today: string,
  query: Omit<TaskQuery, "directiveId">,
): Promise<GroupPage> {
  const { page, pageSize } = pageOf(query);
  const provinceId = provinceOf(user);
  if (provinceId === null) return { rows: [], total: 0, tasks: 0, page, pageSize };
  checkToday(today);
  const where = taskWhere(provinceId, query, today);
  const due = dueOrder(query.category, today);
  const groupOrder =
    query.sort === "due_desc"
      ? Prisma.sql`g."lastDue" DESC NULLS LAST, g."directiveId" ASC`
      : query.sort === "notice"
        ? Prisma.sql`g."noticeId" DESC, g."position" ASC`
        : Prisma.sql`g."firstDue" ASC NULLS LAST, g."directiveId" ASC`;
  const [groups, counted] = await Promise.all([
    db.$queryRaw<{ directiveId: number }[]>`
      SELECT g."directiveId" FROM (
        SELECT a."directiveId", min(${due}) AS "firstDue", max(${due}) AS "lastDue",
          min(a."noticeId") AS "noticeId", min(dx."position") AS "position"
        FROM "Assignment" a JOIN "Directive" dx ON dx.id = a."directiveId"
        WHERE ${where} GROUP BY a."directiveId"
      ) g
      ORDER BY ${groupOrder} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    db.$queryRaw<{ groups: number; tasks: number }[]>`
      SELECT count(DISTINCT a."directiveId")::int AS "groups", count(*)::int AS "tasks" FROM "Assignment" a WHERE ${where}`,
  ]);
  const ids = groups.map((g) => g.directiveId);
  const rows = ids.length
    ? await readRows(
        db,
        Prisma.sql`SELECT a.id FROM "Assignment" a WHERE ${where} AND a."directiveId" IN (${Prisma.join(ids)})`,
        Prisma.sql`${due} ASC NULLS LAST, ag."name" ASC, a.id ASC`,
        today,
      )
    : [];
  const byDirective = new Map<number, TaskRow[]>(ids.map((id) => [id, []]));
  for (const r of rows) byDirective.get(r.directiveId)?.push(toTaskRow(r, today));
  return {
    rows: ids.map((id) => groupOf(byDirective.get(id)!)),
    total: counted[0]?.groups ?? 0,
    tasks: counted[0]?.tasks ?? 0,
    page,
    pageSize,
  };
}

/** A directive's tasks in a list as one group (the tasks already in order). */
export function groupOf(tasks: TaskRow[]): DirectiveGroup {
  const first = tasks[0]!;
  const days = tasks.map((t) => t.daysOverdue).filter((d): d is number => d !== null);
  const dues = tasks.map((t) => t.currentDueOn).filter((d): d is string => d !== null);
  return {
    directive: first.directive,
    notice: first.notice,
    tasks,
    maxDaysOverdue: days.length ? Math.max(...days) : null,
    minDaysOverdue: days.length ? Math.min(...days) : null,
    firstDueOn: dues.length ? dues.reduce((a, b) => (a < b ? a : b)) : null,
    lastDueOn: dues.length ? dues.reduce((a, b) => (a > b ? a : b)) : null,
    explanations: {
      asked: tasks.filter((t) => t.explanation).length,
      answered: tasks.filter((t) => t.explanation?.status === "answered").length,
      late: tasks.filter((t) => t.explanation?.late).length,
    },
    pendingExtensions: tasks.filter((t) => t.pendingExtensionTo).length,
  };
}

function explanationOf(r: TaskSqlRow, today: string): ExplanationState | null {
  if (!r.explanationStatus || !r.explanationAskedAt || !r.explanationReplyDueOn) return null;
  const e = { status: r.explanationStatus, replyDueOn: r.explanationReplyDueOn };
  return {
    ...e,
    requestedOn: vietnamDay(r.explanationAskedAt),
    answeredOn: r.explanationAnsweredAt ? vietnamDay(r.explanationAnsweredAt) : null,
    late: isExplanationLate(e, today),
  };
}

/** A row as the screens show it, judged by the one judge (recurring directives per period). */
export function toTaskRow(r: TaskSqlRow, today: string): TaskRow {
  const status = {
    state: r.state,
    dueOn: r.dueOn,
    completedOn: r.completedOn,
    recurrence: isRecurrence(r.recurrence) ? r.recurrence : null,
    periodReported: r.periodReported,
  };
  const currentDueOn = dueInForce(status, today);
  const timeliness = judge(status, today);
  return {
    assignmentId: r.assignmentId,
    agency: { id: r.agencyId, name: r.agencyName, shortName: r.agencyShortName },
    role: r.role,
    state: r.state,
    dueOn: r.dueOn,
    originalDueOn: r.originalDueOn,
    completedOn: r.completedOn,
    currentDueOn,
    timeliness,
    daysOverdue: timeliness === "overdue" && currentDueOn ? daysBetween(currentDueOn, today) : null,
    explanation: explanationOf(r, today),
    pendingExtensionTo: r.pendingExtensionTo,
    directive: {
      id: r.directiveId,
      ref: r.ref,
      text: r.text,
      deadlinePhrase: r.deadlinePhrase,
      recurrence: status.recurrence,
    },
    notice: {
      id: r.noticeId,
      kind: r.kind,
      number: r.number,
      issuedOn: r.issuedOn,
      issuedPrecision: r.issuedPrecision,
      meetingOn: r.meetingOn,
      title: r.title,
    },
  };
}
