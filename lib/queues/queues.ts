import "server-only";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { cachedRead } from "@/lib/db/read-cache";
import type { AssignmentState, Prisma } from "@/lib/generated/prisma/client";
import { ongoingMissingSql, provinceOngoingPeriod } from "@/lib/assignments/ongoing";
import { unpublishedNoticeIds } from "@/lib/notices/published-sql";
import { addDays, daysBetween, formatDay, fromIsoDay, toIsoDay, vietnamDay } from "@/lib/time/calendar";
import { now as appNow } from "@/lib/time/today";
import { QUEUE_FIRST, QUEUE_PAGE_SIZE } from "@/lib/queues/paging";

// What waits for each person (/cho-xu-ly), one list per kind of work:
//   secretariat: results to confirm (oldest first, how long they waited), extension requests to
//                decide, explanations received since the last visit;
//   chairman:    extension requests to decide, explanations received, tasks newly overdue since
//                the last visit;
//   agency staff: tasks returned (with the reason), due within 7 days, explanation requests to
//                answer, ongoing tasks not yet reported in the province's current period
//                ("Chưa báo cáo kỳ này", lib/assignments/ongoing.ts), new tasks since the last visit.
// Only published notices count. "Since the last visit" is User.queueSeenAt (a first visit looks
// back 7 days), on the app's clock so the demo's fixed day works too.

export const DUE_SOON_DAYS = 7;
const LOOK_BACK_DAYS = 7;
const OPEN_STATES: AssignmentState[] = ["not_started", "in_progress", "submitted"];
export { QUEUE_FIRST, QUEUE_PAGE_SIZE };

/** Which items of a list to read. */
interface Paging {
  take: number;
  skip: number;
}

export interface QueueTask {
  assignmentId: number;
  version: number;
  agency: string;
  agencyId: number;
  ref: string;
  text: string;
  noticeId: number;
  notice: {
    kind: string;
    number: string | null;
    issuedOn: string | null;
    issuedPrecision: "day" | "month" | "year" | "unknown";
  };
  dueOn: string | null;
  /** Depends on the list: days waited, days left, days overdue. */
  days: number | null;
  note: string | null;
  since: string | null;
}

export type QueueKind =
  | "toConfirm"
  | "extensions"
  | "explanationsAnswered"
  | "newlyOverdue"
  | "returned"
  | "dueSoon"
  | "explanationsToAnswer"
  | "ongoingUnreported"
  | "newTasks";

export interface QueueSection {
  kind: QueueKind;
  items: QueueTask[];
  total: number;
  /** How many items come before the shown ones (a later page of an opened list). */
  offset: number;
  /** The list opened on its own (paged), rather than its first items among the others. */
  open: boolean;
}

const TASK_SELECT = {
  id: true,
  version: true,
  agencyId: true,
  dueOn: true,
  submittedAt: true,
  returnReason: true,
  agency: { select: { name: true } },
  directive: { select: { ref: true, text: true } },
  notice: { select: { id: true, kind: true, number: true, issuedOn: true, issuedPrecision: true } },
} as const satisfies Prisma.AssignmentSelect;
type TaskRow = Prisma.AssignmentGetPayload<{ select: typeof TASK_SELECT }>;

function toTask(r: TaskRow, extra: Partial<QueueTask> = {}): QueueTask {
  return {
    assignmentId: r.id,
    version: r.version,
    agency: r.agency.name,
    agencyId: r.agencyId,
    ref: r.directive.ref,
    text: r.directive.text,
    noticeId: r.notice.id,
    notice: {
      kind: r.notice.kind,
      number: r.notice.number,
      issuedOn: r.notice.issuedOn ? toIsoDay(r.notice.issuedOn) : null,
      issuedPrecision: r.notice.issuedPrecision,
    },
    dueOn: r.dueOn ? toIsoDay(r.dueOn) : null,
    days: null,
    note: null,
    since: null,
    ...extra,
  };
}

