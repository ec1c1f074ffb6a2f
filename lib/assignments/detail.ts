import "server-only";
import {
  currentPeriod,
  missingPeriodicReport,
  periodLabel,
  type Period,
  type Recurrence,
} from "@/lib/assignments/recurrence";
import { assignmentsMissingOngoingReport, provinceOngoingPeriod } from "@/lib/assignments/ongoing";
import type { AssignmentStatus } from "@/lib/assignments/status";
import { judge, type Timeliness } from "@/lib/assignments/timeliness";
import { canReadReports } from "@/lib/assignments/visibility";
import { canSee, STATUS_SELECT, systemClock, toStatus, type Clock } from "@/lib/assignments/workflow-core";
import { ATTACHMENT_META_SELECT, type AttachmentMeta } from "@/lib/attachments/store";
import { can } from "@/lib/auth/permissions";
import { isExplanationLate } from "@/lib/assignments/explanations";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fromIsoDay, toIsoDay, type DatePrecision } from "@/lib/time/calendar";

// What the assignment page shows: the task, its notice, its reports, extension requests and
// comments, the other agencies on the same directive (with their reports when the user is the
// lead agency's staff), and the directive's history from the audit log. A fixed number of
// queries whatever the number of reports (includes and `in` lists, never one query per row).

export interface ReportView {
  id: number;
  kind: "progress" | "completion" | "periodic";
  text: string;
  evidenceNumber: string | null;
  evidenceDate: string | null;
  periodStart: string | null;
  createdAt: string;
  authorName: string | null;
  attachment: AttachmentMeta | null;
}

export interface ExtensionView {
  id: number;
  status: "pending" | "approved" | "refused";
  /** The date in force when asked, never overwritten. */
  originalDueOn: string | null;
  requestedDueOn: string;
  reason: string;
  requestedByName: string | null;
  createdAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  /** Granted to another date than the one asked. */
  grantedDueOn: string | null;
}

export interface ExplanationView {
  id: number;
  status: "pending" | "answered";
  message: string;
  workingDays: number;
  replyDueOn: string;
  requestedByName: string | null;
  createdAt: string;
  answer: string | null;
  answeredByName: string | null;
  answeredAt: string | null;
  attachment: AttachmentMeta | null;
  /** Unanswered past its reply day. */
  late: boolean;
}

export interface CommentView {
  id: number;
  body: string;
  authorName: string | null;
  createdAt: string;
}

export interface OtherAssignmentView {
  id: number;
  role: "lead" | "support";
  agency: { id: number; name: string; shortName: string };
  state: AssignmentStatus["state"];
  dueOn: string | null;
  completedOn: string | null;
  timeliness: Timeliness;
  /** null: the user may not read this agency's reports (a supporter never sees others'). */
  reports: ReportView[] | null;
}

export interface AssignmentDetail {
  assignment: AssignmentStatus & { role: "lead" | "support"; agency: { id: number; name: string; shortName: string } };
  timeliness: Timeliness;
  directive: {
    id: number;
    ref: string;
    text: string;
    urgent: boolean;
    deadlineKind: string;
    dueOn: string | null;
    dueAt: string | null;
    deadlinePhrase: string | null;
    startOn: string | null;
    recurrence: Recurrence | null;
    milestoneTarget: string | null;
  };
  notice: {
    id: number;
    kind: string;
    number: string | null;
    title: string;
    issuedOn: string | null;
    issuedPrecision: DatePrecision;
    status: "draft" | "published" | "withdrawn";
    /** Withdrawn (thu hồi): when (ISO instant) and why; the task then ended. */
    withdrawnAt: string | null;
    withdrawnReason: string | null;
  };
  /** Newest first. */
  reports: ReportView[];
  /** Newest first. */
  extensions: ExtensionView[];
  pendingExtension: ExtensionView | null;
  /** Newest first. */
  explanations: ExplanationView[];
  /** Oldest first, as a conversation reads. */
  comments: CommentView[];
  otherAssignments: OtherAssignmentView[];
  /**
   * Recurring directives, and ongoing tasks (no due day: the province's period of ongoing tasks,
   * `ongoing`): the current period and whether its report is still missing.
   */
  periodic: { recurrence: Recurrence; period: Period; label: string; missing: boolean; ongoing: boolean } | null;
  /** What the user may do here, for buttons; every action checks again on the server. */
  permissions: {
    work: boolean;
    confirm: boolean;
    decideExtension: boolean;
    comment: boolean;
    requestExplanation: boolean;
  };
}

