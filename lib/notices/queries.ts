import "server-only";
import { authorize, can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { DirectiveDeadline } from "@/lib/notices/deadline-fields";
import { toIsoDay, type DatePrecision } from "@/lib/time/calendar";
import type { AssignmentState } from "@/lib/assignments/state";
import { assignmentsReportedThisPeriod } from "@/lib/assignments/periodic";
import type { Recurrence } from "@/lib/assignments/recurrence";
import { categoryPredicate } from "@/lib/reports/scope";

export interface NoticeListItem {
  id: number;
  kind: string;
  number: string | null;
  title: string;
  issuer: string;
  issuedOn: string | null;
  issuedPrecision: DatePrecision;
  meetingOn: string | null;
  status: "draft" | "published";
  directiveCount: number;
  assignmentCount: number;
  completedCount: number;
  overdueCount: number;
}

/** The notices of the user's province, newest first, with their progress counts (two queries). */
export async function listNotices(db: Db, user: SessionUser, today: string): Promise<NoticeListItem[]> {
  if (user.provinceId === null && user.role !== "admin") return [];
  const provinceFilter = user.provinceId === null ? {} : { provinceId: user.provinceId };
  const seeDrafts = user.provinceId !== null && can(user, "notice.readDraft", { provinceId: user.provinceId });
  const notices = await db.notice.findMany({
    where: { ...provinceFilter, ...(seeDrafts ? {} : { status: "published" as const }) },
    orderBy: [
      { issuedOn: { sort: "desc", nulls: "last" } },
      { meetingOn: { sort: "desc", nulls: "last" } },
      { id: "desc" },
    ],
    select: {
      id: true,
      provinceId: true,
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
  });
  const visible = notices.filter((n) => can(user, "notice.read", { provinceId: n.provinceId }));
  if (visible.length === 0) return [];
  const counts = await db.$queryRaw<{ noticeId: number; total: bigint; completed: bigint; overdue: bigint }[]>`
    SELECT d."noticeId" AS "noticeId",
           COUNT(*) AS total,
           COUNT(*) FILTER (WHERE a.state = 'completed') AS completed,
           COUNT(*) FILTER (WHERE ${categoryPredicate("overdue", today)}) AS overdue
    FROM "Assignment" a JOIN "Directive" d ON d.id = a."directiveId"
    WHERE d."noticeId" = ANY(${visible.map((n) => n.id)}::int[])
    GROUP BY d."noticeId"`;
  const byNotice = new Map(counts.map((c) => [c.noticeId, c]));
  return visible.map((n) => {
    const c = byNotice.get(n.id);
    return {
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
      overdueCount: Number(c?.overdue ?? 0),
    };
  });
}

export interface NoticeDetail {
  id: number;
  provinceName: string;
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
  status: "draft" | "published";
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
        dueOn: day(a.dueOn),
        completedOn: day(a.completedOn),
        recurrence: d.recurrence,
        periodReported: reported.has(a.id),
      })),
    })),
  };
}
