import "server-only";
import type { UndoDecisionInput } from "@/lib/assignments/schemas";
import {
  auditView,
  expectVersion,
  loadForChange,
  systemClock,
  toStatus,
  TX_OPTIONS,
  updateIfUnchanged,
  type Clock,
} from "@/lib/assignments/workflow-core";
import type { WorkflowResult } from "@/lib/assignments/workflow";
import { audit } from "@/lib/audit/log";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import { fromIsoDay } from "@/lib/time/calendar";

// Hoàn tác: for a few minutes the person who confirmed or returned a reported result may take it
// back, as long as nobody touched the task since; the task is "Chờ xác nhận" again as it was. The
// notifications of that step that nobody has read yet, and its e-mails not yet sent, are withdrawn.
// The audit keeps both the step and its undoing.

export const UNDO_MINUTES = 5;

interface StatusView {
  completedOn?: string | null;
  submittedAt?: string | null;
}

export async function undoDecision(
  db: Db,
  actor: SessionUser,
  input: UndoDecisionInput,
  clock: Clock = systemClock,
): Promise<WorkflowResult> {
  const row = await loadForChange(db, actor, input.assignmentId, "assignment.confirm");
  expectVersion(row, input.version);
  const last = await db.auditLog.findFirst({
    where: { entityType: "Assignment", entityId: row.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { action: true, actorId: true, createdAt: true, before: true },
  });
  const undoable = last && (last.action === "assignment.confirm" || last.action === "assignment.return");
  if (!undoable || last.actorId !== actor.id)
    throw new ConflictError("Không có thao tác xác nhận hoặc trả lại nào của bạn để hoàn tác trên nhiệm vụ này.");
  // Audit rows are stamped by the database's real clock (not a demo's fixed day): so is this check.
  if (Date.now() - last.createdAt.getTime() > UNDO_MINUTES * 60_000)
    throw new ConflictError(`Đã quá ${UNDO_MINUTES} phút nên không thể hoàn tác.`);
  const expected = last.action === "assignment.confirm" ? "completed" : "in_progress";
  if (row.state !== expected) throw new ConflictError("Nhiệm vụ đã thay đổi sau thao tác này nên không thể hoàn tác.");
  const before = (last.before ?? {}) as StatusView;
  const kind = last.action === "assignment.confirm" ? "confirmed" : "returned";

  return db.$transaction(async (tx) => {
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
    await audit(tx, {
      provinceId: row.provinceId,
      actorId: actor.id,
      action: "assignment.undo",
      entityType: "Assignment",
      entityId: row.id,
      before: auditView(toStatus(row)),
      after: { ...auditView(updated), undid: last.action },
    });
    // The step's event key is `${kind}:${assignment}:${version after the step}`.
    const batch = `${kind}:${row.id}:${row.version}:`;
    await tx.notification.deleteMany({ where: { batch: { startsWith: batch }, readAt: null } });
    await tx.outboxMessage.updateMany({
      where: { dedupeKey: { startsWith: `email:${batch}` }, sentAt: null, failedAt: null },
      data: { failedAt: clock.now(), lastError: "Đã hoàn tác trước khi gửi." },
    });
    return {
      assignment: updated,
      agencyId: row.agencyId,
      directiveId: row.directive.id,
      noticeId: row.directive.notice.id,
    };
  }, TX_OPTIONS);
}