/** The assignments this user's queues look at: the province's, or the staff's own agencies'. */
function scopeWhere(user: SessionUser): Prisma.AssignmentWhereInput | null {
  if (user.provinceId === null) return null;
  const base: Prisma.AssignmentWhereInput = { provinceId: user.provinceId, notice: { status: "published" } };
  if (user.role === "agency_staff") return { ...base, agencyId: { in: user.agencyIds } };
  if (user.role === "secretariat" || user.role === "chairman") return base;
  return null;
}

function sinceOf(seenAt: Date | null, now: Date): Date {
  return seenAt ?? new Date(now.getTime() - LOOK_BACK_DAYS * 86_400_000);
}

type Listed = Omit<QueueSection, "offset" | "open">;
type Lister = (
  db: Db,
  where: Prisma.AssignmentWhereInput,
  today: string,
  since: Date,
  paging: Paging,
) => Promise<Listed>;

async function section(
  kind: QueueKind,
  db: Db,
  where: Prisma.AssignmentWhereInput,
  orderBy: Prisma.AssignmentOrderByWithRelationInput[],
  map: (r: TaskRow) => QueueTask,
  paging: Paging,
): Promise<Listed> {
  const [rows, total] = await Promise.all([
    db.assignment.findMany({ where, orderBy, ...paging, select: TASK_SELECT }),
    db.assignment.count({ where }),
  ]);
  return { kind, items: rows.map(map), total };
}