const day = (d: Date | null) => (d ? toIsoDay(d) : null);

const REPORT_SELECT = {
  id: true,
  assignmentId: true,
  kind: true,
  text: true,
  evidenceNumber: true,
  evidenceDate: true,
  periodStart: true,
  createdAt: true,
  author: { select: { name: true } },
  attachment: { select: ATTACHMENT_META_SELECT },
} as const satisfies Prisma.ProgressReportSelect;

function toReport(r: Prisma.ProgressReportGetPayload<{ select: typeof REPORT_SELECT }>): ReportView {
  return {
    id: r.id,
    kind: r.kind,
    text: r.text,
    evidenceNumber: r.evidenceNumber,
    evidenceDate: day(r.evidenceDate),
    periodStart: day(r.periodStart),
    createdAt: r.createdAt.toISOString(),
    authorName: r.author?.name ?? null,
    attachment: r.attachment,
  };
}

const DETAIL_SELECT = {
  ...STATUS_SELECT,
  role: true,
  provinceId: true,
  agencyId: true,
  agency: { select: { id: true, name: true, shortName: true } },
  directive: {
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
      notice: {
        select: {
          id: true,
          kind: true,
          number: true,
          title: true,
          issuedOn: true,
          issuedPrecision: true,
          status: true,
          withdrawnAt: true,
          withdrawnReason: true,
        },
      },
      assignments: {
        orderBy: [{ role: "asc" }, { id: "asc" }],
        select: {
          id: true,
          role: true,
          provinceId: true,
          agencyId: true,
          state: true,
          dueOn: true,
          completedOn: true,
          agency: { select: { id: true, name: true, shortName: true } },
        },
      },
    },
  },
  reports: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: REPORT_SELECT },
  extensions: {
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      status: true,
      originalDueOn: true,
      requestedDueOn: true,
      reason: true,
      createdAt: true,
      decidedAt: true,
      decisionNote: true,
      grantedDueOn: true,
      requestedBy: { select: { name: true } },
      decidedBy: { select: { name: true } },
    },
  },
  explanations: {
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      status: true,
      message: true,
      workingDays: true,
      replyDueOn: true,
      createdAt: true,
      answer: true,
      answeredAt: true,
      requestedBy: { select: { name: true } },
      answeredBy: { select: { name: true } },
      answerAttachment: { select: ATTACHMENT_META_SELECT },
    },
  },
  comments: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
  },
} as const satisfies Prisma.AssignmentSelect;

