import "server-only";
import type { DecideExtensionInput, RequestExtensionInput } from "@/lib/assignments/schemas";
import type { AssignmentStatus } from "@/lib/assignments/status";
import {
  auditView,
  canSee,
  expectState,
  expectVersion,
  LOADED_SELECT,
  loadForChange,
  systemClock,
  toStatus,
  TX_OPTIONS,
  updateIfUnchanged,
  type Clock,
} from "@/lib/assignments/workflow-core";
import { audit } from "@/lib/audit/log";
import { authorize } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { ConflictError, invalidField, NotFoundError } from "@/lib/errors";
import { notifyWorkflow } from "@/lib/notifications/workflow-events";
import { formatDay, fromIsoDay, toIsoDay } from "@/lib/time/calendar";

// Xin gia hạn: the agency asks for a later date with a reason; the secretariat or the chairman
// approves (the new date governs the assignment) or refuses. The request keeps the date that was
// in force when asked (originalDueOn) and the directive keeps the notice's own deadline, so
// reports can always show both. Asking and deciding both bump the assignment's version, which
// makes "one pending request at a time" hold under concurrency too.

export interface ExtensionResult {
  assignment: AssignmentStatus;
  extensionId: number;
  status: "pending" | "approved" | "refused";
  agencyId: number;
  directiveId: number;
  noticeId: number;
}

export async function requestExtension(
  db: Db,
  actor: SessionUser,
  input: RequestExtensionInput,
  clock: Clock = systemClock,
): Promise<ExtensionResult> {
  const data = input;
  if (data.requestedDueOn <= clock.today()) invalidField("requestedDueOn", "Thời hạn đề nghị phải sau ngày hôm nay.");
  const row = await loadForChange(db, actor, data.assignmentId, "assignment.work");
  expectVersion(row, data.version);
  expectState(row, ["not_started", "in_progress"], "Chỉ xin gia hạn được nhiệm vụ chưa báo cáo hoàn thành");
  const currentDue = row.dueOn ? toIsoDay(row.dueOn) : null;
  if (!currentDue) throw new ConflictError("Nhiệm vụ không có thời hạn nên không cần xin gia hạn.");
  if (data.requestedDueOn <= currentDue) {
    invalidField("requestedDueOn", `Thời hạn đề nghị phải sau thời hạn hiện tại (${formatDay(currentDue)}).`);
  }
  const pending = await db.extensionRequest.count({ where: { assignmentId: row.id, status: "pending" } });
  if (pending > 0) throw new ConflictError("Nhiệm vụ đã có một đề nghị gia hạn đang chờ quyết định.");

  return db.$transaction(async (tx) => {
    // No field of the assignment changes; the version bump is what serializes two requests.
    const updated = await updateIfUnchanged(tx, row.id, data.version, {});
    const created = await tx.extensionRequest.create({
      data: {
        assignmentId: row.id,
        requestedById: actor.id,
        originalDueOn: row.dueOn,
        requestedDueOn: fromIsoDay(data.requestedDueOn),
        reason: data.reason,
      },
      select: { id: true },
    });
    await audit(tx, {
      provinceId: row.provinceId,
      actorId: actor.id,
      action: "extension.request",
      entityType: "ExtensionRequest",
      entityId: created.id,
      after: {
        assignmentId: row.id,
        originalDueOn: currentDue,
        requestedDueOn: data.requestedDueOn,
        reason: data.reason,
        status: "pending",
      },
    });
    await notifyWorkflow(
      tx,
      {
        kind: "extension_requested",
        assignmentId: row.id,
        extensionId: created.id,
        requestedDueOn: data.requestedDueOn,
      },
      actor.id,
    );
    return {
      assignment: updated,
      extensionId: created.id,
      status: "pending" as const,
      agencyId: row.agencyId,
      directiveId: row.directive.id,
      noticeId: row.directive.notice.id,
    };
  }, TX_OPTIONS);
}

/**
 * The pending request of each of these assignments (at most one each), to decide them from a list
 * the caller already scoped to what the user may see (the queue): one query.
 */
