import "server-only";
import { matchesFilters, searchTextOf, type BoardFilters } from "@/lib/assignments/board-filters";
import { assignmentsMissingPeriodicReport } from "@/lib/assignments/periodic";
import { authorize } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
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
  notices: { id: number; label: string }[];
}

/** The agencies whose boards the user may open: their own, or every agency of the province. */
export async function boardAgencies(db: Db, user: SessionUser): Promise<BoardAgency[]> {
  const where = user.role === "agency_staff" ? { id: { in: user.agencyIds } } : user.provinceId === null ? {} : { provinceId: user.provinceId };
  return db.agency.findMany({ where, orderBy: [{ kind: "asc" }, { name: "asc" }], select: { id: true, name: true, shortName: true, provinceId: true } });
}

const STATE_ORDER: Record<State, number> = { not_started: 0, in_progress: 1, submitted: 2, completed: 3 };

function sortItems(items: BoardItem[], sort: BoardFilters["sort"]): BoardItem[] {
  const byDue = (a: BoardItem, b: BoardItem) => (a.dueOn ?? "9999") .localeCompare(b.dueOn ?? "9999") || a.id - b.id;
  const cmp: Record<NonNullable<BoardFilters["sort"]>, (a: BoardItem, b: BoardItem) => number> = {
    due: byDue,
    notice: (a, b) => (b.notice.issuedOn ?? "").localeCompare(a.notice.issuedOn ?? "") || b.notice.id - a.notice.id || a.directive.id - b.directive.id,
    state: (a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || byDue(a, b),
    role: (a, b) => (a.role === b.role ? byDue(a, b) : a.role === "lead" ? -1 : 1),
  };
  return [...items].sort(cmp[sort ?? "due"]);
}

/** One agency's tasks, filtered as the address says; three queries whatever the size of the board. */
export async function agencyBoard(db: Db, user: SessionUser, agencyId: number, filters: BoardFilters = {}, today = "1970-01-01"): Promise<Board> {
  const agency = await db.agency.findUnique({ where: { id: agencyId }, select: { id: true, name: true, shortName: true, provinceId: true } });
  if (!agency) throw new NotFoundError("Cơ quan");
  authorize(user, "board.read", { provinceId: agency.provinceId, agencyId: agency.id });

  const rows = await db.assignment.findMany({
    where: { agencyId, directive: { notice: { status: "published" } } },
    orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { id: "asc" }],
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
  });
  const day = (d: Date | null) => (d ? toIsoDay(d) : null);
  const all = rows.map((r) => {
    const { notice, assignments, updatedAt, createdAt, ...directive } = r.directive;
    // A directive edited well after this task was given (the seed writes both at once).
    const changed = updatedAt.getTime() - Math.max(createdAt.getTime(), r.createdAt.getTime()) > 60_000;
    const item: BoardItem = {
      id: r.id, role: r.role, state: r.state, dueOn: day(r.dueOn), completedOn: day(r.completedOn),
      extensionRequestedOn: day(r.extensions[0]?.requestedDueOn ?? null),
      changedOn: changed ? toIsoDay(new Date(updatedAt.getTime() + 7 * 3600_000)) : null,
      periodicReportMissing: false,
      directive: { ...directive, dueOn: day(directive.dueOn), startOn: day(directive.startOn) },
      notice: { ...notice, issuedOn: day(notice.issuedOn), meetingOn: day(notice.meetingOn) },
      otherAgencies: assignments.map((a) => ({ shortName: a.agency.shortName, role: a.role })),
    };
    const searchText = searchTextOf([directive.text, directive.ref, notice.number, notice.title, directive.deadlinePhrase, ...assignments.map((a) => a.agency.shortName)]);
    return { item, filterable: { state: r.state, role: r.role, dueOn: item.dueOn, noticeId: notice.id, searchText } };
  });

  const counts: Record<State, number> = { not_started: 0, in_progress: 0, submitted: 0, completed: 0 };
  const items: BoardItem[] = [];
  for (const { item, filterable } of all) {
    if (!matchesFilters(filterable, filters, today, { ignoreState: true })) continue;
    counts[item.state]++;
    if (!filters.state || item.state === filters.state) items.push(item);
  }
  const missing = await assignmentsMissingPeriodicReport(db, items, today);
  for (const item of items) item.periodicReportMissing = missing.has(item.id);
  const notices = new Map<number, string>();
  for (const { item } of all) notices.set(item.notice.id, `${item.notice.number ?? "Không số"} · ${item.notice.title}`);
  return { agency, items: sortItems(items, filters.sort), counts, total: all.length, notices: [...notices].map(([id, label]) => ({ id, label })) };
}