export async function getAssignmentDetail(
  db: Db,
  actor: SessionUser,
  id: number,
  clock: Clock = systemClock,
): Promise<AssignmentDetail> {
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError("Nhiệm vụ");
  const row = await db.assignment.findUnique({ where: { id }, select: DETAIL_SELECT });
  if (!row || !canSee(actor, row)) throw new NotFoundError("Nhiệm vụ");
  const todayDay = clock.today();
  const { notice, assignments: siblings, ...directive } = row.directive;

  const others = siblings.filter((a) => a.id !== row.id);
  const readable = others.filter((a) => canReadReports(actor, a, siblings)).map((a) => a.id);
  const otherReports =
    readable.length === 0
      ? []
      : await db.progressReport.findMany({
          where: { assignmentId: { in: readable } },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          select: REPORT_SELECT,
        });

  const status = toStatus(row);
  const extensions: ExtensionView[] = row.extensions.map((e) => ({
    id: e.id,
    status: e.status,
    originalDueOn: day(e.originalDueOn),
    requestedDueOn: toIsoDay(e.requestedDueOn),
    reason: e.reason,
    requestedByName: e.requestedBy?.name ?? null,
    createdAt: e.createdAt.toISOString(),
    decidedByName: e.decidedBy?.name ?? null,
    decidedAt: e.decidedAt?.toISOString() ?? null,
    decisionNote: e.decisionNote,
    grantedDueOn: day(e.grantedDueOn),
  }));
  const recurrence = directive.recurrence;
  const target = { provinceId: row.provinceId, agencyId: row.agencyId };
  // A recurring directive is judged per period (timeliness.ts): which of its assignments sent the
  // current period's report, this one's and the other agencies' alike (one query).
  const periodStart = recurrence ? currentPeriod(recurrence, todayDay).start : null;
  const reportedNow = new Set(
    periodStart
      ? (
          await db.progressReport.findMany({
            where: {
              assignmentId: { in: siblings.map((a) => a.id) },
              kind: "periodic",
              periodStart: fromIsoDay(periodStart),
            },
            select: { assignmentId: true },
          })
        ).map((r) => r.assignmentId)
      : [],
  );
  // An ongoing task (no due day, not recurring): the province's period, judged by the one rule.
  const ongoing =
    !recurrence && status.dueOn === null && status.state !== "completed"
      ? await provinceOngoingPeriod(db, row.provinceId, todayDay)
      : null;
  const ongoingMissing = ongoing
    ? (await assignmentsMissingOngoingReport(db, [row.id], ongoing.period)).has(row.id)
    : false;

  const live = notice.status === "published";
  return {
    assignment: { ...status, role: row.role, agency: row.agency },
    timeliness: judge({ ...status, recurrence, periodReported: reportedNow.has(row.id) }, todayDay),
    directive: {
      ...directive,
      dueOn: day(directive.dueOn),
      dueAt: directive.dueAt?.toISOString() ?? null,
      startOn: day(directive.startOn),
    },
    notice: { ...notice, issuedOn: day(notice.issuedOn), withdrawnAt: notice.withdrawnAt?.toISOString() ?? null },
    reports: row.reports.map(toReport),
    extensions,
    pendingExtension: extensions.find((e) => e.status === "pending") ?? null,
    explanations: row.explanations.map((e) => {
      const replyDueOn = toIsoDay(e.replyDueOn);
      return {
        id: e.id,
        status: e.status,
        message: e.message,
        workingDays: e.workingDays,
        replyDueOn,
        requestedByName: e.requestedBy?.name ?? null,
        createdAt: e.createdAt.toISOString(),
        answer: e.answer,
        answeredByName: e.answeredBy?.name ?? null,
        answeredAt: e.answeredAt?.toISOString() ?? null,
        attachment: e.answerAttachment,
        late: isExplanationLate({ status: e.status, replyDueOn }, todayDay),
      };
    }),
    comments: row.comments.map((c) => ({
      id: c.id,
      body: c.body,
      authorName: c.author?.name ?? null,
      createdAt: c.createdAt.toISOString(),
    })),
    otherAssignments: others.map((a) => {
      const s = { state: a.state, dueOn: day(a.dueOn), completedOn: day(a.completedOn) };
      return {
        id: a.id,
        role: a.role,
        agency: a.agency,
        ...s,
        timeliness: judge({ ...s, recurrence, periodReported: reportedNow.has(a.id) }, todayDay),
        reports: readable.includes(a.id) ? otherReports.filter((r) => r.assignmentId === a.id).map(toReport) : null,
      };
    }),
    periodic: recurrence
      ? (() => {
          const period = currentPeriod(recurrence, todayDay);
          const reportedPeriodStarts = row.reports.flatMap((r) =>
            r.kind === "periodic" && r.periodStart ? [toIsoDay(r.periodStart)] : [],
          );
          const missing = missingPeriodicReport(
            {
              recurrence,
              state: status.state,
              startOn: day(directive.startOn),
              dueOn: status.dueOn,
              reportedPeriodStarts,
            },
            todayDay,
          );
          return { recurrence, period, label: periodLabel(recurrence, period), missing, ongoing: false };
        })()
      : ongoing
        ? { ...ongoing, missing: ongoingMissing, ongoing: true }
        : null,
    // A draft's or a withdrawn notice's task takes no step (the services refuse it too).
    permissions: {
      work: live && can(actor, "assignment.work", target),
      confirm: live && can(actor, "assignment.confirm", target),
      decideExtension: live && can(actor, "extension.decide", target),
      comment: live && can(actor, "assignment.comment", target),
      requestExplanation: live && can(actor, "explanation.request", target),
    },
  };
}

export { assignmentTimeline, type TimelineEvent } from "@/lib/assignments/timeline";
