import "server-only";
import type { UndoDecisionInput } from "@/lib/assignments/schemas";
import type { AssignmentStatus } from "@/lib/assignments/status";
import {
  auditView,
  expectVersion,
  loadForChange,
  systemClock,
  toStatus,
  TX_OPTIONS,
  updateIfUnchanged,
  type Clock,
  type LoadedAssignment,
} from "@/lib/assignments/workflow-core";
import type { WorkflowResult } from "@/lib/assignments/workflow";
import { audit, type AuditEntry } from "@/lib/audit/log";
import { authorize, type Action } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db, Tx } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import { notifyWorkflow } from "@/lib/notifications/workflow-events";
import { formatDay, fromIsoDay, toIsoDay } from "@/lib/time/calendar";
import { stampNow } from "@/lib/time/today";

// Hoàn tác: for a few minutes the person who decided a step may take it back, as long as nobody
// touched the task since (its version, and no later audit row about it or its reports, extension
// or explanation requests). The steps that can be undone:
//   - confirming or returning a reported result: the task is "Chờ xác nhận" again as it was;
//   - deciding an extension request (approved, possibly to another date, or refused): the request
//     is pending again and the task's due day what it was before the decision.
// The notifications of the step that nobody has read yet are deleted and its e-mails not yet sent
// withdrawn; whoever already read it (or was e-mailed) gets a note that it was undone, since the
// step's message is no longer true. The audit keeps both the step and its undoing.

export const UNDO_MINUTES = 5;

/** The time the undo window is measured in. Tests pass another. */
export type WallClock = () => Date;

/**
 * The clock the audit rows are stamped on (lib/db/stamps.ts): the demo's clock while the app
 * serves the demo (DEMO_TODAY, today at the current time of day), else the real time, which the
 * database's own default stamps. Measuring on the real clock in the demo would put every step
 * days in the past and refuse every undo.
 */
export const stampClock: WallClock = () => stampNow() ?? new Date();

export interface UndoResult extends WorkflowResult {
  /** What was undone, as the audit names it: "assignment.confirm", "extension.approve"… */
  undid: string;
  /** What the person who undid it is told. */
  message: string;
}

interface Step {
  id: bigint;
  action: string;
  actorId: number | null;
  createdAt: Date;
  entityType: string;
  entityId: number;
  before: unknown;
}

/** How one kind of step is taken back, in the transaction of the undoing. */
interface Undoer {
  permission: Action;
  /** The notifications' kind of step ("confirmed", "returned", "extension"). */
  kind: "confirmed" | "returned" | "extension";
  undo(
    tx: Tx,
    row: LoadedAssignment,
    step: Step,
    input: UndoDecisionInput,
  ): Promise<{
    assignment: AssignmentStatus;
    /** The notifications' batch prefix of the step (`${eventKey}:`). */
    batch: string;
    audits: AuditEntry[];
    undid: string;
    message: string;
    note: string;
  }>;
}

interface StatusView {
  completedOn?: string | null;
  submittedAt?: string | null;
  dueOn?: string | null;
}

const undoResult =
  (kind: "confirmed" | "returned"): Undoer["undo"] =>
  async (tx, row, step, input) => {
    const expected = kind === "confirmed" ? "completed" : "in_progress";
    if (row.state !== expected) throw new ConflictError(CHANGED);
    const before = (step.before ?? {}) as StatusView;
    const updated = await updateIfUnchanged(
      tx,
      row.id,
      input.version,
      kind === "confirmed"
        ? { state: "submitted", confirmedAt: null, confirmedById: null }
        : {
            state: "submitted",
            returnReason: null,
            completedOn: before.completedOn ? fromIsoDay(before.completedOn) : null,
            submittedAt: before.submittedAt ? new Date(before.submittedAt) : null,
          },
    );
    return {
      assignment: updated,
      // The step's event key is `${kind}:${assignment}:${version after the step}`.
      batch: `${kind}:${row.id}:${row.version}:`,
      audits: [
        {
          provinceId: row.provinceId,
          actorId: step.actorId,
          action: "assignment.undo",
          entityType: "Assignment",
          entityId: row.id,
          before: auditView(toStatus(row)),
          after: { ...auditView(updated), undid: step.action },
        },
      ],
      undid: step.action,
      message: "Đã hoàn tác: nhiệm vụ trở lại chờ xác nhận.",
      note: "Kết quả trở lại chờ Văn phòng xác nhận.",
    };
  };

