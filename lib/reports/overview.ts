import "server-only";
import { authorize } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { unpublishedNoticeIds } from "@/lib/notices/published-sql";
import { onTimeRate } from "@/lib/reports/counts";
import { addDays } from "@/lib/time/days";
import type {
  AgencyRow,
  NoticeProgressRow,
  OverdueBucket,
  OverdueSummary,
  OverviewFilters,
  Page,
  TaskCategory,
  TaskCounts,
  TaskRow,
  WeekPoint,
} from "@/lib/reports/types";

// The chairman's overview: every figure is a database aggregate over the user's province, a
// constant number of queries per call whatever the number of assignments (a province may hold
// hundreds of thousands). The categories are those of lib/assignments/timeliness.ts `judge`,
// written as SQL predicates below; tests/integration/overview.test.ts checks them against counts
// made by hand on the seed data.
//
// Scope of every figure: the user's province, published notices only, narrowed by the filters
// (the notice's date = its issue date, or its meeting date when the issue date is unknown).

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export type TaskSort = "due" | "due_desc" | "agency" | "notice" | "completed";

export interface TaskQuery extends OverviewFilters {
  category: TaskCategory;
  agencyId?: number;
  /** Only with category "overdue" (ignored otherwise). */
  bucket?: OverdueBucket;
  /** Default: by due day, the oldest first (for "overdue": the most days overdue first). */
  sort?: TaskSort;
  page?: number;
  pageSize?: number;
}

export const MAX_PAGE_SIZE = 500;

export type AgencySortKey =
  "name" | "assigned" | "completedOnTime" | "completedLate" | "onTrack" | "overdue" | "noDeadline" | "onTimeRate";

export interface AgencyTableOptions {
  sort?: AgencySortKey;
  dir?: "asc" | "desc";
}

// ───────────── scope and category predicates ─────────────

/** The user's province, or null when the user has none (a system admin): they get nothing. */
function provinceOf(user: SessionUser): number | null {
  if (user.provinceId === null) return null;
  authorize(user, "overview.read", { provinceId: user.provinceId });
  return user.provinceId;
}

