import "server-only";
import { matchesFilters, searchTextOf, type BoardFilters } from "@/lib/assignments/board-filters";
import { assignmentsMissingPeriodicReport } from "@/lib/assignments/periodic";
import { authorize } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { toIsoDay } from "@/lib/time/format";

export interface BoardAgency {
  id: number;
  name: string;
  shortName: string;
  provinceId: number;
}

type State = "not_started" | "in_progress" | "submitted" | "completed";

export interface BoardItem {
  id: number;
  role: "lead" | "support";
  state: State;
  dueOn: string | null;
  completedOn: string | null;
  /** A pending extension request's date, if any. */
  extensionRequestedOn: string | null;
  /** The day the directive was changed after the task was given, if it was. */
  changedOn: string | null;
  /** A recurring directive whose report for the current period is still missing. */
  periodicReportMissing: boolean;
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
  notice: { id: number; kind: string; number: string | null; issuedOn: string | null; issuedPrecision: "day" | "month" | "year" | "unknown"; meetingOn: string | null; title: string };
  otherAgencies: { shortName: string; role: "lead" | "support" }[];
}

export interface Board {
  agency: BoardAgency;
  items: BoardItem[];
  /** Per state, under every filter but the state one: the columns' counts. */
  counts: Record<State, number>;
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
  const where = user.role === "agency_staff" ? { id: { in: user.agencyIds } } : user.provinceId === null ? {} : { provinceId: user.provinceId };
  return db.agency.findMany({ where, orderBy: [{ kind: "asc" }, { name: "asc" }], select: { id: true, name: true, shortName: true, provinceId: true } });
}

const STATE_ORDER: Record<State, number> = { not_started: 0, in_progress: 1, submitted: 2, completed: 3 };

/** What the sorts look at, for a full item or a light row alike. */
interface SortKey {
  id: number;
  state: State;
  role: "lead" | "support";
  dueOn: string | null;
  noticeId: number;
  noticeIssuedOn: string | null;
  directiveId: number;
}

