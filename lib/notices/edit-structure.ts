import { now } from "@/lib/time/today";
import "server-only";
import { notifyPublished, webhooksOfNewTasks } from "@/lib/notifications/workflow-events";
import { audit } from "@/lib/audit/log";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { deadlineColumns } from "@/lib/notices/create";
import {
  bumpDirective,
  directiveSnapshot,
  EDIT_TX,
  loadNoticeForChange,
  noticeSnapshot,
  WITHDRAWN_EDIT,
  expectDirectiveVersion,
  loadDirectiveForEdit,
  lockAssignments,
  resolveAgencyNames,
} from "@/lib/notices/edit-core";
import type { DirectiveEditResult } from "@/lib/notices/edit";
import {
  type AddDirectiveInput,
  type DeleteNoticeInput,
  type PublishNoticeInput,
  type RemoveDirectiveInput,
} from "@/lib/notices/edit-schemas";
import { StaleNoticeError, type NoticeSnapshot } from "@/lib/notices/edit-types";

// Changes to a notice's list of directives, and its publication. The notice's version guards
// them: adding or removing a directive bumps it, so a "Ban hành" pressed on a page that did not
// show the latest list of directives is refused.

export interface NoticeChangeResult extends Omit<DirectiveEditResult, "directive"> {
  notice: NoticeSnapshot;
  directive: DirectiveEditResult["directive"] | null;
}

/** The notice's directives change: not once it is withdrawn. */
async function loadNoticeForEdit(db: Db, actor: SessionUser, noticeId: number) {
  const n = await loadNoticeForChange(db, actor, noticeId);
  if (n.status === "withdrawn") throw new ConflictError(WITHDRAWN_EDIT);
  return n;
}

/** A directive the notice's entry missed, appended at the end, with the agencies named (if any). */
export async function addDirective(db: Db, actor: SessionUser, input: AddDirectiveInput): Promise<NoticeChangeResult> {
  const data = input;
  const notice = await loadNoticeForEdit(db, actor, data.noticeId);
  const resolved = await resolveAgencyNames(db, notice.provinceId, data.agencies);
  const columns = deadlineColumns(data.deadline);

  return db.$transaction(async (tx) => {
    // The notice row's lock serializes two additions (and their positions).
    await tx.notice.update({ where: { id: notice.id }, data: { version: { increment: 1 } }, select: { id: true } });
    const last = await tx.directive.aggregate({ where: { noticeId: notice.id }, _max: { position: true } });
    const directive = await tx.directive.create({
      data: {
        noticeId: notice.id,
        ref: data.ref,
        text: data.text,
        urgent: data.urgent,
        position: (last._max.position ?? -1) + 1,
        ...columns,
      },
      select: { id: true },
    });
    const created = await tx.assignment.createManyAndReturn({
      data: resolved.map((a) => ({
        directiveId: directive.id,
        noticeId: notice.id,
        agencyId: a.agencyId,
        provinceId: notice.provinceId,
        role: data.role,
        viaGroupId: a.viaGroupId,
        dueOn: columns.dueOn,
      })),
      select: { id: true, agencyId: true },
    });
    if (notice.status === "published")
      await webhooksOfNewTasks(
        tx,
        notice.provinceId,
        created.map((c) => c.id),
      );
    const after = await directiveSnapshot(tx, directive.id);
    const base = { provinceId: notice.provinceId, actorId: actor.id };
    await audit(tx, [
      {
        ...base,
        action: "directive.create",
        entityType: "Directive",
        entityId: directive.id,
        after: {
          noticeId: notice.id,
          ref: after.ref,
          text: after.text,
          urgent: after.urgent,
          deadline: after.deadline,
          added: true,
        },
      },
      ...after.assignments.map((a) => ({
        ...base,
        action: "assignment.create",
        entityType: "Assignment" as const,
        entityId: a.id,
        after: {
          noticeId: notice.id,
          directiveId: directive.id,
          ref: after.ref,
          agencyId: a.agencyId,
          agencyName: a.agencyName,
          role: a.role,
          viaGroup: a.viaGroup,
          dueOn: a.dueOn,
        },
      })),
    ]);
    return {
      directive: after,
      notice: await noticeSnapshot(tx, notice.id),
      noticeId: notice.id,
      agencyIds: created.map((c) => c.agencyId),
      assignmentIds: created.map((c) => c.id),
      changed: true,
    };
  }, EDIT_TX);
}

