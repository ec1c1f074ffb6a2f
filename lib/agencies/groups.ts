import "server-only";
import { managedAgencyProvince, sameName } from "@/lib/agencies/admin";
import type { CreateGroupInput, GroupMemberInput, GroupTargetInput, UpdateGroupInput } from "@/lib/agencies/schemas";
import { audit } from "@/lib/audit/log";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db, Tx } from "@/lib/db/client";
import { ConflictError, invalidField, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

// The groups notices address ("UBND các huyện, thành phố", "Các sở, ban, ngành", "Thành viên Ban
// Chỉ đạo tỉnh"): each stands for its members, so a task given to a group shows on each member's
// board. Kept in place on /quan-tri/co-quan/nhom: create, rename (and its other names), add and
// remove members. The extractor reads the registry from the database at every reading
// (lib/agencies/queries.ts), so an edit counts from the next notice on.

export const STALE_GROUP = "Nhóm vừa được người khác sửa. Vui lòng tải lại trang rồi sửa tiếp.";

export interface GroupView {
  id: number;
  name: string;
  aliases: string[];
  version: number;
  members: { id: number; name: string; shortName: string; active: boolean }[];
}

const GROUP_SELECT = {
  id: true,
  provinceId: true,
  name: true,
  aliases: true,
  version: true,
  members: {
    select: { agency: { select: { id: true, name: true, shortName: true, active: true } } },
    orderBy: { agency: { name: "asc" } },
  },
} as const satisfies Prisma.AgencyGroupSelect;

type GroupRow = Prisma.AgencyGroupGetPayload<{ select: typeof GROUP_SELECT }>;

const toView = (g: GroupRow): GroupView => ({
  id: g.id,
  name: g.name,
  aliases: g.aliases,
  version: g.version,
  members: g.members.map((m) => m.agency),
});

export async function listGroups(db: Db, actor: SessionUser): Promise<GroupView[]> {
  const provinceId = managedAgencyProvince(actor);
  const rows = await db.agencyGroup.findMany({ where: { provinceId }, orderBy: { name: "asc" }, select: GROUP_SELECT });
  return rows.map(toView);
}

async function loadGroup(db: Db | Tx, actor: SessionUser, groupId: number): Promise<GroupRow> {
  const row = await db.agencyGroup.findUnique({ where: { id: groupId }, select: GROUP_SELECT });
  if (!row || !can(actor, "agency.manage", { provinceId: row.provinceId })) throw new NotFoundError("Nhóm");
  return row;
}

async function checkNameFree(db: Db | Tx, provinceId: number, name: string, except?: number): Promise<void> {
  const others = await db.agencyGroup.findMany({
    where: { provinceId, ...(except ? { id: { not: except } } : {}) },
    select: { name: true },
  });
  const taken = others.find((o) => sameName(o.name, name));
  if (taken) invalidField("name", `Tỉnh đã có nhóm “${taken.name}”; vui lòng dùng tên khác.`);
}

/** Active agencies of the province, or the field's message. */
async function checkMembers(db: Db | Tx, provinceId: number, ids: number[], field: string): Promise<number[]> {
  const unique = [...new Set(ids)];
  const found = await db.agency.count({ where: { id: { in: unique }, provinceId, active: true, endedAt: null } });
  if (found !== unique.length) invalidField(field, "Có cơ quan không thuộc tỉnh hoặc đã ngừng hoạt động.");
  return unique;
}

function nameTaken(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

const auditView = (g: GroupView) => ({ name: g.name, aliases: g.aliases, members: g.members.map((m) => m.name) });

export async function createGroup(db: Db, actor: SessionUser, input: CreateGroupInput): Promise<GroupView> {
  const provinceId = managedAgencyProvince(actor);
  await checkNameFree(db, provinceId, input.name);
  const memberIds = await checkMembers(db, provinceId, input.memberIds, "memberIds");
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.agencyGroup.create({
        data: {
          provinceId,
          name: input.name,
          aliases: input.aliases,
          members: { create: memberIds.map((agencyId) => ({ agencyId })) },
        },
        select: GROUP_SELECT,
      });
      const view = toView(row);
      await audit(tx, {
        provinceId,
        actorId: actor.id,
        action: "group.create",
        entityType: "AgencyGroup",
        entityId: row.id,
        after: auditView(view),
      });
      return view;
    });
  } catch (error) {
    if (nameTaken(error)) invalidField("name", `Tỉnh đã có nhóm “${input.name}”; vui lòng dùng tên khác.`);
    throw error;
  }
}