function comparator(sort: BoardFilters["sort"]): (a: SortKey, b: SortKey) => number {
  const byDue = (a: SortKey, b: SortKey) => (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999") || a.id - b.id;
  const cmp: Record<NonNullable<BoardFilters["sort"]>, (a: SortKey, b: SortKey) => number> = {
    due: byDue,
    notice: (a, b) => (b.noticeIssuedOn ?? "").localeCompare(a.noticeIssuedOn ?? "") || b.noticeId - a.noticeId || a.directiveId - b.directiveId,
    state: (a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || byDue(a, b),
    role: (a, b) => (a.role === b.role ? byDue(a, b) : a.role === "lead" ? -1 : 1),
  };
  return cmp[sort ?? "due"];
}

/**
 * How many items a board returns at most: per state column (board view), or in all (list view).
 * The counts and the total are always over everything; an agency with tens of thousands of tasks
 * shows the first ones in the chosen order, and the filters narrow the rest.
 */
export const BOARD_COLUMN_LIMIT = 50;
export const BOARD_LIST_LIMIT = 200;
/** The notice filter lists at most this many notices (an agency may have tasks from a thousand). */
export const BOARD_NOTICE_OPTIONS = 50;

interface LightRow {
  id: number;
  role: "lead" | "support";
  state: State;
  dueOn: string | null;
  directiveId: number;
  noticeId: number;
  noticeIssuedOn: string | null;
  // Only when searching (filters.q): the words the search looks at.
  text?: string;
  ref?: string;
  number?: string | null;
  title?: string;
  deadlinePhrase?: string | null;
  others?: string | null;
}

/**
 * One agency's tasks, filtered as the address says, in a fixed number of queries whatever the size
 * of the board: the light fields of every task (filtered, counted and sorted here, with the same
 * rules as before), then the full detail of the items shown only.
 */
export async function agencyBoard(db: Db, user: SessionUser, agencyId: number, filters: BoardFilters = {}, today = "1970-01-01"): Promise<Board> {
  const agency = await db.agency.findUnique({ where: { id: agencyId }, select: { id: true, name: true, shortName: true, provinceId: true } });
  if (!agency) throw new NotFoundError("Cơ quan");
  authorize(user, "board.read", { provinceId: agency.provinceId, agencyId: agency.id });

  const searching = Boolean(filters.q && filters.q.trim());
  const light = await db.$queryRaw<LightRow[]>`
    SELECT a.id, a."role"::text AS "role", a."state"::text AS "state", a."dueOn"::text AS "dueOn",
      d.id AS "directiveId", n.id AS "noticeId", n."issuedOn"::text AS "noticeIssuedOn"
      ${searching ? Prisma.sql`, d."text", d."ref", n."number", n."title", d."deadlinePhrase",
        (SELECT string_agg(g."shortName", ' ') FROM "Assignment" o JOIN "Agency" g ON g.id = o."agencyId"
          WHERE o."directiveId" = a."directiveId" AND o."agencyId" <> ${agencyId}) AS "others"` : Prisma.empty}
    FROM "Assignment" a JOIN "Directive" d ON d.id = a."directiveId" JOIN "Notice" n ON n.id = d."noticeId"
    WHERE a."agencyId" = ${agencyId} AND n."status" = 'published'
    ORDER BY a."dueOn" ASC NULLS LAST, a.id ASC`;

  const counts: Record<State, number> = { not_started: 0, in_progress: 0, submitted: 0, completed: 0 };
  const matching: LightRow[] = [];
  for (const r of light) {
    const searchText = searching ? searchTextOf([r.text, r.ref, r.number, r.title, r.deadlinePhrase, r.others]) : "";
    if (!matchesFilters({ state: r.state, role: r.role, dueOn: r.dueOn, noticeId: r.noticeId, searchText }, filters, today, { ignoreState: true })) continue;
    counts[r.state]++;
    if (!filters.state || r.state === filters.state) matching.push(r);
  }
  matching.sort(comparator(filters.sort));
  let shown: LightRow[];
  if (filters.view === "list") shown = matching.slice(0, BOARD_LIST_LIMIT);
  else {
    const perState: Record<State, number> = { not_started: 0, in_progress: 0, submitted: 0, completed: 0 };
    shown = matching.filter((r) => ++perState[r.state] <= BOARD_COLUMN_LIMIT);
  }

  const allNoticeIds = [...new Set(light.map((r) => r.noticeId))];
  const noticeIds = allNoticeIds.slice(0, BOARD_NOTICE_OPTIONS);
  if (filters.notice !== undefined && !noticeIds.includes(filters.notice) && allNoticeIds.includes(filters.notice)) noticeIds.push(filters.notice);
  const [rows, noticeRows] = await Promise.all([
    shown.length === 0 ? Promise.resolve([]) : db.assignment.findMany({
      where: { id: { in: shown.map((r) => r.id) } },
      select: {
        id: true, role: true, state: true, dueOn: true, completedOn: true, createdAt: true,
        extensions: { where: { status: "pending" }, select: { requestedDueOn: true }, take: 1 },
        directive: {
          select: {
            id: true, ref: true, text: true, urgent: true, deadlineKind: true, dueOn: true, deadlinePhrase: true, startOn: true, recurrence: true, milestoneTarget: true, updatedAt: true, createdAt: true,
            notice: { select: { id: true, kind: true, number: true, issuedOn: true, issuedPrecision: true, meetingOn: true, title: true } },
            assignments: { where: { agencyId: { not: agencyId } }, orderBy: { role: "asc" }, select: { role: true, agency: { select: { shortName: true } } } },
          },
        },
      },
    }),
    noticeIds.length === 0 ? Promise.resolve([]) : db.notice.findMany({ where: { id: { in: noticeIds } }, select: { id: true, number: true, title: true } }),
  ]);
  const day = (d: Date | null) => (d ? toIsoDay(d) : null);
  const byId = new Map(rows.map((r) => {
    const { notice, assignments, updatedAt, createdAt, ...directive } = r.directive;
    // A directive edited well after this task was given (the seed writes both at once).
    const changed = updatedAt.getTime() - Math.max(createdAt.getTime(), r.createdAt.getTime()) > 60_000;
    const item: BoardItem = {
      id: r.id, role: r.role, state: r.state, dueOn: day(r.dueOn), completedOn: day(r.completedOn),
      extensionRequestedOn: day(r.extensions[0]?.requestedDueOn ?? null),
      changedOn: changed ? toIsoDay(new Date(updatedAt.getTime() + 7 * 3600_000)) : null,
      directive: { ...directive, dueOn: day(directive.dueOn), startOn: day(directive.startOn) },
      notice: { ...notice, issuedOn: day(notice.issuedOn), meetingOn: day(notice.meetingOn) },
      otherAgencies: assignments.map((a) => ({ shortName: a.agency.shortName, role: a.role })),
      periodicReportMissing: false,
    };
    return [r.id, item] as const;
  }));
  const items = shown.map((r) => byId.get(r.id)).filter((i): i is BoardItem => i !== undefined);
  const missing = await assignmentsMissingPeriodicReport(db, items, today);
  for (const item of items) item.periodicReportMissing = missing.has(item.id);
  // The notice filter's choices, in the order their first task comes on the board (by due day).
  const labels = new Map(noticeRows.map((n) => [n.id, `${n.number ?? "Không số"} · ${n.title}`]));
  const notices = noticeIds.map((id) => ({ id, label: labels.get(id) ?? "" }));
  return { agency, items, counts, total: light.length, matched: matching.length, truncated: shown.length < matching.length, notices, noticeTotal: allNoticeIds.length };
}