/** Removes a directive entered by mistake; refused once any agency has reported on it or completed it. */
export async function removeDirective(
  db: Db,
  actor: SessionUser,
  input: RemoveDirectiveInput,
): Promise<NoticeChangeResult> {
  const data = input;
  const row = await loadDirectiveForEdit(db, actor, data.directiveId);
  expectDirectiveVersion(row, data.version);

  return db.$transaction(async (tx) => {
    await bumpDirective(tx, row.id, data.version);
    await lockAssignments(tx, row.id);
    const before = await directiveSnapshot(tx, row.id);
    const ids = before.assignments.map((a) => a.id);
    const reported = await tx.progressReport.groupBy({
      by: ["assignmentId"],
      where: { assignmentId: { in: ids } },
      _count: true,
    });
    const reportedIds = new Set(reported.map((r) => r.assignmentId));
    const blocked = before.assignments.filter((a) => reportedIds.has(a.id) || a.state === "completed");
    if (blocked.length > 0) {
      throw new ConflictError(
        `Không thể xóa nhiệm vụ này vì ${blocked.map((a) => a.agencyName).join(", ")} đã báo cáo hoặc đã hoàn thành; kết quả thực hiện cần được giữ lại.`,
      );
    }
    await tx.directive.delete({ where: { id: row.id }, select: { id: true } });
    await tx.notice.update({ where: { id: row.noticeId }, data: { version: { increment: 1 } }, select: { id: true } });
    const base = { provinceId: row.notice.provinceId, actorId: actor.id };
    await audit(tx, [
      {
        ...base,
        action: "directive.delete",
        entityType: "Directive",
        entityId: row.id,
        before: {
          noticeId: row.noticeId,
          ref: before.ref,
          text: before.text,
          urgent: before.urgent,
          deadline: before.deadline,
          agencies: before.assignments.map((a) => ({ agencyName: a.agencyName, role: a.role })),
        },
      },
      ...before.assignments.map((a) => ({
        ...base,
        action: "assignment.delete",
        entityType: "Assignment" as const,
        entityId: a.id,
        before: {
          noticeId: row.noticeId,
          directiveId: row.id,
          ref: before.ref,
          agencyId: a.agencyId,
          agencyName: a.agencyName,
          role: a.role,
          viaGroup: a.viaGroup,
          state: a.state,
          dueOn: a.dueOn,
          withDirective: true,
        },
      })),
    ]);
    return {
      directive: null,
      notice: await noticeSnapshot(tx, row.noticeId),
      noticeId: row.noticeId,
      agencyIds: before.assignments.map((a) => a.agencyId),
      assignmentIds: ids,
      changed: true,
    };
  }, EDIT_TX);
}

/** Draft → published: the agencies' boards show its assignments from now on. */
export async function publishNotice(
  db: Db,
  actor: SessionUser,
  input: PublishNoticeInput,
): Promise<NoticeChangeResult> {
  const data = input;
  const notice = await loadNoticeForEdit(db, actor, data.noticeId);
  if (notice.version !== data.version) throw new StaleNoticeError(await noticeSnapshot(db, notice.id));
  if (notice.status === "published") throw new ConflictError("Thông báo đã được ban hành trước đó.");

  return db.$transaction(async (tx) => {
    const updated = await tx.notice.updateMany({
      where: { id: notice.id, version: data.version, status: "draft" },
      data: { status: "published", publishedAt: now(), version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new StaleNoticeError(await noticeSnapshot(tx, notice.id));
    const agencies = await tx.assignment.findMany({
      where: { directive: { noticeId: notice.id } },
      select: { id: true, agencyId: true },
    });
    await audit(tx, {
      provinceId: notice.provinceId,
      actorId: actor.id,
      action: "notice.publish",
      entityType: "Notice",
      entityId: notice.id,
      before: { noticeId: notice.id, status: "draft" },
      after: { noticeId: notice.id, status: "published", assignments: agencies.length },
    });
    await notifyPublished(tx, notice.id, actor.id);
    return {
      directive: null,
      notice: await noticeSnapshot(tx, notice.id),
      noticeId: notice.id,
      agencyIds: [...new Set(agencies.map((a) => a.agencyId))],
      assignmentIds: agencies.map((a) => a.id),
      changed: true,
    };
  }, EDIT_TX);
}

export interface DeletedNotice {
  noticeId: number;
  agencyIds: number[];
  assignmentIds: number[];
}

/**
 * Deletes a draft entered by mistake, with its directives and assignments (cascade). Only a draft:
 * a published notice is part of the record. The audit row keeps what was deleted.
 */
export async function deleteDraftNotice(db: Db, actor: SessionUser, input: DeleteNoticeInput): Promise<DeletedNotice> {
  const data = input;
  const notice = await loadNoticeForEdit(db, actor, data.noticeId);
  if (notice.status !== "draft") {
    throw new ConflictError("Chỉ xóa được thông báo còn là bản nháp; thông báo đã ban hành không thể xóa.");
  }
  if (notice.version !== data.version) throw new StaleNoticeError(await noticeSnapshot(db, notice.id));

  return db.$transaction(async (tx) => {
    const stored = await tx.notice.findUnique({
      where: { id: notice.id },
      select: {
        kind: true,
        number: true,
        title: true,
        issuedOn: true,
        _count: { select: { directives: true } },
      },
    });
    if (!stored) throw new NotFoundError("Thông báo");
    const assignments = await tx.assignment.findMany({
      where: { noticeId: notice.id },
      select: { id: true, agencyId: true },
    });
    const deleted = await tx.notice.deleteMany({
      where: { id: notice.id, version: data.version, status: "draft" },
    });
    if (deleted.count !== 1) {
      const now = await tx.notice.findUnique({ where: { id: notice.id }, select: { status: true } });
      if (now && now.status !== "draft") {
        throw new ConflictError("Chỉ xóa được thông báo còn là bản nháp; thông báo đã ban hành không thể xóa.");
      }
      throw new StaleNoticeError(await noticeSnapshot(tx, notice.id));
    }
    await audit(tx, {
      provinceId: notice.provinceId,
      actorId: actor.id,
      action: "notice.delete",
      entityType: "Notice",
      entityId: notice.id,
      before: {
        noticeId: notice.id,
        status: "draft",
        kind: stored.kind,
        number: stored.number,
        title: stored.title,
        issuedOn: stored.issuedOn ? stored.issuedOn.toISOString().slice(0, 10) : null,
        directives: stored._count.directives,
        assignments: assignments.length,
      },
    });
    return {
      noticeId: notice.id,
      agencyIds: [...new Set(assignments.map((a) => a.agencyId))],
      assignmentIds: assignments.map((a) => a.id),
    };
  }, EDIT_TX);
}
