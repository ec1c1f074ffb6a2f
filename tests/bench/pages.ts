// The pages bench:dashboard measures, each with the lib calls its server component makes (its
// "queries alone", run in the bench's process with its own Prisma client, as the page runs them:
// the (app) layout's three badge counts, then the page's own calls, concurrently where the page
// makes them concurrently). When a page's calls change, change its entry here: the ratio page /
// queries is only as honest as this list.
import { successionOf } from "@/lib/agencies/succession";
import { listAgencyTasks, listNotices, listOverdue } from "@/lib/api/v1";
import { callerOf } from "@/lib/api/tokens";
import { ZNoticeListQuery, ZPaged } from "@/lib/api/schemas";
import { agencyBoard } from "@/lib/assignments/board";
import { parseBoardFilters } from "@/lib/assignments/board-filters";
import { getAssignmentDetail } from "@/lib/assignments/detail";
import { pendingExtensions } from "@/lib/assignments/extensions";
import { provinceOngoingPeriod } from "@/lib/assignments/ongoing";
import { assignmentTimeline } from "@/lib/assignments/timeline";
import { sessionUser } from "@/lib/auth/sessions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { noticeEditView } from "@/lib/notices/edit-history";
import { noticeLife } from "@/lib/notices/life";
import { noticeLinks } from "@/lib/notices/links";
import { directivePassage } from "@/lib/notices/passage";
import { getNotice, noticeFilterOptions, searchNotices } from "@/lib/notices/queries";
import { parseNoticeSearch } from "@/lib/notices/search-query";
import { unreadNotifications } from "@/lib/notifications/inbox";
import { queueCount, queuesFor } from "@/lib/queues/queues";
import { rankingOf } from "@/lib/ranking/figures";
import { reminderBadge } from "@/lib/reminders/list";
import { recentNoticeOptions } from "@/lib/reports/filter-labels";
import { toFilters } from "@/lib/reports/list-query";
import { agencyTable, noticeProgressPage } from "@/lib/reports/running-totals";
import { listDirectiveGroups, overdueSummary } from "@/lib/reports/task-lists";
import { weeklySeries } from "@/lib/reports/weekly-series";

export type Who = "chairman" | "secretariat" | "staff" | "api" | "anonymous";

export interface PageSpec {
  key: string;
  path: string;
  who: Who;
  /** The page's own calls, as its server component makes them (the layout's are added for pages). */
  alone: () => Promise<unknown>;
  /** Not in the summary line (a variant shown for information). */
  extra?: boolean;
}

export interface BenchContext {
  db: Db;
  today: string;
  users: Record<"chairman" | "secretariat" | "staff", SessionUser>;
  apiSecret: string;
  agencyId: number;
  noticeId: number;
  assignmentId: number;
  searchWord: string;
}

/** The (app) layout's badges, on every signed-in page. */
function layout(db: Db, user: SessionUser, today: string) {
  return Promise.all([reminderBadge(db, user, today), unreadNotifications(db, user), queueCount(db, user)]);
}

/** The bench's signed-in session of each user (found once, outside the timing). */
const sessionIds = new Map<number, string | null>();

/** What every signed-in page reads first, before anything else: its session row with the user. */
async function session(db: Db, user: SessionUser): Promise<void> {
  if (!sessionIds.has(user.id)) {
    const row = await db.userSession.findFirst({
      where: { userId: user.id, endedAt: null },
      orderBy: { lastSeenAt: "desc" },
      select: { id: true },
    });
    sessionIds.set(user.id, row?.id ?? null);
  }
  const id = sessionIds.get(user.id);
  if (id) await sessionUser(db, id);
}

function overview(db: Db, user: SessionUser, today: string, q: { from?: string; to?: string; notice?: number }) {
  const f = toFilters(q);
  return Promise.all([
    overdueSummary(db, user, today, f),
    listDirectiveGroups(db, user, today, { ...f, category: "overdue", page: 1, pageSize: 5 }),
    listDirectiveGroups(db, user, today, { ...f, category: "due_soon", page: 1, pageSize: 5 }),
    agencyTable(db, user, today, f, {}),
    noticeProgressPage(db, user, today, f, { limit: 8, order: "attention" }),
    weeklySeries(db, user, today, f),
    recentNoticeOptions(db, user, { limit: 20, selected: q.notice }),
    provinceOngoingPeriod(db, user.provinceId!, today),
  ]);
}

async function noticePage(db: Db, user: SessionUser, id: number, today: string) {
  const view = await noticeEditView(db, user, id);
  const notice = await getNotice(db, user, id, today);
  // The link form's recent notices (linkChoices) and the carry-over candidates are read only when
  // asked for (?lien-ket=1, ?chuyen-tiep=1), not at the page's default view.
  await Promise.all([
    noticeLife(db, user, id),
    noticeLinks(db, user, { id: notice.id, provinceId: notice.provinceId, number: notice.number }),
  ]);
  return view;
}

async function taskPage(db: Db, user: SessionUser, id: number) {
  const detail = await getAssignmentDetail(db, user, id);
  await Promise.all([
    assignmentTimeline(db, user, detail.directive.id, { assignmentId: id }),
    directivePassage(db, detail.directive.id),
  ]);
}

async function queuesPage(db: Db, user: SessionUser, today: string) {
  const sections = await queuesFor(db, user, today);
  const ids = sections.find((s) => s.kind === "extensions")?.items.map((t) => t.assignmentId) ?? [];
  await pendingExtensions(db, ids);
}

async function board(db: Db, user: SessionUser, id: number, today: string, raw: Record<string, string>) {
  const b = await agencyBoard(db, user, id, parseBoardFilters(raw), today);
  await successionOf(db, b.agency.id);
}