const undoExtension: Undoer["undo"] = async (tx, row, step, input) => {
  // An approval writes its request's row, then the assignment's ("assignment.extend", which holds
  // the due day before it); a refusal only the request's.
  const request = await tx.extensionRequest.findFirst({
    where:
      step.entityType === "ExtensionRequest"
        ? { id: step.entityId, assignmentId: row.id }
        : { assignmentId: row.id, status: "approved" },
    orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      status: true,
      requestedDueOn: true,
      originalDueOn: true,
      grantedDueOn: true,
      decisionNote: true,
      decidedById: true,
    },
  });
  if (!request || request.status === "pending" || request.decidedById !== step.actorId)
    throw new ConflictError(CHANGED);
  const approved = request.status === "approved";
  const dueBefore =
    step.action === "assignment.extend"
      ? ((step.before ?? {}) as StatusView).dueOn
      : request.originalDueOn
        ? toIsoDay(request.originalDueOn)
        : null;
  const updated = await updateIfUnchanged(
    tx,
    row.id,
    input.version,
    approved ? { dueOn: dueBefore ? fromIsoDay(dueBefore) : null } : {},
  );
  const reverted = await tx.extensionRequest.updateMany({
    where: { id: request.id, status: request.status },
    data: { status: "pending", decidedById: null, decidedAt: null, decisionNote: null, grantedDueOn: null },
  });
  if (reverted.count !== 1) throw new ConflictError(CHANGED);
  const undid = approved ? "extension.approve" : "extension.refuse";
  const asked = toIsoDay(request.requestedDueOn);
  return {
    assignment: updated,
    batch: `extension:${request.id}:decided:${row.version}:`,
    audits: [
      {
        provinceId: row.provinceId,
        actorId: step.actorId,
        action: "extension.undo",
        entityType: "ExtensionRequest",
        entityId: request.id,
        before: {
          status: request.status,
          decisionNote: request.decisionNote,
          grantedDueOn: request.grantedDueOn ? toIsoDay(request.grantedDueOn) : null,
        },
        after: { status: "pending", undid },
      },
      ...(approved
        ? [
            {
              provinceId: row.provinceId,
              actorId: step.actorId,
              action: "assignment.undo",
              entityType: "Assignment" as const,
              entityId: row.id,
              before: auditView(toStatus(row)),
              after: { ...auditView(updated), undid },
            },
          ]
        : []),
    ],
    undid,
    message: `Đã hoàn tác: đề nghị gia hạn trở lại chờ quyết định${
      updated.dueOn ? `, thời hạn là ${formatDay(updated.dueOn)}` : ""
    }.`,
    note: `Đề nghị gia hạn đến ${formatDay(asked)} trở lại chờ quyết định${
      updated.dueOn ? `; thời hạn vẫn là ${formatDay(updated.dueOn)}` : ""
    }.`,
  };
};

const UNDOERS: Record<string, Undoer> = {
  "assignment.confirm": { permission: "assignment.confirm", kind: "confirmed", undo: undoResult("confirmed") },
  "assignment.return": { permission: "assignment.confirm", kind: "returned", undo: undoResult("returned") },
  "assignment.extend": { permission: "extension.decide", kind: "extension", undo: undoExtension },
  "extension.approve": { permission: "extension.decide", kind: "extension", undo: undoExtension },
  "extension.refuse": { permission: "extension.decide", kind: "extension", undo: undoExtension },
};

const CHANGED = "Nhiệm vụ đã thay đổi sau thao tác này nên không thể hoàn tác.";

