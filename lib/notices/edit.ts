import "server-only";
import { audit, type AuditEntry } from "@/lib/audit/log";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { dueDayOf, deadlineColumns } from "@/lib/notices/create";
import {
  bumpDirective,
  directiveSnapshot,
  EDIT_TX,
  expectDirectiveVersion,
  invalidField,
  loadDirectiveForEdit,
  lockAssignments,
  resolveAgencyNames,
  toSnapshot,
  type LoadedDirective,
} from "@/lib/notices/edit-core";
import {
  type AddDirectiveAgenciesInput,
  type ChangeAssignmentRoleInput,
  type RemoveDirectiveAgencyInput,
  type UpdateDirectiveInput,
} from "@/lib/notices/edit-schemas";
import type { DirectiveSnapshot } from "@/lib/notices/edit-types";
import { webhooksOfNewTasks } from "@/lib/notifications/workflow-events";
import { fromIsoDay, toIsoDay } from "@/lib/time/calendar";

// The secretariat's changes to one directive of a notice, before or after publication: its
// text, reference, urgency and deadline, and the agencies it is assigned to. Each change checks
// the directive's version, writes its audit rows in the same transaction, and returns the
// directive as stored after it. Every audit row carries the notice's id, so that the notice page
// can list its changes (lib/notices/edit-history.ts).

export interface DirectiveEditResult {
  directive: DirectiveSnapshot;
  noticeId: number;
  /** Agencies whose boards show something new. */
  agencyIds: number[];
  /** Assignments changed, created or deleted (their pages need refreshing). */
  assignmentIds: number[];
  changed: boolean;
}

function directiveView(d: Pick<DirectiveSnapshot, "noticeId" | "ref" | "text" | "urgent" | "deadline">) {
  return { noticeId: d.noticeId, ref: d.ref, text: d.text, urgent: d.urgent, deadline: d.deadline };
}

function assignmentView(row: LoadedDirective, a: DirectiveSnapshot["assignments"][number]) {
  return {
    noticeId: row.noticeId,
    directiveId: row.id,
    ref: row.ref,
    agencyId: a.agencyId,
    agencyName: a.agencyName,
    role: a.role,
    viaGroup: a.viaGroup,
    state: a.state,
    dueOn: a.dueOn,
  };
}