async function rankingPage(db: Db, user: SessionUser, today: string) {
  await rankingOf(db, user, undefined, today);
  await db.province.findUnique({ where: { id: user.provinceId! }, select: { code: true } });
}

/**
 * The API's reads as the bench's province-wide read token: lib/api/gate.ts actorOf reads as the
 * province's chairman (that module imports the app's gate, which needs Next's runtime).
 */
async function api(c: BenchContext, read: (actor: SessionUser) => Promise<unknown>) {
  const caller = await callerOf(c.db, c.apiSecret);
  if (!caller) throw new Error("the bench's API token is not accepted");
  return read({ ...c.users.chairman, id: 0, username: `api-token-${caller.tokenId}`, name: caller.name });
}

export function benchPages(c: BenchContext): PageSpec[] {
  const { db, today: T } = c;
  const { chairman, secretariat, staff } = c.users;
  const PERIOD = { from: "2021-01-01", to: T };
  const withLayout = (user: SessionUser, calls: () => Promise<unknown>) => async () => {
    await session(db, user);
    return Promise.all([layout(db, user, T), calls()]);
  };
  const word = encodeURIComponent(c.searchWord);
  return [
    { key: "trivial", path: "/dang-nhap", who: "anonymous", alone: async () => undefined, extra: true },
    // The other floor, "a static page of the same layout": the user guide, which reads
    // nothing but the session and the layout's badges.
    {
      key: "layout",
      path: "/huong-dan",
      who: "chairman",
      alone: withLayout(chairman, async () => undefined),
      extra: true,
    },
    {
      key: "overview",
      path: "/tong-quan",
      who: "chairman",
      alone: withLayout(chairman, () => overview(db, chairman, T, {})),
    },
    {
      key: "ov-period",
      path: `/tong-quan?from=${PERIOD.from}&to=${PERIOD.to}`,
      who: "chairman",
      alone: withLayout(chairman, () => overview(db, chairman, T, PERIOD)),
    },
    {
      key: "ov-notice",
      path: `/tong-quan?notice=${c.noticeId}`,
      who: "chairman",
      alone: withLayout(chairman, () => overview(db, chairman, T, { notice: c.noticeId })),
    },
    {
      key: "board",
      path: `/co-quan/${c.agencyId}`,
      who: "chairman",
      alone: withLayout(chairman, () => board(db, chairman, c.agencyId, T, {})),
    },
    {
      key: "board-list",
      path: `/co-quan/${c.agencyId}?view=list&q=${word}`,
      who: "chairman",
      alone: withLayout(chairman, () => board(db, chairman, c.agencyId, T, { view: "list", q: c.searchWord })),
    },
    {
      key: "overdue",
      path: "/qua-han",
      who: "chairman",
      alone: withLayout(chairman, () =>
        Promise.all([
          overdueSummary(db, chairman, T),
          listDirectiveGroups(db, chairman, T, { category: "overdue", page: 1, pageSize: 25 }),
        ]),
      ),
    },
    {
      key: "notices",
      path: `/thong-bao?q=${word}`,
      who: "chairman",
      alone: withLayout(chairman, () =>
        Promise.all([
          searchNotices(db, chairman, T, parseNoticeSearch({ q: c.searchWord })),
          noticeFilterOptions(db, chairman),
        ]),
      ),
    },
    {
      key: "notice",
      path: `/thong-bao/${c.noticeId}`,
      who: "secretariat",
      alone: withLayout(secretariat, () => noticePage(db, secretariat, c.noticeId, T)),
    },
    {
      key: "task",
      path: `/nhiem-vu/${c.assignmentId}`,
      who: "chairman",
      alone: withLayout(chairman, () => taskPage(db, chairman, c.assignmentId)),
    },
    {
      key: "queue-chair",
      path: "/cho-xu-ly",
      who: "chairman",
      alone: withLayout(chairman, () => queuesPage(db, chairman, T)),
    },
    {
      key: "queue-sec",
      path: "/cho-xu-ly",
      who: "secretariat",
      alone: withLayout(secretariat, () => queuesPage(db, secretariat, T)),
    },
    {
      key: "queue-staff",
      path: "/cho-xu-ly",
      who: "staff",
      alone: withLayout(staff, () => queuesPage(db, staff, T)),
    },
    {
      key: "ranking",
      path: "/xep-hang",
      who: "chairman",
      alone: withLayout(chairman, () => rankingPage(db, chairman, T)),
    },
    {
      key: "api-notices",
      path: "/api/v1/notices?limit=20",
      who: "api",
      alone: () => api(c, (actor) => listNotices(db, actor, T, ZNoticeListQuery.parse({ limit: "20" }))),
    },
    {
      // The list with every notice's directives and assignments (what it answered by default before).
      key: "api-ntc-dir",
      path: "/api/v1/notices?limit=20&include=directives",
      who: "api",
      alone: () =>
        api(c, (actor) => listNotices(db, actor, T, ZNoticeListQuery.parse({ limit: "20", include: "directives" }))),
      extra: true,
    },
    {
      key: "api-tasks",
      path: `/api/v1/agencies/${c.agencyId}/tasks?limit=50`,
      who: "api",
      alone: () => api(c, (actor) => listAgencyTasks(db, actor, T, c.agencyId, ZPaged.parse({ limit: "50" }))),
    },
    {
      key: "api-overdue",
      path: "/api/v1/overdue?limit=50",
      who: "api",
      alone: () => api(c, (actor) => listOverdue(db, actor, T, ZPaged.parse({ limit: "50" }))),
    },
  ];
}
