import "server-only";
import type { AnswerExplanationInput, RequestExplanationInput } from "@/lib/assignments/schemas";
import {
  canSee,
  expectVersion,
  LOADED_SELECT,
  loadForChange,
  systemClock,
  TX_OPTIONS,
  updateIfUnchanged,
  type Clock,
} from "@/lib/assignments/workflow-core";
import { storeAttachment } from "@/lib/attachments/store";
import { readUpload } from "@/lib/attachments/validate";
import { audit } from "@/lib/audit/log";
import { authorize } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { notifyWorkflow } from "@/lib/notifications/workflow-events";
import { formatDay, fromIsoDay, toIsoDay } from "@/lib/time/calendar";
import { addWorkingDays } from "@/lib/time/working-days";

// Yêu cầu giải trình: on an overdue task the chairman or the secretariat asks the agency why, with
// a reply period in working days; the agency answers with text and, if it has one, a document.
// One open request per task at a time. A request past its reply day unanswered is itself flagged
// (isExplanationLate) on the task, in the queues and in the overview's overdue table.

export interface ExplanationResult {
  explanationId: number;
  assignmentId: number;
  agencyId: number;
  directiveId: number;
  noticeId: number;
}

export function isExplanationLate(e: { status: string; replyDueOn: string }, today: string): boolean {
  return e.status === "pending" && e.replyDueOn < today;
}

export async function requestExplanation(
  db: Db,
  actor: SessionUser,
  input: RequestExplanationInput,
  clock: Clock = systemClock,
): Promise<ExplanationResult> {
  const row = await loadForChange(db, actor, input.assignmentId, "explanation.request");
  expectVersion(row, input.version);
  const todayDay = clock.today();
  const due = row.dueOn ? toIsoDay(row.dueOn) : null;
  const overdue = row.state !== "completed" && due !== null && due < todayDay;
  if (!overdue) throw new ConflictError("Chỉ yêu cầu giải trình được nhiệm vụ đã quá hạn mà chưa hoàn thành.");
  const open = await db.explanationRequest.count({ where: { assignmentId: row.id, status: "pending" } });
  if (open > 0) throw new ConflictError("Nhiệm vụ đã có một yêu cầu giải trình đang chờ trả lời.");
  const replyDueOn = addWorkingDays(todayDay, input.workingDays);

  return db.$transaction(async (tx) => {
    // The version bump serializes two people asking at once.
    await updateIfUnchanged(tx, row.id, input.version, {});
    const created = await tx.explanationRequest.create({
      data: {
        assignmentId: row.id,
        requestedById: actor.id,
        message: input.message,
        workingDays: input.workingDays,
        replyDueOn: fromIsoDay(replyDueOn),
        // Stamped by the workflow's clock, as the answer is: the day shown as "Đã yêu cầu … dd/MM/yyyy".
        createdAt: clock.now(),
      },
      select: { id: true },
    });
    await audit(tx, {
      provinceId: row.provinceId,
      actorId: actor.id,
      action: "explanation.request",
      entityType: "ExplanationRequest",
      entityId: created.id,
      after: { assignmentId: row.id, message: input.message, workingDays: input.workingDays, replyDueOn },
    });
    await notifyWorkflow(
      tx,
      { kind: "explanation_requested", assignmentId: row.id, explanationId: created.id, replyDueOn },
      actor.id,
    );
    return {
      explanationId: created.id,
      assignmentId: row.id,
      agencyId: row.agencyId,
      directiveId: row.directive.id,
      noticeId: row.directive.notice.id,
    };
  }, TX_OPTIONS);
}

export async function answerExplanation(
  db: Db,
  actor: SessionUser,
  input: AnswerExplanationInput,
  clock: Clock = systemClock,
): Promise<ExplanationResult> {
  const request = await db.explanationRequest.findUnique({
    where: { id: input.explanationId },
    select: { id: true, status: true, replyDueOn: true, assignment: { select: LOADED_SELECT } },
  });
  if (!request || !canSee(actor, request.assignment)) throw new NotFoundError("Yêu cầu giải trình");
  const row = request.assignment;
  authorize(actor, "assignment.work", { provinceId: row.provinceId, agencyId: row.agencyId });
  if (request.status !== "pending") throw new ConflictError("Yêu cầu giải trình này đã được trả lời.");
  // The file is read only after the permission check.
  const upload = input.attachment ? await readUpload(input.attachment) : null;

  return db.$transaction(async (tx) => {
    const attachment = upload ? await storeAttachment(tx, upload, row.provinceId, actor.id) : null;
    const answered = await tx.explanationRequest.updateMany({
      where: { id: request.id, status: "pending" },
      data: {
        status: "answered",
        answer: input.answer,
        answeredById: actor.id,
        answeredAt: clock.now(),
        answerAttachmentId: attachment?.id ?? null,
      },
    });
    if (answered.count !== 1) throw new ConflictError("Yêu cầu giải trình này đã được trả lời.");
    const replyDueOn = toIsoDay(request.replyDueOn);
    await audit(tx, {
      provinceId: row.provinceId,
      actorId: actor.id,
      action: "explanation.answer",
      entityType: "ExplanationRequest",
      entityId: request.id,
      before: { status: "pending" },
      after: {
        status: "answered",
        answer: input.answer,
        attachment,
        late: replyDueOn < clock.today() ? `sau hạn trả lời ${formatDay(replyDueOn)}` : null,
      },
    });
    await notifyWorkflow(
      tx,
      { kind: "explanation_answered", assignmentId: row.id, explanationId: request.id },
      actor.id,
    );
    return {
      explanationId: request.id,
      assignmentId: row.id,
      agencyId: row.agencyId,
      directiveId: row.directive.id,
      noticeId: row.directive.notice.id,
    };
  }, TX_OPTIONS);
}