const LISTS: Record<QueueKind, Lister> = {
  toConfirm: (db, where, today, _since, paging) =>
    section(
      "toConfirm",
      db,
      { ...where, state: "submitted" },
      [{ submittedAt: "asc" }, { id: "asc" }],
      (r) =>
        toTask(r, {
          since: r.submittedAt ? r.submittedAt.toISOString() : null,
          days: r.submittedAt ? daysBetween(vietnamDay(r.submittedAt), today) : null,
        }),
      paging,
    ),
  extensions: async (db, where, today, _since, paging) => {
    const rows = await db.extensionRequest.findMany({
      where: { status: "pending", assignment: where },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      ...paging,
      select: { id: true, requestedDueOn: true, reason: true, createdAt: true, assignment: { select: TASK_SELECT } },
    });
    const total = await db.extensionRequest.count({ where: { status: "pending", assignment: where } });
    return {
      kind: "extensions",
      total,
      items: rows.map((e) =>
        toTask(e.assignment, {
          note: `Xin gia hạn đến ${formatDay(e.requestedDueOn)}: ${e.reason}`,
          since: e.createdAt.toISOString(),
          days: daysBetween(vietnamDay(e.createdAt), today),
        }),
      ),
    };
  },
  explanationsAnswered: async (db, where, _today, since, paging) => {
    const w: Prisma.ExplanationRequestWhereInput = { status: "answered", answeredAt: { gt: since }, assignment: where };
    const [rows, total] = await Promise.all([
      db.explanationRequest.findMany({
        where: w,
        orderBy: [{ answeredAt: "desc" }, { id: "desc" }],
        ...paging,
        select: { answer: true, answeredAt: true, assignment: { select: TASK_SELECT } },
      }),
      db.explanationRequest.count({ where: w }),
    ]);
    return {
      kind: "explanationsAnswered",
      total,
      items: rows.map((e) =>
        toTask(e.assignment, { note: e.answer, since: e.answeredAt ? e.answeredAt.toISOString() : null }),
      ),
    };
  },
  newlyOverdue: (db, where, today, since, paging) => {
    // Due on a day that has passed since the last visit: overdue now, not yet at the last visit.
    const from = vietnamDay(since);
    return section(
      "newlyOverdue",
      db,
      // The open states listed rather than "not completed": the index on (province, state, due day)
      // then reads three short runs of due days instead of the whole province (10 → 1 ms in Hà Nội).
      { ...where, state: { in: OPEN_STATES }, dueOn: { gte: fromIsoDay(from), lt: fromIsoDay(today) } },
      [{ dueOn: "asc" }, { id: "asc" }],
      (r) => toTask(r, { days: r.dueOn ? daysBetween(toIsoDay(r.dueOn), today) : null }),
      paging,
    );
  },
  returned: (db, where, _today, _since, paging) =>
    section(
      "returned",
      db,
      { ...where, state: "in_progress", returnReason: { not: null } },
      [{ updatedAt: "desc" }, { id: "asc" }],
      (r) => toTask(r, { note: r.returnReason }),
      paging,
    ),
  dueSoon: (db, where, today, _since, paging) =>
    section(
      "dueSoon",
      db,
      {
        ...where,
        state: { in: ["not_started", "in_progress"] },
        dueOn: { gte: fromIsoDay(today), lte: fromIsoDay(addDays(today, DUE_SOON_DAYS)) },
      },
      [{ dueOn: "asc" }, { id: "asc" }],
      (r) => toTask(r, { days: r.dueOn ? daysBetween(today, toIsoDay(r.dueOn)) : null }),
      paging,
    ),
  explanationsToAnswer: async (db, where, today, _since, paging) => {
    const w: Prisma.ExplanationRequestWhereInput = { status: "pending", assignment: where };
    const [rows, total] = await Promise.all([
      db.explanationRequest.findMany({
        where: w,
        orderBy: [{ replyDueOn: "asc" }, { id: "asc" }],
        ...paging,
        select: { message: true, replyDueOn: true, assignment: { select: TASK_SELECT } },
      }),
      db.explanationRequest.count({ where: w }),
    ]);
    return {
      kind: "explanationsToAnswer",
      total,
      items: rows.map((e) => {
        const due = toIsoDay(e.replyDueOn);
        return toTask(e.assignment, { note: e.message, since: due, days: daysBetween(today, due) });
      }),
    };
  },
  // Ongoing tasks (no due day) with no report in the province's current period: the one rule of
  // lib/assignments/ongoing.ts, in SQL, for the agencies of `where` (agency staff only).
  ongoingUnreported: async (db, where, today, _since, paging) => {
    const provinceId = where.provinceId as number;
    const agencyIds = (where.agencyId as { in: number[] } | undefined)?.in ?? [];
    const { period, label } = await provinceOngoingPeriod(db, provinceId, today);
    const rows = await db.$queryRaw<{ id: number; total: number }[]>`
      SELECT a.id, (count(*) OVER ())::int AS "total" FROM "Assignment" a
      WHERE a."provinceId" = ${provinceId} AND a."agencyId" = ANY(${agencyIds}::int[])
        AND a."noticeId" NOT IN ${unpublishedNoticeIds(provinceId)} AND ${ongoingMissingSql(period)}
      ORDER BY a."agencyId", a.id LIMIT ${paging.take} OFFSET ${paging.skip}`;
    const ids = rows.map((r) => r.id);
    const tasks =
      ids.length === 0 ? [] : await db.assignment.findMany({ where: { id: { in: ids } }, select: TASK_SELECT });
    const byId = new Map(tasks.map((t) => [t.id, t]));
    // Past the last item there is no row to carry the total: count again (a page beyond the end).
    const total =
      rows[0]?.total ??
      (paging.skip === 0
        ? 0
        : Number(
            (
              await db.$queryRaw<{ n: number }[]>`
              SELECT count(*)::int AS n FROM "Assignment" a
              WHERE a."provinceId" = ${provinceId} AND a."agencyId" = ANY(${agencyIds}::int[])
                AND a."noticeId" NOT IN ${unpublishedNoticeIds(provinceId)} AND ${ongoingMissingSql(period)}`
            )[0]?.n ?? 0,
          ));
    return {
      kind: "ongoingUnreported",
      total,
      items: ids.flatMap((id) => {
        const t = byId.get(id);
        return t
          ? [
              toTask(t, {
                note: `Chưa báo cáo ${label} (kỳ kết thúc ${formatDay(period.end)})`,
                since: period.end,
                days: daysBetween(today, period.end),
              }),
            ]
          : [];
      }),
    };
  },
  newTasks: (db, where, _today, since, paging) =>
    section(
      "newTasks",
      db,
      { ...where, notice: { status: "published", publishedAt: { gt: since } } },
      [{ createdAt: "desc" }, { id: "asc" }],
      (r) => toTask(r),
      paging,
    ),
};