function checkDay(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw new RangeError(`${name}: not a day (YYYY-MM-DD): ${value}`);
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
function scope(provinceId: number, f: OverviewFilters & { agencyId?: number }): Prisma.Sql {
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
function tallyScope(provinceId: number, f: OverviewFilters): Prisma.Sql {
  if (unfiltered(f)) {
    return Prisma.sql`"AssignmentTally" t WHERE t."provinceId" = ${provinceId}
      AND t."noticeId" NOT IN ${unpublishedNoticeIds(provinceId)}`;
  }
  return Prisma.sql`"AssignmentTally" t JOIN "Notice" nx ON nx.id = t."noticeId" WHERE t."provinceId" = ${provinceId} AND ${noticeScope(provinceId, f)}`;
}

/** Bounds of each overdue bucket as due days: days overdue = today − dueOn. */
function bucketRange(bucket: OverdueBucket, today: string): { min?: string; max: string } {
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
const OPEN = Prisma.sql`a."state" IN ('not_started', 'in_progress', 'submitted')`;
const DONE = Prisma.sql`a."state" = 'completed'`;

/** The SQL predicate of a category at `today` (mirrors timeliness.ts `judge`). */
function categoryPredicate(category: TaskCategory, today: string): Prisma.Sql {
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

function checkToday(today: string): string {
  return checkDay("today", today)!;
}

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
  const rows = await db.$queryRaw<{ total: number; d1_7: number; d8_30: number; d31_90: number; d90_plus: number }[]>`
    SELECT count(*)::int AS "total",
      (count(*) FILTER (WHERE a."dueOn" >= ${b7}::date))::int AS "d1_7",
      (count(*) FILTER (WHERE a."dueOn" < ${b7}::date AND a."dueOn" >= ${b30}::date))::int AS "d8_30",
      (count(*) FILTER (WHERE a."dueOn" < ${b30}::date AND a."dueOn" >= ${b90}::date))::int AS "d31_90",
      (count(*) FILTER (WHERE a."dueOn" < ${b90}::date))::int AS "d90_plus"
    FROM "Assignment" a
    WHERE ${scope(provinceId, filters)} AND ${categoryPredicate("overdue", today)}`;
  const r = rows[0]!;
  return { total: r.total, buckets: { d1_7: r.d1_7, d8_30: r.d8_30, d31_90: r.d31_90, d90_plus: r.d90_plus } };
}

// ───────────── task lists ─────────────

interface TaskSqlRow {
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
  noticeId: number;
  kind: string;
  number: string | null;
  issuedOn: string | null;
  issuedPrecision: TaskRow["notice"]["issuedPrecision"];
  meetingOn: string | null;
  title: string;
}

function orderBy(sort: TaskSort | undefined, category: TaskCategory): Prisma.Sql {
  switch (sort ?? (category === "completed_on_time" || category === "completed_late" ? "completed" : "due")) {
    case "due":
      return Prisma.sql`a."dueOn" ASC NULLS LAST, a.id ASC`;
    case "due_desc":
      return Prisma.sql`a."dueOn" DESC NULLS LAST, a.id ASC`;
    case "agency":
      return Prisma.sql`a."agencyId" ASC, a."dueOn" ASC NULLS LAST, a.id ASC`;
    case "notice":
      return Prisma.sql`d."noticeId" DESC, d."position" ASC, a.id ASC`;
    case "completed":
      return Prisma.sql`a."completedOn" DESC NULLS LAST, a.id DESC`;
  }
}

function daysBetweenIso(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** One page of the tasks behind a figure: two queries (the page, and the total). */
export async function listTasks(db: Db, user: SessionUser, today: string, query: TaskQuery): Promise<Page<TaskRow>> {
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize ?? 50)));
  const provinceId = provinceOf(user);
  if (provinceId === null) return { rows: [], total: 0, page, pageSize };
  checkToday(today);

  const parts = [scope(provinceId, query), categoryPredicate(query.category, today)];
  if (query.category === "overdue" && query.bucket) {
    const { min, max } = bucketRange(query.bucket, today);
    parts.push(Prisma.sql`a."dueOn" <= ${max}::date`);
    if (min) parts.push(Prisma.sql`a."dueOn" >= ${min}::date`);
  }
  const where = Prisma.join(parts, " AND ");

  // The page is chosen on the assignment index alone (ids only: an index-only scan for every sort but
  // "notice"), then its rows are read and joined for display.
  const [rows, counted] = await Promise.all([
    db.$queryRaw<TaskSqlRow[]>`
      SELECT a.id AS "assignmentId", a."role"::text AS "role", a."state"::text AS "state",
        a."dueOn"::text AS "dueOn", d."dueOn"::text AS "originalDueOn", a."completedOn"::text AS "completedOn",
        ag.id AS "agencyId", ag."name" AS "agencyName", ag."shortName" AS "agencyShortName",
        d.id AS "directiveId", d."ref", d."text", d."deadlinePhrase",
        n.id AS "noticeId", n."kind"::text AS "kind", n."number", n."issuedOn"::text AS "issuedOn",
        n."issuedPrecision"::text AS "issuedPrecision", n."meetingOn"::text AS "meetingOn", n."title"
      FROM (
        SELECT a.id FROM "Assignment" a ${query.sort === "notice" ? Prisma.sql`JOIN "Directive" d ON d.id = a."directiveId"` : Prisma.empty}
        WHERE ${where}
        ORDER BY ${orderBy(query.sort, query.category)}
        LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
      ) p
      JOIN "Assignment" a ON a.id = p.id
      JOIN "Directive" d ON d.id = a."directiveId" JOIN "Notice" n ON n.id = a."noticeId" JOIN "Agency" ag ON ag.id = a."agencyId"
      ORDER BY ${orderBy(query.sort, query.category)}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS "total" FROM "Assignment" a WHERE ${where}`,
  ]);

  return {
    rows: rows.map((r) => ({
      assignmentId: r.assignmentId,
      agency: { id: r.agencyId, name: r.agencyName, shortName: r.agencyShortName },
      role: r.role,
      state: r.state,
      dueOn: r.dueOn,
      originalDueOn: r.originalDueOn,
      completedOn: r.completedOn,
      daysOverdue:
        r.state !== "completed" && r.dueOn !== null && r.dueOn < today ? daysBetweenIso(r.dueOn, today) : null,
      directive: { id: r.directiveId, ref: r.ref, text: r.text, deadlinePhrase: r.deadlinePhrase },
      notice: {
        id: r.noticeId,
        kind: r.kind,
        number: r.number,
        issuedOn: r.issuedOn,
        issuedPrecision: r.issuedPrecision,
        meetingOn: r.meetingOn,
        title: r.title,
      },
    })),
    total: counted[0]?.total ?? 0,
    page,
    pageSize,
  };
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
  const rows = await db.$queryRaw<(TallyRow & { id: number; name: string; shortName: string; kind: string })[]>`
    SELECT ag.id, ag."name", ag."shortName", ag."kind"::text AS "kind", c."assigned", c."completed", c."completedOnTime",
      c."completedLate", c."noDeadline", COALESCE(o."overdue", 0)::int AS "overdue"
    FROM (SELECT t."agencyId", ${TALLY_SUMS} FROM ${tallyScope(provinceId, filters)} GROUP BY t."agencyId" HAVING sum(t."assigned") > 0) c
    LEFT JOIN (
      SELECT a."agencyId", count(*) AS "overdue" FROM "Assignment" a
      WHERE ${scope(provinceId, filters)} AND ${categoryPredicate("overdue", today)} GROUP BY a."agencyId"
    ) o ON o."agencyId" = c."agencyId"
    JOIN "Agency" ag ON ag.id = c."agencyId"`;
  const result: AgencyRow[] = rows.map((r) => {
    const counts = countsOf(r);
    return {
      agency: { id: r.id, name: r.name, shortName: r.shortName, kind: r.kind },
      ...counts,
      onTimeRate: onTimeRate(counts),
    };
  });
  const sort = options.sort ?? "overdue";
  return sortAgencyRows(result, sort, options.dir ?? (sort === "name" ? "asc" : "desc"));
}

/** Sorts agency rows by a column; ties by name (Vietnamese collation). Null rates sort last. */
export function sortAgencyRows(rows: AgencyRow[], key: AgencySortKey, dir: "asc" | "desc"): AgencyRow[] {
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

// ───────────── per week ─────────────

/** Monday of the week containing `day`. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

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

// ───────────── everything the overview page shows ─────────────

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
