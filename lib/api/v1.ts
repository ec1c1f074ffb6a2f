import "server-only";
import type { z } from "zod";
import { boardAgencies } from "@/lib/assignments/board";
import { judge } from "@/lib/assignments/timeliness";
import { authorize, can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { getNotice, searchNotices, type NoticeDetail, type NoticeListItem } from "@/lib/notices/queries";
import { parseNoticeSearch } from "@/lib/notices/search-query";
import { agencyTable } from "@/lib/reports/running-totals";
import { listTasks } from "@/lib/reports/task-lists";
import type { TaskRow } from "@/lib/reports/types";
import { sliceOf, window, type Paged } from "@/lib/api/cursor";
import { rankingOf } from "@/lib/ranking/figures";
import type { Period } from "@/lib/ranking/periods";
import type {
  ZAgencyFigures,
  ZAgencyOut,
  ZNoticeListItemOut,
  ZNoticeListQuery,
  ZNoticeOut,
  ZPaged,
  ZResultsOut,
  ZResultsQuery,
  ZTaskOut,
} from "@/lib/api/schemas";

// What each read endpoint answers, through the app's own queries, as the token's actor
// (lib/api/gate.ts actorOf): the notices list and page (lib/notices/queries.ts), the boards'
// agencies (lib/assignments/board.ts), the overview's task lists and per-agency table
// (lib/reports/*). "today" is the app's today (lib/time/today.ts), given by the route.

type Paging = z.output<typeof ZPaged>;

export function noticeOut(n: NoticeDetail, today: string): z.output<typeof ZNoticeOut> {
  return {
    id: n.id,
    kind: n.kind,
    number: n.number,
    title: n.title,
    issuer: n.issuer,
    issuedOn: n.issuedOn,
    issuedPrecision: n.issuedPrecision,
    meetingOn: n.meetingOn,
    signer: n.signer,
    status: n.status,
    urgency: n.urgency,
    audience: n.audience,
    withdrawnAt: n.withdrawnAt,
    withdrawnReason: n.withdrawnReason,
    directives: n.directives.map((d) => ({
      id: d.id,
      ref: d.ref,
      text: d.text,
      urgent: d.urgent,
      deadlineKind: d.deadlineKind,
      dueOn: d.dueOn,
      deadlinePhrase: d.deadlinePhrase,
      startOn: d.startOn,
      recurrence: (d.recurrence as z.output<typeof ZTaskOut>["directive"]["recurrence"]) ?? null,
      assignments: d.assignments.map((a) => ({
        id: a.id,
        agency: { id: a.agencyId, name: a.agencyName, shortName: a.agencyShortName },
        role: a.role,
        viaGroup: a.viaGroup,
        state: a.state,
        version: a.version,
        dueOn: a.dueOn,
        completedOn: a.completedOn,
        // A withdrawn notice's open tasks ended: they are judged no more.
        timeliness: n.status === "withdrawn" && a.state !== "completed" ? null : judge(a, today),
      })),
    })),
  };
}

function taskOut(t: TaskRow): z.output<typeof ZTaskOut> {
  return {
    id: t.assignmentId,
    agency: t.agency,
    role: t.role,
    state: t.state,
    dueOn: t.dueOn,
    originalDueOn: t.originalDueOn,
    currentDueOn: t.currentDueOn,
    completedOn: t.completedOn,
    timeliness: t.timeliness,
    daysOverdue: t.daysOverdue,
    explanation: t.explanation,
    directive: t.directive,
    notice: {
      id: t.notice.id,
      kind: t.notice.kind,
      number: t.notice.number,
      issuedOn: t.notice.issuedOn,
      meetingOn: t.notice.meetingOn,
      title: t.notice.title,
    },
  };
}

/** Reads a few notices at a time: each is the notice page's own query. */
async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

type NoticeListItemOut = z.output<typeof ZNoticeListItemOut>;

const countsOf = (item: NoticeListItem) => ({
  directiveCount: item.directiveCount,
  assignmentCount: item.assignmentCount,
  completedCount: item.completedCount,
  overdueCount: item.overdueCount,
});

/**
 * The notices page's list (lib/notices/queries.ts searchNotices: its filters, its order, its
 * progress counts), with the few header fields the list does not show read for the page's notices
 * in one query. Their directives (texts, deadlines, assignments) are read only with
 * include=directives, each notice through the notice page's own query, as GET /api/v1/notices/{id}.
 */
export async function listNotices(
  db: Db,
  actor: SessionUser,
  today: string,
  q: z.output<typeof ZNoticeListQuery>,
): Promise<Paged<NoticeListItemOut>> {
  // The filters as the notices page reads them from its address (lib/notices/search-query.ts).
  const filters = parseNoticeSearch({ q: q.q, status: q.status, kind: q.kind, year: q.year, overdue: q.overdue });
  const page = await window(q, async (p, pageSize) => {
    const r = await searchNotices(db, actor, today, { ...filters, page: p }, pageSize);
    // searchNotices shows the last page for a page past the end: nothing there.
    return { rows: r.page === p ? r.items : [], total: r.total };
  });
  if (q.include === "directives") {
    const data = await inBatches(page.data, 10, async (item): Promise<NoticeListItemOut> => {
      const { directives, ...notice } = noticeOut(await getNotice(db, actor, item.id, today), today);
      return { ...notice, ...countsOf(item), directives };
    });
    return { data, nextCursor: page.nextCursor };
  }
  const rest = await db.notice.findMany({
    where: { id: { in: page.data.map((n) => n.id) } },
    select: { id: true, signer: true, urgency: true, audience: true, withdrawnAt: true, withdrawnReason: true },
  });
  const byId = new Map(rest.map((n) => [n.id, n]));
  const data = page.data.flatMap((item): NoticeListItemOut[] => {
    const n = byId.get(item.id);
    if (!n) return [];
    return [
      {
        id: item.id,
        kind: item.kind,
        number: item.number,
        title: item.title,
        issuer: item.issuer,
        issuedOn: item.issuedOn,
        issuedPrecision: item.issuedPrecision,
        meetingOn: item.meetingOn,
        signer: n.signer,
        status: item.status,
        urgency: n.urgency,
        audience: n.audience,
        withdrawnAt: n.withdrawnAt?.toISOString() ?? null,
        withdrawnReason: n.withdrawnReason,
        ...countsOf(item),
      },
    ];
  });
  return { data, nextCursor: page.nextCursor };
}

export async function readNotice(db: Db, actor: SessionUser, today: string, id: number) {
  try {
    return noticeOut(await getNotice(db, actor, id, today), today);
  } catch (error) {
    // A draft a token may not read is not there for it.
    if (error instanceof ForbiddenError) throw new NotFoundError("Thông báo");
    throw error;
  }
}

export async function listAgencies(db: Db, actor: SessionUser, q: Paging): Promise<Paged<z.output<typeof ZAgencyOut>>> {
  const agencies = await boardAgencies(db, actor);
  return sliceOf(
    q,
    agencies.map((a) => ({ id: a.id, name: a.name, shortName: a.shortName, active: a.active ?? true })),
  );
}

/**
 * An agency's tasks: the token must read the agency's board (board.read, as the board's page);
 * its tasks are then the overview's list of that agency's tasks ("assigned"), by due day. The list
 * is read as the province's chairman would, since its query asks for the overview's permission,
 * which a token limited to agencies does not hold, once the board permission was checked.
 */
export async function listAgencyTasks(
  db: Db,
  actor: SessionUser,
  today: string,
  agencyId: number,
  q: Paging,
): Promise<Paged<z.output<typeof ZTaskOut>>> {
  const agency = await db.agency.findUnique({ where: { id: agencyId }, select: { id: true, provinceId: true } });
  if (!agency || !can(actor, "board.read", { provinceId: agency.provinceId, agencyId }))
    throw new NotFoundError("Cơ quan");
  const reader: SessionUser = { ...actor, role: "chairman", agencyIds: [] };
  return window(q, async (page, pageSize) => {
    const r = await listTasks(db, reader, today, { category: "assigned", agencyId, sort: "due", page, pageSize });
    return { rows: r.rows.map(taskOut), total: r.total };
  });
}

export async function listOverdue(
  db: Db,
  actor: SessionUser,
  today: string,
  q: Paging,
): Promise<Paged<z.output<typeof ZTaskOut>>> {
  authorize(actor, "overview.read", { provinceId: actor.provinceId ?? -1 });
  return window(q, async (page, pageSize) => {
    const r = await listTasks(db, actor, today, { category: "overdue", page, pageSize });
    return { rows: r.rows.map(taskOut), total: r.total };
  });
}

export async function overviewAgencies(
  db: Db,
  actor: SessionUser,
  today: string,
  q: Paging,
): Promise<Paged<z.output<typeof ZAgencyFigures>>> {
  authorize(actor, "overview.read", { provinceId: actor.provinceId ?? -1 });
  const rows = await agencyTable(db, actor, today, {}, { sort: "name", dir: "asc" });
  return sliceOf(q, rows);
}

/**
 * The period's results and ranking (/xep-hang, lib/ranking/figures.ts): the frozen figures of a
 * published period, else judged today. A token limited to agencies gets its agencies' rows
 * (ranked among all), as their staff on the page.
 */
export async function results(
  db: Db,
  actor: SessionUser,
  today: string,
  q: z.output<typeof ZResultsQuery>,
): Promise<z.output<typeof ZResultsOut>> {
  authorize(actor, "ranking.read", { provinceId: actor.provinceId ?? -1, agencyId: actor.agencyIds[0] ?? null });
  const r = await rankingOf(db, actor, q.period, today);
  const periodOut = (p: Period) => ({ key: p.key, label: p.label, start: p.start, end: p.end });
  return {
    period: periodOut(r.period),
    previousPeriod: periodOut(r.previous),
    asOf: r.asOf,
    published: r.published !== null,
    formula: r.formula,
    data: r.rows.map((row) => ({
      agency: { id: row.agencyId, name: row.name, shortName: row.shortName },
      assigned: row.assigned,
      completedOnTime: row.completedOnTime,
      completedLate: row.completedLate,
      onTrack: row.onTrack,
      overdue: row.overdue,
      overdueDays: row.overdueDays,
      onTimeRate: row.onTimeRate,
      score: row.score,
      rank: row.rank,
      previousRank: row.previousRank,
    })),
  };
}
