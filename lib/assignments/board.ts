import "server-only";
import { windowEnd, type BoardFilters } from "@/lib/assignments/board-filters";
import { assignmentsMissingOngoingReport, ongoingMissingSql, provinceOngoingPeriod } from "@/lib/assignments/ongoing";
import type { Period } from "@/lib/assignments/recurrence";
import { assignmentsMissingPeriodicReport, assignmentsReportedThisPeriod } from "@/lib/assignments/periodic";
import { categoryPredicate } from "@/lib/reports/scope";
import { authorize, scopeOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { unpublishedNoticeIds } from "@/lib/notices/published-sql";
import { containsPattern, searchWords } from "@/lib/notices/search-fold";
import type { AssignmentState } from "@/lib/assignments/state";
import { vietnamDay, type DatePrecision } from "@/lib/time/calendar";

export interface BoardAgency {
  id: number;
  name: string;
  shortName: string;
  provinceId: number;
  /** In the list of boards: a deactivated or merged agency's board stays readable, listed apart. */
  active?: boolean;
}

export interface BoardItem {
  id: number;
  role: "lead" | "support";
  state: AssignmentState;
  dueOn: string | null;
  completedOn: string | null;
  /** A pending extension request's date, if any. */
  extensionRequestedOn: string | null;
  /** The secretariat sent the result back (the reason), while the agency works on. */
  returnReason: string | null;
  /** An explanation request waiting for the agency's answer: its reply day. */
  explanationDueOn: string | null;
  /** The day the directive was changed after the task was given, if it was. */
  changedOn: string | null;
  /**
   * "Chưa báo cáo kỳ này": a recurring directive whose report for the current period is still
   * missing, or an ongoing task (no due day) without a report in the province's current period
   * (lib/assignments/ongoing.ts).
   */
  periodicReportMissing: boolean;
  /** A recurring directive whose current period's report was sent (judged per period: timeliness.ts). */
  periodReported: boolean;
  directive: {
    id: number;
    ref: string;
    text: string;
    urgent: boolean;
    deadlineKind: string;
    dueOn: string | null;
    deadlinePhrase: string | null;
    startOn: string | null;
    recurrence: string | null;
    milestoneTarget: string | null;
  };
  notice: {
    id: number;
    kind: string;
    number: string | null;
    issuedOn: string | null;
    issuedPrecision: DatePrecision;
    meetingOn: string | null;
    title: string;
    /** The notice's urgency mark ("HỎA TỐC"…), null when it has none. */
    urgency: "khan" | "thuong_khan" | "hoa_toc" | null;
  };
  otherAgencies: { shortName: string; role: "lead" | "support" }[];
}

export interface Board {
  agency: BoardAgency;
  items: BoardItem[];
  /** Per state, under every filter but the state one: the columns' counts. */
  counts: Record<AssignmentState, number>;
  total: number;
  /** How many tasks match every filter (the state one too); `items` holds at most the limits below. */
  matched: number;
  /** Some matching tasks are not in `items`: a column (board view) or the list held more than its limit. */
  truncated: boolean;
  /** The notice filter's choices: the first BOARD_NOTICE_OPTIONS notices (plus the chosen one). */
  notices: { id: number; label: string }[];
  /** How many notices the agency has tasks from (the choices may be fewer). */
  noticeTotal: number;
}

/** The agencies whose boards the user may open: their own, or every agency of the province. */
export async function boardAgencies(db: Db, user: SessionUser): Promise<BoardAgency[]> {
  const scope = scopeOf(user, "board.read");
  if (!scope) return [];
  const where = {
    ...(scope.provinceId === null ? {} : { provinceId: scope.provinceId }),
    ...(scope.agencyIds === "all" ? {} : { id: { in: scope.agencyIds } }),
  };
  return db.agency.findMany({
    where,
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { id: true, name: true, shortName: true, provinceId: true, active: true },
  });
}

const STATE_ORDER: Record<AssignmentState, number> = { not_started: 0, in_progress: 1, submitted: 2, completed: 3 };

/**
 * How many items a board returns at most: per state column (board view), or per page of the list
 * view (?trang=n). The counts and the total are always over everything; an agency with tens of
 * thousands of tasks shows the first ones in the chosen order, the list pages through the rest.
 */
export const BOARD_COLUMN_LIMIT = 12;
export const BOARD_LIST_LIMIT = 50;
/** The notice filter lists at most this many notices (an agency may have tasks from a thousand). */
export const BOARD_NOTICE_OPTIONS = 50;

const STATES = Object.keys(STATE_ORDER) as AssignmentState[];

/**
 * The filters but the state and the search, in SQL over `Assignment a`: the same rules as
 * matchesFilters (due windows from `today`; overdue and the windows count open tasks only).
 */
function filterSql(filters: BoardFilters, today: string, ongoing: Period): Prisma.Sql[] {
  const conds: Prisma.Sql[] = [];
  if (filters.role) conds.push(Prisma.sql`a."role" = ${filters.role}::"AssignmentRole"`);
  if (filters.notice) conds.push(Prisma.sql`a."noticeId" = ${filters.notice}`);
  if (filters.due === "none") conds.push(Prisma.sql`a."dueOn" IS NULL`);
  // Overdue as the overview counts it: a recurring directive by its current period's report, never by its first due day.
  else if (filters.due === "overdue") conds.push(categoryPredicate("overdue", today));
  // "Chưa báo cáo kỳ này": the ongoing tasks' one rule, for the province's current period.
  else if (filters.due === "unreported") conds.push(ongoingMissingSql(ongoing));
  else if (filters.due === "week" || filters.due === "month") {
    conds.push(
      Prisma.sql`a."state" <> 'completed' AND a."dueOn" >= ${today}::date AND a."dueOn" <= ${windowEnd(filters.due, today)}::date`,
    );
  }
  return conds;
}

/** The board's orders: over the task `a` joined to its notice `n`, or over `s`, rows of the light columns
 * (lightCols in agencyBoard: id, role, state, dueOn, directiveId, noticeId, noticeIssuedOn). */
function orderSql(sort: BoardFilters["sort"], p: "a" | "s"): Prisma.Sql {
  const c = (name: string) => Prisma.raw(`${p}."${name}"`);
  const byDue = Prisma.sql`${c("dueOn")} ASC NULLS LAST, ${c("id")} ASC`;
  switch (sort ?? "due") {
    case "notice":
      return Prisma.sql`${p === "a" ? Prisma.raw(`n."issuedOn"`) : c("noticeIssuedOn")} DESC NULLS LAST, ${c("noticeId")} DESC, ${c("directiveId")} ASC`;
    // The enums are declared in the board's order: not_started … completed, lead before support.
    case "state":
      return Prisma.sql`${c("state")} ASC, ${byDue}`;
    case "role":
      return Prisma.sql`${c("role")} ASC, ${byDue}`;
    default:
      return byDue;
  }
}

/** A shown task with everything its card needs, from one query (detailSql). */
interface DetailRow {
  id: number;
  role: "lead" | "support";
  state: AssignmentState;
  dueOn: string | null;
  completedOn: string | null;
  createdAt: Date;
  extensionRequestedOn: string | null;
  returnReason: string | null;
  explanationDueOn: string | null;
  dId: number;
  ref: string;
  text: string;
  urgent: boolean;
  deadlineKind: string;
  dDueOn: string | null;
  deadlinePhrase: string | null;
  startOn: string | null;
  recurrence: string | null;
  milestoneTarget: string | null;
  dUpdatedAt: Date;
  dCreatedAt: Date;
  nId: number;
  kind: string;
  number: string | null;
  issuedOn: string | null;
  issuedPrecision: DatePrecision;
  meetingOn: string | null;
  title: string;
  urgency: "khan" | "thuong_khan" | "hoa_toc" | null;
  others: { shortName: string; role: "lead" | "support" }[] | null;
}

/** The shown tasks' detail, for `source`, a subquery `s` of the light columns (in their SQL types). */
function detailSql(agencyId: number, source: Prisma.Sql, order: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH s AS MATERIALIZED (SELECT * FROM ${source}),
    -- The other agencies of the shown directives, in one pass (joined per card, the planner would
    -- hash the whole Agency table for each); leads first, then by name, as on the directive's page.
    o AS (
      SELECT o."directiveId", json_agg(json_build_object('shortName', g."shortName", 'role', o."role") ORDER BY o."role", g."name") AS "others"
      FROM "Assignment" o JOIN "Agency" g ON g.id = o."agencyId"
      WHERE o."directiveId" IN (SELECT s."directiveId" FROM s) AND o."agencyId" <> ${agencyId}
      GROUP BY o."directiveId"
    )
    SELECT a.id, a."role"::text AS "role", a."state"::text AS "state", a."dueOn"::text AS "dueOn", a."completedOn"::text AS "completedOn", a."createdAt",
      (SELECT e."requestedDueOn"::text FROM "ExtensionRequest" e WHERE e."assignmentId" = a.id AND e."status" = 'pending' ORDER BY e.id LIMIT 1) AS "extensionRequestedOn",
      CASE WHEN a."state" = 'in_progress' THEN a."returnReason" END AS "returnReason",
      (SELECT x."replyDueOn"::text FROM "ExplanationRequest" x WHERE x."assignmentId" = a.id AND x."status" = 'pending' ORDER BY x.id LIMIT 1) AS "explanationDueOn",
      d.id AS "dId", d."ref", d."text", d."urgent", d."deadlineKind"::text AS "deadlineKind", d."dueOn"::text AS "dDueOn", d."deadlinePhrase",
      d."startOn"::text AS "startOn", d."recurrence"::text AS "recurrence", d."milestoneTarget", d."updatedAt" AS "dUpdatedAt", d."createdAt" AS "dCreatedAt",
      n.id AS "nId", n."kind"::text AS "kind", n."number", n."issuedOn"::text AS "issuedOn", n."issuedPrecision"::text AS "issuedPrecision", n."meetingOn"::text AS "meetingOn", n."title", n."urgency"::text AS "urgency",
      o."others"
    FROM s JOIN "Assignment" a ON a.id = s.id JOIN "Directive" d ON d.id = a."directiveId" JOIN "Notice" n ON n.id = a."noticeId"
      LEFT JOIN o ON o."directiveId" = a."directiveId"
    ORDER BY ${order}`;
}

/**
 * The search in SQL: every word of the folded query occurs in the directive's folded words
 * (Directive."searchText": its text, ref, deadline phrase and its notice's number and title) or in
 * the folded short name of one of the directive's other agencies (Agency."searchShortName"). The
 * agencies whose short name holds a word are looked up first (a few thousand short names): most
 * words name none, and then the task's other agencies are not read at all. (The subquery names
 * the directive, d.id, not the task's a."directiveId": the planner can then test it while reading
 * the directives, before the join.)
 */
async function searchSql(db: Db, agencyId: number, words: string[]): Promise<Prisma.Sql[]> {
  if (words.length === 0) return []; // a query of accents alone: every task, as matchesFilters says
  const patterns = words.map(containsPattern);
  const named = await db.$queryRaw<{ i: number; ids: number[] }[]>`
    SELECT w.i::int AS "i", array_agg(g.id) AS "ids"
    FROM unnest(${patterns}::text[]) WITH ORDINALITY AS w(p, i) JOIN "Agency" g ON g."searchShortName" LIKE w.p AND g.id <> ${agencyId}
    GROUP BY w.i`;
  const agencies = new Map(named.map((r) => [r.i - 1, r.ids]));
  const conds = patterns.map((p, i) => {
    const ids = agencies.get(i);
    return ids
      ? Prisma.sql`(d."searchText" LIKE ${p} OR EXISTS (SELECT 1 FROM "Assignment" o WHERE o."directiveId" = d.id AND o."agencyId" = ANY(${ids}::int[])))`
      : Prisma.sql`d."searchText" LIKE ${p}`;
  });
  // Words of one or two letters ("so y te") give the trigram index nothing to look up, nor does a
  // word that may also be in an agency's name (the OR): the planner would then read every
  // directive of the country; the agency's own are read instead (by their ids, from the board
  // index). One longer word found by the directive's words alone keeps the index's lookup.
  if (!words.some((w, i) => !agencies.has(i) && /[\p{L}\p{N}]{3}/u.test(w)))
    conds.push(
      Prisma.sql`d.id = ANY(ARRAY(SELECT x."directiveId" FROM "Assignment" x WHERE x."agencyId" = ${agencyId}))`,
    );
  return conds;
}

/**
 * One agency's tasks, filtered as the address says, in a fixed number of queries whatever the size
 * of the board, run together: the database filters, counts and sorts, and cuts each column (or the
 * list) to its limit, mostly from the agency's board index (agencyId, state, dueOn, id, role,
 * noticeId, …); only the shown tasks are read in full. Only published notices count. A search
 * matches the folded words stored with each directive and agency (searchSql), in the same query
 * that counts, sorts and cuts.
 */
export async function agencyBoard(
  db: Db,
  user: SessionUser,
  agencyId: number,
  filters: BoardFilters = {},
  today = "1970-01-01",
): Promise<Board> {
  const agency = await db.agency.findUnique({
    where: { id: agencyId },
    select: { id: true, name: true, shortName: true, provinceId: true },
  });
  if (!agency) throw new NotFoundError("Cơ quan");
  authorize(user, "board.read", { provinceId: agency.provinceId, agencyId: agency.id });

  const searching = Boolean(filters.q && filters.q.trim());
  const [ongoingPeriod, searchConds] = await Promise.all([
    provinceOngoingPeriod(db, agency.provinceId, today).then((p) => p.period),
    searching ? searchSql(db, agencyId, searchWords(filters.q)) : [],
  ]);
  const conds = filterSql(filters, today, ongoingPeriod);
  const where = (extra: Prisma.Sql[] = []) =>
    Prisma.join([Prisma.sql`a."agencyId" = ${agencyId}`, ...conds, ...extra], " AND ");
  const filtered = conds.length > 0 ? Prisma.join(conds, " AND ") : Prisma.sql`true`;
  const view = filters.view ?? "board";
  const listPage = filters.trang ?? 1;
  const listSkip = (listPage - 1) * BOARD_LIST_LIMIT;
  const published = Prisma.sql`JOIN "Notice" n ON n.id = a."noticeId" AND n."status" = 'published'`;
  const lightCols = Prisma.sql`a.id, a."role", a."state", a."dueOn", a."directiveId", a."noticeId", n."issuedOn" AS "noticeIssuedOn"`;
  // Each state's first tasks in the chosen order: a column, or the candidates for the list's first ones.
  // (One subquery run per state, LATERAL: planned once, each run an index scan from its state on.)
  const firstPerState = (
    limit: number,
  ) => Prisma.sql`SELECT x.* FROM unnest(${filters.state ? [filters.state] : STATES}::text[]) st("state")
    CROSS JOIN LATERAL (SELECT ${lightCols} FROM "Assignment" a ${published}
      WHERE ${where([Prisma.sql`a."state" = st."state"::"AssignmentState"`])} ORDER BY ${orderSql(filters.sort, "a")} LIMIT ${limit}) x`;
  const shownSource =
    view === "list"
      ? Prisma.sql`(SELECT s.* FROM (${firstPerState(listSkip + BOARD_LIST_LIMIT)}) s ORDER BY ${orderSql(filters.sort, "s")} LIMIT ${BOARD_LIST_LIMIT} OFFSET ${listSkip}) s2`
      : Prisma.sql`(${firstPerState(BOARD_COLUMN_LIMIT)}) s2`;

  const [countRows, shownRows, options] = await Promise.all([
    // Per state: every task of a published notice, and those under the filters (the state one
    // aside), in one pass over the agency's board index (it holds the role and the notice).
    db.$queryRaw<{ state: AssignmentState; all: number; n: number }[]>`
      SELECT a."state"::text AS "state", count(*)::int AS "all", (count(*) FILTER (WHERE ${filtered}))::int AS "n"
      FROM "Assignment" a WHERE a."agencyId" = ${agencyId} AND a."noticeId" NOT IN ${unpublishedNoticeIds(agency.provinceId)}
      GROUP BY a."state"`,
    searching
      ? Promise.resolve(null)
      : db.$queryRaw<DetailRow[]>(detailSql(agencyId, shownSource, orderSql(filters.sort, "s"))),
    noticeOptions(db, agencyId, filters.notice),
  ]);

  const counts: Record<AssignmentState, number> = { not_started: 0, in_progress: 0, submitted: 0, completed: 0 };
  let total = 0;
  for (const r of countRows) {
    total += r.all;
    counts[r.state] = r.n;
  }
  let details: DetailRow[];
  let matched: number;
  if (shownRows) {
    details = shownRows;
    matched = filters.state ? counts[filters.state] : STATES.reduce((sum, s) => sum + counts[s], 0);
  } else {
    // The search: the tasks of every filter and the words are found, counted per state, sorted and
    // cut (each column, or the list's page) in one query; then the shown ones are read in full.
    const [found] = await db.$queryRaw<
      { counts: { state: AssignmentState; n: number }[] | null; ids: number[] | null }[]
    >`
      WITH s AS MATERIALIZED (
        SELECT ${lightCols} FROM "Assignment" a ${published} JOIN "Directive" d ON d.id = a."directiveId"
        WHERE ${where(searchConds)}
      ),
      shown AS (
        SELECT s.id, row_number() OVER (${
          view === "list" ? Prisma.empty : Prisma.sql`PARTITION BY s."state" `
        }ORDER BY ${orderSql(filters.sort, "s")}) AS "rank", row_number() OVER (ORDER BY ${orderSql(filters.sort, "s")}) AS "position"
        FROM s WHERE ${filters.state ? Prisma.sql`s."state" = ${filters.state}::"AssignmentState"` : Prisma.sql`true`}
      )
      SELECT (SELECT json_agg(json_build_object('state', c."state", 'n', c."n")) FROM (SELECT s."state"::text AS "state", count(*)::int AS "n" FROM s GROUP BY s."state") c) AS "counts",
        (SELECT array_agg(shown.id ORDER BY shown."position") FROM shown WHERE ${
          view === "list"
            ? Prisma.sql`shown."rank" > ${listSkip} AND shown."rank" <= ${listSkip + BOARD_LIST_LIMIT}`
            : Prisma.sql`shown."rank" <= ${BOARD_COLUMN_LIMIT}`
        }) AS "ids"`;
    for (const s of STATES) counts[s] = 0;
    for (const c of found?.counts ?? []) counts[c.state] = c.n;
    matched = filters.state ? counts[filters.state] : STATES.reduce((sum, s) => sum + counts[s], 0);
    const ids = found?.ids ?? [];
    details =
      ids.length === 0
        ? []
        : await db.$queryRaw<DetailRow[]>(
            detailSql(
              agencyId,
              Prisma.sql`(SELECT a.id, a."directiveId", p."position" FROM unnest(${ids}::int[]) WITH ORDINALITY AS p(id, "position") JOIN "Assignment" a ON a.id = p.id) s2`,
              Prisma.sql`s."position"`,
            ),
          );
  }

  const items = details.map((r): BoardItem => {
    // A directive edited well after this task was given (the seed writes both at once).
    const changed = r.dUpdatedAt.getTime() - Math.max(r.dCreatedAt.getTime(), r.createdAt.getTime()) > 60_000;
    return {
      id: r.id,
      role: r.role,
      state: r.state,
      dueOn: r.dueOn,
      completedOn: r.completedOn,
      extensionRequestedOn: r.extensionRequestedOn,
      returnReason: r.returnReason,
      explanationDueOn: r.explanationDueOn,
      changedOn: changed ? vietnamDay(r.dUpdatedAt) : null,
      directive: {
        id: r.dId,
        ref: r.ref,
        text: r.text,
        urgent: r.urgent,
        deadlineKind: r.deadlineKind,
        dueOn: r.dDueOn,
        deadlinePhrase: r.deadlinePhrase,
        startOn: r.startOn,
        recurrence: r.recurrence,
        milestoneTarget: r.milestoneTarget,
      },
      notice: {
        id: r.nId,
        kind: r.kind,
        number: r.number,
        issuedOn: r.issuedOn,
        issuedPrecision: r.issuedPrecision,
        meetingOn: r.meetingOn,
        title: r.title,
        urgency: r.urgency,
      },
      otherAgencies: r.others ?? [],
      periodicReportMissing: false,
      periodReported: false,
    };
  });
  const ongoingIds = items
    .filter((i) => i.dueOn === null && i.directive.recurrence === null && i.state !== "completed")
    .map((i) => i.id);
  const [missing, reported, ongoingMissing] = await Promise.all([
    assignmentsMissingPeriodicReport(db, items, today),
    assignmentsReportedThisPeriod(db, items, today),
    assignmentsMissingOngoingReport(db, ongoingIds, ongoingPeriod),
  ]);
  for (const item of items) {
    item.periodicReportMissing = missing.has(item.id) || ongoingMissing.has(item.id);
    item.periodReported = reported.has(item.id);
  }
  return {
    agency,
    items,
    counts,
    total,
    matched,
    truncated: items.length < matched,
    notices: options.notices,
    noticeTotal: options.total,
  };
}

/**
 * The notice filter's choices: the first BOARD_NOTICE_OPTIONS published notices in the order their
 * first task comes on the board (due day, no deadline last, then task id), plus the chosen one if the
 * agency has tasks from it; and how many published notices the agency has tasks from. The tasks are
 * walked in that order from the (agencyId, state, dueOn) index, a few hundred at a time, until
 * enough notices are found; the total comes from AssignmentTally (one row per agency and notice).
 */
async function noticeOptions(
  db: Db,
  agencyId: number,
  chosen: number | undefined,
): Promise<{ notices: { id: number; label: string }[]; total: number }> {
  const ids: number[] = [];
  for (let batch = 400; ; batch *= 8) {
    // The first `batch` tasks of the agency in that order (each state gives at most its first `batch`).
    const rows = await db.$queryRaw<{ noticeId: number; published: boolean }[]>`
      SELECT u."noticeId", n."status" = 'published' AS "published" FROM (
        SELECT s.* FROM unnest(${STATES}::text[]) st("state") CROSS JOIN LATERAL (SELECT a.id, a."dueOn", a."noticeId" FROM "Assignment" a
          WHERE a."agencyId" = ${agencyId} AND a."state" = st."state"::"AssignmentState" ORDER BY a."dueOn" ASC NULLS LAST, a.id ASC LIMIT ${batch}) s
        ORDER BY s."dueOn" ASC NULLS LAST, s.id ASC LIMIT ${batch}
      ) u JOIN "Notice" n ON n.id = u."noticeId"
      ORDER BY u."dueOn" ASC NULLS LAST, u.id ASC`;
    ids.length = 0;
    const seen = new Set<number>();
    for (const r of rows)
      if (r.published && !seen.has(r.noticeId)) {
        seen.add(r.noticeId);
        ids.push(r.noticeId);
      }
    // Enough notices, or every task read.
    if (ids.length >= BOARD_NOTICE_OPTIONS || rows.length < batch) break;
  }
  ids.length = Math.min(ids.length, BOARD_NOTICE_OPTIONS);
  // How many published notices the agency has tasks from, whether the chosen one is among them, and
  // the labels (the chosen notice's too, used only if it is among them).
  const [tally] = await db.$queryRaw<
    { total: number; chosen: boolean; labels: { id: number; number: string | null; title: string }[] | null }[]
  >`
    SELECT (SELECT count(*)::int FROM "AssignmentTally" t JOIN "Notice" n ON n.id = t."noticeId" AND n."status" = 'published'
        WHERE t."agencyId" = ${agencyId} AND t."assigned" > 0) AS "total",
      EXISTS (SELECT 1 FROM "AssignmentTally" t JOIN "Notice" n ON n.id = t."noticeId" AND n."status" = 'published'
        WHERE t."agencyId" = ${agencyId} AND t."noticeId" = ${chosen ?? 0} AND t."assigned" > 0) AS "chosen",
      (SELECT json_agg(json_build_object('id', n.id, 'number', n."number", 'title', n."title")) FROM "Notice" n
        WHERE n.id = ANY(${[...ids, chosen ?? 0]}::int[])) AS "labels"`;
  if (chosen !== undefined && !ids.includes(chosen) && tally?.chosen) ids.push(chosen);
  const labels = new Map((tally?.labels ?? []).map((n) => [n.id, `${n.number ?? "Không số"} · ${n.title}`]));
  return { notices: ids.map((id) => ({ id, label: labels.get(id) ?? "" })), total: tally?.total ?? 0 };
}