/** The latest audit row about the assignment, its reports, its extension and explanation requests. */
async function lastStep(db: Db, assignmentId: number): Promise<Step | null> {
  const [reports, extensions, explanations] = await Promise.all([
    db.progressReport.findMany({ where: { assignmentId }, select: { id: true } }),
    db.extensionRequest.findMany({ where: { assignmentId }, select: { id: true } }),
    db.explanationRequest.findMany({ where: { assignmentId }, select: { id: true } }),
  ]);
  const of = (entityType: string, rows: { id: number }[]) =>
    rows.length ? [{ entityType, entityId: { in: rows.map((r) => r.id) } }] : [];
  return db.auditLog.findFirst({
    where: {
      OR: [
        { entityType: "Assignment", entityId: assignmentId },
        ...of("ProgressReport", reports),
        ...of("ExtensionRequest", extensions),
        ...of("ExplanationRequest", explanations),
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, action: true, actorId: true, createdAt: true, entityType: true, entityId: true, before: true },
  });
}

/** Takes back the signed-in user's own last decision on the assignment, within UNDO_MINUTES. */
export async function undoDecision(
  db: Db,
  actor: SessionUser,
  input: UndoDecisionInput,
  clock: Clock = systemClock,
  wallClock: WallClock = stampClock,
): Promise<UndoResult> {
  const row = await loadForChange(db, actor, input.assignmentId, "assignment.read");
  expectVersion(row, input.version);
  const step = await lastStep(db, row.id);
  const undoer = step ? UNDOERS[step.action] : undefined;
  if (!step || !undoer || step.actorId !== actor.id)
    throw new ConflictError(
      "Không có thao tác xác nhận, trả lại hoặc quyết định gia hạn nào của bạn để hoàn tác trên nhiệm vụ này.",
    );
  authorize(actor, undoer.permission, { provinceId: row.provinceId, agencyId: row.agencyId });
  if (wallClock().getTime() - step.createdAt.getTime() > UNDO_MINUTES * 60_000)
    throw new ConflictError(`Đã quá ${UNDO_MINUTES} phút kể từ thao tác này nên không thể hoàn tác.`);

  return db.$transaction(async (tx) => {
    const done = await undoer.undo(tx, row, step, input);
    await audit(tx, done.audits);
    const told = await withdraw(tx, done.batch, clock);
    if (told.length > 0)
      await notifyWorkflow(
        tx,
        {
          kind: "undone",
          assignmentId: row.id,
          step: undoer.kind,
          version: done.assignment.version,
          recipientIds: told,
          body: done.note,
        },
        actor.id,
      );
    return {
      assignment: done.assignment,
      agencyId: row.agencyId,
      directiveId: row.directive.id,
      noticeId: row.directive.notice.id,
      undid: done.undid,
      message: done.message,
    };
  }, TX_OPTIONS);
}

/**
 * Withdraws a step's notifications (batch `${eventKey}:${userId}`): deletes the unread ones and
 * cancels the e-mails not yet sent. Returns who had already read it or been e-mailed it.
 */
async function withdraw(tx: Tx, batch: string, clock: Clock): Promise<number[]> {
  const [read, sent] = await Promise.all([
    tx.notification.findMany({
      where: { batch: { startsWith: batch }, readAt: { not: null } },
      select: { userId: true },
    }),
    tx.outboxMessage.findMany({
      where: { dedupeKey: { startsWith: `email:${batch}` }, sentAt: { not: null } },
      select: { dedupeKey: true },
    }),
  ]);
  await tx.notification.deleteMany({ where: { batch: { startsWith: batch }, readAt: null } });
  await tx.outboxMessage.updateMany({
    where: { dedupeKey: { startsWith: `email:${batch}` }, sentAt: null, failedAt: null },
    data: { failedAt: clock.now(), lastError: "Đã hoàn tác trước khi gửi." },
  });
  const ids = new Set(read.map((r) => r.userId));
  for (const m of sent) {
    const id = Number(m.dedupeKey.slice(`email:${batch}`.length));
    if (Number.isInteger(id) && id > 0) ids.add(id);
  }
  return [...ids];
}
