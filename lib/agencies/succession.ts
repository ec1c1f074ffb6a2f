import "server-only";
import { loadAgency, STALE_AGENCY } from "@/lib/agencies/admin";
import type { MergeAgencyInput } from "@/lib/agencies/schemas";
import { audit, type AuditEntry } from "@/lib/audit/log";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { ConflictError, invalidField } from "@/lib/errors";

// An agency merged into another, or succeeded by it (Vietnam's 2025 reform merged provinces and
// abolished the district level). Agency A's open tasks move to B, each with an entry in the task's
// own history; what A completed stays A's, so reports of the past are unchanged. A ends (no longer
// active, with its successor and the day it ended), its board says where its work went, and its
// own history stays. B takes A's place in A's groups, so that notices addressing a group reach B.

export interface MergeResult {
  moved: number;
  /** Open tasks of A on a directive B already carries: B answers for it already, A's stays. */
  keptDuplicates: number;
  usersMoved: number;
  from: { id: number; name: string };
  to: { id: number; name: string };
}

export async function mergeAgency(db: Db, actor: SessionUser, input: MergeAgencyInput): Promise<MergeResult> {
  const from = await loadAgency(db, actor, input.agencyId);
  if (from.version !== input.version) throw new ConflictError(STALE_AGENCY);
  if (from.endedAt) throw new ConflictError("Cơ quan này đã sáp nhập hoặc được kế nhiệm trước đó.");
  if (input.successorId === from.id) invalidField("successorId", "Chọn một cơ quan khác với cơ quan đang sáp nhập.");
  const to = await loadAgency(db, actor, input.successorId).catch(() =>
    invalidField("successorId", "Cơ quan tiếp nhận không có trong danh mục của tỉnh."),
  );
  if (to.provinceId !== from.provinceId)
    invalidField("successorId", "Cơ quan tiếp nhận không có trong danh mục của tỉnh.");
  if (!to.active || to.endedAt)
    invalidField("successorId", "Cơ quan tiếp nhận đã ngừng hoạt động; hãy chọn một cơ quan đang hoạt động.");
  const provinceId = from.provinceId;

  return db.$transaction(
    async (tx) => {
      // The successor may have ended meanwhile (merged into A, say): checked again under the lock.
      const successor = await tx.agency.updateMany({
        where: { id: to.id, active: true, endedAt: null },
        data: { version: { increment: 1 } },
      });
      if (successor.count !== 1)
        invalidField("successorId", "Cơ quan tiếp nhận đã ngừng hoạt động; hãy chọn một cơ quan đang hoạt động.");
      const { count } = await tx.agency.updateMany({
        where: { id: from.id, version: input.version, endedAt: null },
        data: { active: false, successorId: to.id, endedAt: new Date(), version: { increment: 1 } },
      });
      if (count !== 1) throw new ConflictError(STALE_AGENCY);

      const open = await tx.assignment.findMany({
        where: { agencyId: from.id, state: { not: "completed" } },
        select: { id: true, directiveId: true, state: true },
        orderBy: { id: "asc" },
      });
      const carried = new Set(
        (
          await tx.assignment.findMany({
            where: { agencyId: to.id, directiveId: { in: open.map((a) => a.directiveId) } },
            select: { directiveId: true },
          })
        ).map((a) => a.directiveId),
      );
      const moving = open.filter((a) => !carried.has(a.directiveId));
      if (moving.length > 0)
        await tx.assignment.updateMany({
          where: { id: { in: moving.map((a) => a.id) }, agencyId: from.id, state: { not: "completed" } },
          // The version changes so that a form A's staff opened before the move is refused.
          data: { agencyId: to.id, version: { increment: 1 } },
        });

      // B joins A's groups; A leaves them (an ended agency is nobody's member any more).
      const groups = await tx.agencyGroupMember.findMany({
        where: { agencyId: from.id },
        select: { groupId: true, group: { select: { name: true } } },
      });
      if (groups.length > 0) {
        await tx.agencyGroupMember.createMany({
          data: groups.map((g) => ({ groupId: g.groupId, agencyId: to.id })),
          skipDuplicates: true,
        });
        await tx.agencyGroupMember.deleteMany({ where: { agencyId: from.id } });
        await tx.agencyGroup.updateMany({
          where: { id: { in: groups.map((g) => g.groupId) } },
          data: { version: { increment: 1 } },
        });
      }

      let usersMoved: number[] = [];
      if (input.moveUsers) {
        usersMoved = (await tx.userAgency.findMany({ where: { agencyId: from.id }, select: { userId: true } })).map(
          (u) => u.userId,
        );
        if (usersMoved.length > 0) {
          await tx.userAgency.createMany({
            data: usersMoved.map((userId) => ({ userId, agencyId: to.id })),
            skipDuplicates: true,
          });
          await tx.userAgency.deleteMany({ where: { agencyId: from.id } });
        }
      }

      const move = { from: { id: from.id, name: from.name }, to: { id: to.id, name: to.name } };
      const entries: AuditEntry[] = [
        {
          provinceId,
          actorId: actor.id,
          action: "agency.merge",
          entityType: "Agency",
          entityId: from.id,
          before: { active: from.active },
          after: {
            successor: move.to,
            tasksMoved: moving.length,
            tasksKept: carried.size,
            groups: groups.map((g) => g.group.name),
            usersMoved: usersMoved.length,
          },
        },
        {
          provinceId,
          actorId: actor.id,
          action: "agency.receive",
          entityType: "Agency",
          entityId: to.id,
          after: { predecessor: move.from, tasksMoved: moving.length, groups: groups.map((g) => g.group.name) },
        },
        ...moving.map((a): AuditEntry => ({
          provinceId,
          actorId: actor.id,
          action: "assignment.succession",
          entityType: "Assignment",
          entityId: a.id,
          before: { agencyId: from.id, agency: from.name },
          after: { agencyId: to.id, agency: to.name, state: a.state },
        })),
        ...usersMoved.map((userId): AuditEntry => ({
          provinceId,
          actorId: actor.id,
          action: "user.agency_succession",
          entityType: "User",
          entityId: userId,
          before: { agencies: [from.name] },
          after: { agencies: [to.name] },
        })),
      ];
      await audit(tx, entries);
      return { moved: moving.length, keptDuplicates: carried.size, usersMoved: usersMoved.length, ...move };
    },
    { timeout: 60_000 },
  );
}

/** Where an ended agency's work went, for its board (the caller has checked the board may be read). */
export async function successionOf(
  db: Db,
  agencyId: number,
): Promise<{ endedAt: Date; successor: { id: number; name: string } | null } | null> {
  const row = await db.agency.findUnique({
    where: { id: agencyId },
    select: { endedAt: true, successor: { select: { id: true, name: true } } },
  });
  if (!row?.endedAt) return null;
  return { endedAt: row.endedAt, successor: row.successor };
}