function entry(
  row: LoadedDirective,
  actor: SessionUser,
  e: Pick<AuditEntry, "action" | "entityType" | "entityId" | "before" | "after">,
): AuditEntry {
  return { provinceId: row.notice.provinceId, actorId: actor.id, ...e };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Text, reference, urgency and deadline. A new due day moves every assignment of the directive
 * to it except those whose agency has an approved extension (that date governs). The phrase is
 * stored as typed; the audit row keeps the one it replaces.
 */
export async function updateDirective(
  db: Db,
  actor: SessionUser,
  input: UpdateDirectiveInput,
): Promise<DirectiveEditResult> {
  const data = input;
  const row = await loadDirectiveForEdit(db, actor, data.directiveId);
  expectDirectiveVersion(row, data.version);
  const before = toSnapshot(row);
  const fields = { ref: data.ref, text: data.text, urgent: data.urgent, deadline: data.deadline };
  if (sameJson(directiveView({ ...before, ...fields }), directiveView(before))) {
    return { directive: before, noticeId: row.noticeId, agencyIds: [], assignmentIds: [], changed: false };
  }
  const oldDue = row.dueOn ? toIsoDay(row.dueOn) : null;
  const newDue = dueDayOf(data.deadline);

  return db.$transaction(async (tx) => {
    await bumpDirective(tx, row.id, data.version, {
      ref: fields.ref,
      text: fields.text,
      urgent: fields.urgent,
      ...deadlineColumns(fields.deadline),
    });
    let moved: { id: number; agencyId: number; dueOn: Date | null }[] = [];
    let kept = 0;
    if (newDue !== oldDue) {
      // Lock first, then read: an extension approved meanwhile is seen and its date kept.
      await lockAssignments(tx, row.id);
      const assignments = await tx.assignment.findMany({
        where: { directiveId: row.id },
        select: {
          id: true,
          agencyId: true,
          dueOn: true,
          extensions: { where: { status: "approved" }, select: { id: true }, take: 1 },
        },
      });
      const free = assignments.filter((a) => a.extensions.length === 0);
      kept = assignments.length - free.length;
      moved = free.filter((a) => (a.dueOn ? toIsoDay(a.dueOn) : null) !== newDue);
      if (moved.length > 0) {
        await tx.assignment.updateMany({
          where: { id: { in: moved.map((a) => a.id) } },
          data: { dueOn: newDue ? fromIsoDay(newDue) : null, version: { increment: 1 } },
        });
      }
    }
    const after = await directiveSnapshot(tx, row.id);
    await audit(tx, [
      entry(row, actor, {
        action: "directive.update",
        entityType: "Directive",
        entityId: row.id,
        before: directiveView(before),
        after: { ...directiveView(after), rescheduled: moved.length, keptExtensions: kept },
      }),
      ...moved.map((a) =>
        entry(row, actor, {
          action: "assignment.reschedule",
          entityType: "Assignment",
          entityId: a.id,
          before: { dueOn: a.dueOn ? toIsoDay(a.dueOn) : null },
          after: {
            noticeId: row.noticeId,
            directiveId: row.id,
            dueOn: newDue,
            deadlinePhrase: fields.deadline?.phrase.trim() || null,
          },
        }),
      ),
    ]);
    return {
      directive: after,
      noticeId: row.noticeId,
      agencyIds: moved.map((a) => a.agencyId),
      assignmentIds: moved.map((a) => a.id),
      changed: true,
    };
  }, EDIT_TX);
}

/** Assigns more agencies (or every member of a group) with one role; those already assigned are left as they are. */
export async function addDirectiveAgencies(
  db: Db,
  actor: SessionUser,
  input: AddDirectiveAgenciesInput,
): Promise<DirectiveEditResult> {
  const data = input;
  const row = await loadDirectiveForEdit(db, actor, data.directiveId);
  expectDirectiveVersion(row, data.version);
  const resolved = await resolveAgencyNames(db, row.notice.provinceId, data.agencies);
  const assigned = new Set(row.assignments.map((a) => a.agencyId));
  const fresh = resolved.filter((a) => !assigned.has(a.agencyId));
  if (fresh.length === 0) invalidField("agencies", "Các cơ quan đã chọn đều đã được giao nhiệm vụ này.");

  return db.$transaction(async (tx) => {
    await bumpDirective(tx, row.id, data.version);
    const created = await tx.assignment.createManyAndReturn({
      data: fresh.map((a) => ({
        directiveId: row.id,
        noticeId: row.noticeId,
        agencyId: a.agencyId,
        provinceId: row.notice.provinceId,
        role: data.role,
        viaGroupId: a.viaGroupId,
        dueOn: row.dueOn,
      })),
      select: { id: true, agencyId: true },
    });
    if (row.notice.status === "published")
      await webhooksOfNewTasks(
        tx,
        row.notice.provinceId,
        created.map((c) => c.id),
      );
    const after = await directiveSnapshot(tx, row.id);
    const byId = new Map(after.assignments.map((a) => [a.id, a]));
    await audit(
      tx,
      created.map((c) =>
        entry(row, actor, {
          action: "assignment.create",
          entityType: "Assignment",
          entityId: c.id,
          after: assignmentView(row, byId.get(c.id)!),
        }),
      ),
    );
    return {
      directive: after,
      noticeId: row.noticeId,
      agencyIds: created.map((c) => c.agencyId),
      assignmentIds: created.map((c) => c.id),
      changed: true,
    };
  }, EDIT_TX);
}

function assignmentsOf(row: LoadedDirective, ids: number[]): DirectiveSnapshot["assignments"] {
  const snapshot = toSnapshot(row);
  const byId = new Map(snapshot.assignments.map((a) => [a.id, a]));
  return [...new Set(ids)].map((id) => {
    const a = byId.get(id);
    if (!a) throw new NotFoundError("Cơ quan được giao nhiệm vụ này");
    return a;
  });
}

/**
 * Takes agencies off the directive. An agency that has reported on it or completed it stays: its
 * work is on record (the secretariat may change its role instead). The audit row keeps what was deleted.
 */
export async function removeDirectiveAgency(
  db: Db,
  actor: SessionUser,
  input: RemoveDirectiveAgencyInput,
): Promise<DirectiveEditResult> {
  const data = input;
  const row = await loadDirectiveForEdit(db, actor, data.directiveId);
  expectDirectiveVersion(row, data.version);
  const targets = assignmentsOf(row, data.assignmentIds);
  const ids = targets.map((a) => a.id);

  return db.$transaction(async (tx) => {
    await bumpDirective(tx, row.id, data.version);
    // Locked, then read: a report sent meanwhile is seen, and one not yet sent finds the task gone.
    await lockAssignments(tx, row.id, ids);
    const [states, reports] = await Promise.all([
      tx.assignment.findMany({ where: { id: { in: ids } }, select: { id: true, state: true } }),
      tx.progressReport.groupBy({ by: ["assignmentId"], where: { assignmentId: { in: ids } }, _count: true }),
    ]);
    const reported = new Set(reports.map((r) => r.assignmentId));
    const completed = new Set(states.filter((s) => s.state === "completed").map((s) => s.id));
    const blocked = targets.filter((a) => reported.has(a.id) || completed.has(a.id));
    if (blocked.length > 0) {
      const names = blocked.map((a) => a.agencyName).join(", ");
      throw new ConflictError(
        `Không thể bỏ ${names} khỏi nhiệm vụ này vì đơn vị đã báo cáo hoặc đã hoàn thành; kết quả thực hiện cần được giữ lại. Có thể đổi vai trò thay vì bỏ.`,
      );
    }
    await tx.assignment.deleteMany({ where: { id: { in: ids } } });
    await audit(
      tx,
      targets.map((a) =>
        entry(row, actor, {
          action: "assignment.delete",
          entityType: "Assignment",
          entityId: a.id,
          before: assignmentView(row, a),
        }),
      ),
    );
    return {
      directive: await directiveSnapshot(tx, row.id),
      noticeId: row.noticeId,
      agencyIds: targets.map((a) => a.agencyId),
      assignmentIds: ids,
      changed: true,
    };
  }, EDIT_TX);
}

/** Makes the listed agencies lead (chủ trì) or support (phối hợp). */
export async function changeAssignmentRole(
  db: Db,
  actor: SessionUser,
  input: ChangeAssignmentRoleInput,
): Promise<DirectiveEditResult> {
  const data = input;
  const row = await loadDirectiveForEdit(db, actor, data.directiveId);
  expectDirectiveVersion(row, data.version);
  const targets = assignmentsOf(row, data.assignmentIds).filter((a) => a.role !== data.role);
  if (targets.length === 0)
    return { directive: toSnapshot(row), noticeId: row.noticeId, agencyIds: [], assignmentIds: [], changed: false };

  return db.$transaction(async (tx) => {
    await bumpDirective(tx, row.id, data.version);
    const ids = targets.map((a) => a.id);
    await tx.assignment.updateMany({ where: { id: { in: ids } }, data: { role: data.role } });
    await audit(
      tx,
      targets.map((a) =>
        entry(row, actor, {
          action: "assignment.role",
          entityType: "Assignment",
          entityId: a.id,
          before: { role: a.role },
          after: { ...assignmentView(row, a), role: data.role },
        }),
      ),
    );
    return {
      directive: await directiveSnapshot(tx, row.id),
      noticeId: row.noticeId,
      agencyIds: targets.map((a) => a.agencyId),
      assignmentIds: ids,
      changed: true,
    };
  }, EDIT_TX);
}