/** Bumps the group's version if it is still the one the form saw; else the stale message. */
async function claim(tx: Tx, groupId: number, version: number, data: Prisma.AgencyGroupUpdateManyMutationInput = {}) {
  const { count } = await tx.agencyGroup.updateMany({
    where: { id: groupId, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) throw new ConflictError(STALE_GROUP);
}

export async function updateGroup(db: Db, actor: SessionUser, input: UpdateGroupInput): Promise<GroupView> {
  const before = await loadGroup(db, actor, input.groupId);
  if (before.version !== input.version) throw new ConflictError(STALE_GROUP);
  await checkNameFree(db, before.provinceId, input.name, before.id);
  try {
    return await db.$transaction(async (tx) => {
      await claim(tx, before.id, input.version, { name: input.name, aliases: input.aliases });
      const after = toView(await tx.agencyGroup.findUniqueOrThrow({ where: { id: before.id }, select: GROUP_SELECT }));
      await audit(tx, {
        provinceId: before.provinceId,
        actorId: actor.id,
        action: "group.update",
        entityType: "AgencyGroup",
        entityId: before.id,
        before: { name: before.name, aliases: before.aliases },
        after: { name: after.name, aliases: after.aliases },
      });
      return after;
    });
  } catch (error) {
    if (nameTaken(error)) invalidField("name", `Tỉnh đã có nhóm “${input.name}”; vui lòng dùng tên khác.`);
    throw error;
  }
}

export async function addGroupMember(
  db: Db,
  actor: SessionUser,
  input: GroupMemberInput,
): Promise<{ group: GroupView; agency: string }> {
  const before = await loadGroup(db, actor, input.groupId);
  if (before.version !== input.version) throw new ConflictError(STALE_GROUP);
  await checkMembers(db, before.provinceId, [input.agencyId], "agencyId");
  if (before.members.some((m) => m.agency.id === input.agencyId))
    invalidField("agencyId", "Cơ quan đã là thành viên của nhóm.");
  return db.$transaction(async (tx) => {
    await claim(tx, before.id, input.version);
    await tx.agencyGroupMember.create({ data: { groupId: before.id, agencyId: input.agencyId } });
    const after = toView(await tx.agencyGroup.findUniqueOrThrow({ where: { id: before.id }, select: GROUP_SELECT }));
    const agency = after.members.find((m) => m.id === input.agencyId)!.name;
    await audit(tx, {
      provinceId: before.provinceId,
      actorId: actor.id,
      action: "group.member_add",
      entityType: "AgencyGroup",
      entityId: before.id,
      after: { agencyId: input.agencyId, agency },
    });
    return { group: after, agency };
  });
}

export async function removeGroupMember(
  db: Db,
  actor: SessionUser,
  input: GroupMemberInput,
): Promise<{ group: GroupView; agency: string }> {
  const before = await loadGroup(db, actor, input.groupId);
  if (before.version !== input.version) throw new ConflictError(STALE_GROUP);
  const member = before.members.find((m) => m.agency.id === input.agencyId);
  if (!member) invalidField("agencyId", "Cơ quan không phải thành viên của nhóm.");
  return db.$transaction(async (tx) => {
    await claim(tx, before.id, input.version);
    await tx.agencyGroupMember.delete({
      where: { groupId_agencyId: { groupId: before.id, agencyId: input.agencyId } },
    });
    const after = toView(await tx.agencyGroup.findUniqueOrThrow({ where: { id: before.id }, select: GROUP_SELECT }));
    await audit(tx, {
      provinceId: before.provinceId,
      actorId: actor.id,
      action: "group.member_remove",
      entityType: "AgencyGroup",
      entityId: before.id,
      before: { agencyId: input.agencyId, agency: member.agency.name },
    });
    return { group: after, agency: member.agency.name };
  });
}

/** A group no task was ever given through; otherwise its name stays in those tasks' history. */
export async function deleteGroup(db: Db, actor: SessionUser, input: GroupTargetInput): Promise<{ name: string }> {
  const before = await loadGroup(db, actor, input.groupId);
  if (before.version !== input.version) throw new ConflictError(STALE_GROUP);
  return db.$transaction(async (tx) => {
    const tasks = await tx.assignment.count({ where: { viaGroupId: before.id } });
    if (tasks > 0)
      throw new ConflictError(
        `Không thể xóa: ${tasks} nhiệm vụ đã được giao qua nhóm này. Có thể đổi tên hoặc bớt thành viên.`,
      );
    const { count } = await tx.agencyGroup.deleteMany({ where: { id: before.id, version: input.version } });
    if (count !== 1) throw new ConflictError(STALE_GROUP);
    await audit(tx, {
      provinceId: before.provinceId,
      actorId: actor.id,
      action: "group.delete",
      entityType: "AgencyGroup",
      entityId: before.id,
      before: auditView(toView(before)),
    });
    return { name: before.name };
  });
}