export async function pendingExtensions(
  db: Db,
  assignmentIds: number[],
): Promise<{ id: number; assignmentId: number; requestedDueOn: string }[]> {
  if (assignmentIds.length === 0) return [];
  const rows = await db.extensionRequest.findMany({
    where: { status: "pending", assignmentId: { in: assignmentIds } },
    select: { id: true, assignmentId: true, requestedDueOn: true },
  });
  return rows.map((e) => ({ ...e, requestedDueOn: toIsoDay(e.requestedDueOn) }));
}

/** `version` is the assignment's version as the decider saw it. */
export async function decideExtension(
  db: Db,
  actor: SessionUser,
  input: DecideExtensionInput,
  clock: Clock = systemClock,
): Promise<ExtensionResult> {
  const data = input;
  if (data.decision === "refuse" && !data.note) invalidField("note", "Vui lòng nêu lý do không đồng ý gia hạn.");
  const request = await db.extensionRequest.findUnique({
    where: { id: data.extensionId },
    select: {
      id: true,
      status: true,
      requestedDueOn: true,
      originalDueOn: true,
      assignment: { select: LOADED_SELECT },
    },
  });
  if (!request || !canSee(actor, request.assignment)) throw new NotFoundError("Đề nghị gia hạn");
  const row = request.assignment;
  authorize(actor, "extension.decide", { provinceId: row.provinceId, agencyId: row.agencyId });
  if (request.status !== "pending") throw new ConflictError("Đề nghị gia hạn này đã được quyết định trước đó.");
  expectVersion(row, data.version);
  if (data.decision === "approve")
    expectState(row, ["not_started", "in_progress", "submitted"], "Không thể gia hạn nhiệm vụ đã hoàn thành");

  const approved = data.decision === "approve";
  const status = approved ? "approved" : "refused";
  const requested = toIsoDay(request.requestedDueOn);
  // The decider may grant another date than the one asked, saying why.
  const granted = approved ? (data.grantedDueOn ?? requested) : null;
  if (granted && granted !== requested) {
    if (!data.note) invalidField("note", "Vui lòng nêu lý do khi gia hạn đến ngày khác ngày đề nghị.");
    const current = request.originalDueOn ? toIsoDay(request.originalDueOn) : null;
    if (current && granted <= current)
      invalidField("grantedDueOn", `Thời hạn gia hạn phải sau thời hạn hiện tại (${formatDay(current)}).`);
    if (granted <= clock.today()) invalidField("grantedDueOn", "Thời hạn gia hạn phải sau ngày hôm nay.");
  }
  return db.$transaction(async (tx) => {
    const updated = await updateIfUnchanged(tx, row.id, data.version, granted ? { dueOn: fromIsoDay(granted) } : {});
    // The version check above already pins the request as pending; the condition is a second lock.
    const decided = await tx.extensionRequest.updateMany({
      where: { id: request.id, status: "pending" },
      data: {
        status,
        decidedById: actor.id,
        decidedAt: clock.now(),
        decisionNote: data.note ?? null,
        grantedDueOn: granted && granted !== requested ? fromIsoDay(granted) : null,
      },
    });
    if (decided.count !== 1) throw new ConflictError("Đề nghị gia hạn này đã được quyết định trước đó.");
    await audit(tx, [
      {
        provinceId: row.provinceId,
        actorId: actor.id,
        action: `extension.${data.decision}`,
        entityType: "ExtensionRequest",
        entityId: request.id,
        before: { status: "pending" },
        after: { status, decisionNote: data.note ?? null, requestedDueOn: requested, grantedDueOn: granted },
      },
      ...(approved
        ? [
            {
              provinceId: row.provinceId,
              actorId: actor.id,
              action: "assignment.extend",
              entityType: "Assignment" as const,
              entityId: row.id,
              before: auditView(toStatus(row)),
              after: auditView(updated),
            },
          ]
        : []),
    ]);
    await notifyWorkflow(
      tx,
      {
        kind: "extension_decided",
        assignmentId: row.id,
        extensionId: request.id,
        version: updated.version,
        approved,
        dueOn: granted,
        note: data.note ?? null,
      },
      actor.id,
    );
    return {
      assignment: updated,
      extensionId: request.id,
      status,
      agencyId: row.agencyId,
      directiveId: row.directive.id,
      noticeId: row.directive.notice.id,
    } as const;
  }, TX_OPTIONS);
}