export const QUEUES_BY_ROLE: Partial<Record<SessionUser["role"], QueueKind[]>> = {
  secretariat: ["toConfirm", "extensions", "explanationsAnswered"],
  chairman: ["extensions", "explanationsAnswered", "newlyOverdue"],
  agency_staff: ["returned", "explanationsToAnswer", "dueSoon", "ongoingUnreported", "newTasks"],
};

/** Which list is opened on its own (`?xem=<kind>&trang=<n>`): the others show their first items. */
export interface QueueView {
  open?: QueueKind;
  page?: number;
}

/** The lists whose items depend on the last visit: never served from the read cache. */
const SINCE_LAST_VISIT = new Set<QueueKind>(["explanationsAnswered", "newlyOverdue", "newTasks"]);

export async function queuesFor(
  db: Db,
  user: SessionUser,
  today: string,
  now: Date = appNow(),
  view: QueueView = {},
  how: { cache?: boolean } = {},
): Promise<QueueSection[]> {
  const where = scopeWhere(user);
  const kinds = QUEUES_BY_ROLE[user.role];
  if (!where || !kinds) return [];
  const seen = await db.user.findUnique({ where: { id: user.id }, select: { queueSeenAt: true } });
  const since = sinceOf(seen?.queueSeenAt ?? null, now);
  return Promise.all(
    kinds.map(async (k) => {
      const open = view.open === k;
      const offset = open ? (Math.max(1, view.page ?? 1) - 1) * QUEUE_PAGE_SIZE : 0;
      const paging = { take: open ? QUEUE_PAGE_SIZE : QUEUE_FIRST, skip: offset };
      const read = () => LISTS[k](db, where, today, since, paging);
      // The lists that do not look at the last visit are kept while the province's data is unchanged.
      const listed =
        how.cache && !SINCE_LAST_VISIT.has(k)
          ? await cachedRead(db, user, `queue:${k}:${today}:${paging.take}:${paging.skip}`, read)
          : await read();
      return { ...listed, offset, open };
    }),
  );
}

/** The address's list and page (`?xem=toConfirm&trang=2`); anything malformed is left out. */
export function parseQueueView(raw: Record<string, string | string[] | undefined>): QueueView {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const open = first(raw.xem);
  const page = Number(first(raw.trang));
  return {
    open: open && Object.hasOwn(LISTS, open) ? (open as QueueKind) : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : undefined,
  };
}

/** The menu's figure: what needs this person's action (not the lists that only inform). */
export async function queueCount(db: Db, user: SessionUser): Promise<number> {
  const where = scopeWhere(user);
  if (!where) return 0;
  if (user.role === "secretariat") {
    const [results, extensions] = await Promise.all([
      db.assignment.count({ where: { ...where, state: "submitted" } }),
      db.extensionRequest.count({ where: { status: "pending", assignment: where } }),
    ]);
    return results + extensions;
  }
  if (user.role === "chairman") return db.extensionRequest.count({ where: { status: "pending", assignment: where } });
  if (user.role === "agency_staff") {
    const [returned, explanations] = await Promise.all([
      db.assignment.count({ where: { ...where, state: "in_progress", returnReason: { not: null } } }),
      db.explanationRequest.count({ where: { status: "pending", assignment: where } }),
    ]);
    return returned + explanations;
  }
  return 0;
}

/** The visit is recorded after the page has read the lists. */
export async function markQueueSeen(db: Db, user: SessionUser, now: Date = appNow()): Promise<void> {
  await db.user.update({ where: { id: user.id }, data: { queueSeenAt: now } });
}
