import "server-only";
import { authorize, can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { DirectiveDeadline } from "@/lib/notices/deadline-fields";
import { Prisma } from "@/lib/generated/prisma/client";
import { containsPattern, searchTerms } from "@/lib/notices/search-fold";
import type { NoticeSearch } from "@/lib/notices/search-query";
import { categoryPredicate, checkToday } from "@/lib/reports/scope";
import { toIsoDay, type DatePrecision } from "@/lib/time/calendar";
import type { AssignmentState } from "@/lib/assignments/state";
import { assignmentsReportedThisPeriod } from "@/lib/assignments/periodic";
import type { Recurrence } from "@/lib/assignments/recurrence";

export interface NoticeListItem {
  id: number;
  kind: string;
  number: string | null;
  title: string;
  issuer: string;
  issuedOn: string | null;
  issuedPrecision: DatePrecision;
  meetingOn: string | null;
  status: "draft" | "published" | "withdrawn";
  directiveCount: number;
  assignmentCount: number;
  completedCount: number;
  overdueCount: number;
}

export interface NoticeSearchPage {
  items: NoticeListItem[];
  /** How many notices match, over every page. */
  total: number;
  page: number;
  pageSize: number;
}

export const NOTICE_PAGE_SIZE = 20;

/**
 * Which notices the user may list, as a predicate on the notice row `n`: the session's province
 * (a system administrator: every province), drafts only for those who may read drafts there.
 * Null when the user may list none.
 */
function visibleNotices(user: SessionUser): Prisma.Sql | null {
  if (user.provinceId === null) {
    return user.role === "admin" ? Prisma.sql`n."status" <> 'draft'` : null;
  }
  const target = { provinceId: user.provinceId };
  if (!can(user, "notice.read", target)) return null;
  const province = Prisma.sql`n."provinceId" = ${user.provinceId}`;
  return can(user, "notice.readDraft", target) ? province : Prisma.sql`${province} AND n."status" <> 'draft'`;
}

/** The search and the filters, as a predicate on `n` (the search reads the folded column). */
function filtersSql(f: NoticeSearch, today: string, provinceId: number | null): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  for (const term of searchTerms(f.q)) parts.push(Prisma.sql`n."searchText" LIKE ${containsPattern(term)}`);
  if (f.kind) parts.push(Prisma.sql`n."kind" = ${f.kind}::"NoticeKind"`);
  if (f.status) parts.push(Prisma.sql`n."status" = ${f.status}::"NoticeStatus"`);
  if (f.issuer) parts.push(Prisma.sql`n."issuer" = ${f.issuer}`);
  // The notice's date: its issue date, or its meeting date when the issue date is unknown (as the overview).
  const dated = Prisma.sql`COALESCE(n."issuedOn", n."meetingOn")`;
  if (f.year) {
    parts.push(Prisma.sql`${dated} >= ${`${f.year}-01-01`}::date AND ${dated} <= ${`${f.year}-12-31`}::date`);
  }
  if (f.from) parts.push(Prisma.sql`${dated} >= ${f.from}::date`);
  if (f.to) parts.push(Prisma.sql`${dated} <= ${f.to}::date`);
  if (f.overdue) {
    // The province's overdue tasks once, from the overview's (provinceId, state, dueOn, …, noticeId)
    // index, rather than a probe per notice.
    const province = provinceId === null ? Prisma.sql`TRUE` : Prisma.sql`a."provinceId" = ${provinceId}`;
    parts.push(
      Prisma.sql`n."status" <> 'withdrawn' AND n.id IN (SELECT a."noticeId" FROM "Assignment" a WHERE ${province} AND ${categoryPredicate("overdue", today)})`,
    );
  }
  return parts;
}

/**
 * The notices the user may see that match the search and filters, newest first (by their date,
 * undated ones last), a page at a time, with their progress counts. Searching and filtering run
 * in PostgreSQL on the folded column "searchText" (a trigram index where pg_trgm exists); only
 * the page's notices are read in full (three queries, and one more past the last page).
 */
export async function searchNotices(
  db: Db,
  user: SessionUser,
  today: string,
  f: NoticeSearch,
  pageSize = NOTICE_PAGE_SIZE,
): Promise<NoticeSearchPage> {
  checkToday(today);
  const visible = visibleNotices(user);
  if (!visible) return { items: [], total: 0, page: 1, pageSize };
  const where = Prisma.join([visible, ...filtersSql(f, today, user.provinceId)], " AND ");
  const pageOf = (page: number) =>
    db.$queryRaw<{ id: number }[]>`
      SELECT n.id FROM "Notice" n WHERE ${where}
      ORDER BY COALESCE(n."issuedOn", n."meetingOn") DESC NULLS LAST, n.id DESC
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const [[count], firstTry] = await Promise.all([
    db.$queryRaw<{ total: number }[]>`SELECT COUNT(*)::int AS total FROM "Notice" n WHERE ${where}`,
    pageOf(f.page),
  ]);
  const total = count?.total ?? 0;
  // A page past the end (an old link) shows the last one.
  const last = Math.max(1, Math.ceil(total / pageSize));
  const page = f.page > last ? last : f.page;
  const ids = (page === f.page ? firstTry : await pageOf(page)).map((r) => r.id);
  return { items: await noticeItems(db, ids, today), total, page, pageSize };
}

/** The listed notices with their progress counts, in the order of `ids`. */
async function noticeItems(db: Db, ids: number[], today: string): Promise<NoticeListItem[]> {
  if (ids.length === 0) return [];
  const [notices, counts] = await Promise.all([
    db.notice.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        kind: true,
        number: true,
        title: true,
        issuer: true,
        issuedOn: true,
        issuedPrecision: true,
        meetingOn: true,
        status: true,
        _count: { select: { directives: true } },
      },
    }),
    // Overdue as the overview counts it (a recurring task by its current period).
    db.$queryRaw<{ noticeId: number; total: bigint; completed: bigint; overdue: bigint }[]>`
      SELECT a."noticeId" AS "noticeId",
             COUNT(*) AS total,
             COUNT(*) FILTER (WHERE a.state = 'completed') AS completed,
             COUNT(*) FILTER (WHERE ${categoryPredicate("overdue", today)}) AS overdue
      FROM "Assignment" a
      WHERE a."noticeId" = ANY(${ids}::int[])
      GROUP BY a."noticeId"`,
  ]);
  const byId = new Map(notices.map((n) => [n.id, n]));
  const byNotice = new Map(counts.map((c) => [c.noticeId, c]));
  return ids.flatMap((id) => {
    const n = byId.get(id);
    if (!n) return [];
    const c = byNotice.get(id);
    return [
      {
        id: n.id,
        kind: n.kind,
        number: n.number,
        title: n.title,
        issuer: n.issuer,
        issuedOn: n.issuedOn ? toIsoDay(n.issuedOn) : null,
        issuedPrecision: n.issuedPrecision,
        meetingOn: n.meetingOn ? toIsoDay(n.meetingOn) : null,
        status: n.status,
        directiveCount: n._count.directives,
        assignmentCount: Number(c?.total ?? 0),
        completedCount: Number(c?.completed ?? 0),
        // A withdrawn notice's open tasks ended: none is overdue.
        overdueCount: n.status === "withdrawn" ? 0 : Number(c?.overdue ?? 0),
      },
    ];
  });
}

/** What the filters offer: the issuing bodies (the most frequent first) and the years of the notices the user may see. */
export async function noticeFilterOptions(
  db: Db,
  user: SessionUser,
): Promise<{ issuers: string[]; years: number[]; drafts: boolean }> {
  const visible = visibleNotices(user);
  if (!visible) return { issuers: [], years: [], drafts: false };
  const [issuers, years] = await Promise.all([
    db.$queryRaw<{ issuer: string }[]>`
      SELECT n."issuer" FROM "Notice" n WHERE ${visible}
      GROUP BY n."issuer" ORDER BY COUNT(*) DESC, n."issuer" LIMIT 100`,
    db.$queryRaw<{ year: number }[]>`
      SELECT DISTINCT EXTRACT(YEAR FROM COALESCE(n."issuedOn", n."meetingOn"))::int AS year
      FROM "Notice" n WHERE ${visible} AND COALESCE(n."issuedOn", n."meetingOn") IS NOT NULL
      ORDER BY year DESC`,
  ]);
  const drafts = user.provinceId !== null && can(user, "notice.readDraft", { provinceId: user.provinceId });
  return { issuers: issuers.map((r) => r.issuer), years: years.map((r) => r.year), drafts };
}

export interface NoticeDetail {
  id: number;
  provinceId: number;
  provinceName: string;
  /** Withdrawn (thu hồi): when (ISO instant), why. */
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  /** The uploaded document it was entered from. */
  sourceFile: { id: number; fileName: string; size: number } | null;
  /** Imported from the province's old register (sổ theo dõi): the file it came in. */
  importedFrom: string | null;
  kind: string;
  number: string | null;
  issuer: string;
  place: string | null;
  issuedOn: string | null;
  issuedPrecision: DatePrecision;
  title: string;
  meetingOn: string | null;
  chair: string | null;
  signer: string | null;
  signingFormula: string | null;
  recipients: string[];
  citations: string[];
  /** The header's urgency mark (every directive is then urgent), null when the notice has none. */
  urgency: "khan" | "thuong_khan" | "hoa_toc" | null;
  /** Whom the notice is addressed to ("Kính gửi", a Công điện's list after "điện:"). */
  audience: string[];
  status: "draft" | "published" | "withdrawn";
  directives: (DirectiveDeadline & {
    id: number;
    ref: string;
    text: string;
    urgent: boolean;
    assignments: {
      id: number;
      agencyId: number;
      agencyName: string;
      agencyShortName: string;
      role: "lead" | "support";
      viaGroup: string | null;
      state: AssignmentState;
      /** Optimistic concurrency: a change names the version it saw. */
      version: number;
      dueOn: string | null;
      completedOn: string | null;
      /** The directive's, so that a recurring directive is judged per period (timeliness.ts). */
      recurrence: Recurrence | null;
      /** Recurring: the current period's report was sent (known when `today` was given). */
      periodReported: boolean;
    }[];
  })[];
}

/** `today` (the app's day): a recurring directive's assignments are judged by their current period. */
export async function getNotice(db: Db, user: SessionUser, id: number, today?: string): Promise<NoticeDetail> {
  const n = await db.notice.findUnique({
    where: { id },
    select: {
      id: true,
      provinceId: true,
      kind: true,
      number: true,
      issuer: true,
      place: true,
      issuedOn: true,
      issuedPrecision: true,
      title: true,
      meetingOn: true,
      chair: true,
      signer: true,
      signingFormula: true,
      recipients: true,
      citations: true,
      urgency: true,
      audience: true,
      status: true,
      withdrawnAt: true,
      withdrawnReason: true,
      sourceFile: { select: { id: true, fileName: true, size: true } },
      registerImport: { select: { fileName: true } },
      province: { select: { name: true } },
      directives: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          ref: true,
          text: true,
          urgent: true,
          deadlineKind: true,
          dueOn: true,
          dueAt: true,
          deadlinePhrase: true,
          startOn: true,
          recurrence: true,
          milestoneTarget: true,
          assignments: {
            orderBy: [{ role: "asc" }, { agency: { name: "asc" } }],
            select: {
              id: true,
              agencyId: true,
              role: true,
              state: true,
              version: true,
              dueOn: true,
              completedOn: true,
              agency: { select: { name: true, shortName: true } },
              viaGroup: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  if (!n || !can(user, "notice.read", { provinceId: n.provinceId })) throw new NotFoundError("Thông báo");
  if (n.status === "draft") authorize(user, "notice.readDraft", { provinceId: n.provinceId });
  const day = (d: Date | null) => (d ? toIsoDay(d) : null);
  const reported = today
    ? await assignmentsReportedThisPeriod(
        db,
        n.directives.flatMap((d) =>
          d.assignments.map((a) => ({
            id: a.id,
            state: a.state,
            dueOn: day(a.dueOn),
            directive: { recurrence: d.recurrence, startOn: day(d.startOn) },
          })),
        ),
        today,
      )
    : new Set<number>();
  return {
    ...n,
    provinceName: n.province.name,
    importedFrom: n.registerImport?.fileName ?? null,
    withdrawnAt: n.withdrawnAt?.toISOString() ?? null,
    issuedOn: day(n.issuedOn),
    meetingOn: day(n.meetingOn),
    directives: n.directives.map((d) => ({
      ...d,
      dueOn: day(d.dueOn),
      startOn: day(d.startOn),
      assignments: d.assignments.map((a) => ({
        id: a.id,
        agencyId: a.agencyId,
        agencyName: a.agency.name,
        agencyShortName: a.agency.shortName,
        role: a.role,
        viaGroup: a.viaGroup?.name ?? null,
        state: a.state,
        version: a.version,
        dueOn: day(a.dueOn),
        completedOn: day(a.completedOn),
        recurrence: d.recurrence,
        periodReported: reported.has(a.id),
      })),
    })),
  };
}
