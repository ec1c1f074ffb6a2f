import "server-only";
import { agencyStatus, type AgencyStatus } from "@/lib/agencies/labels";
import type { AgencyKindName } from "@/lib/agencies/registry";
import type { AgencyTargetInput, CreateAgencyInput, UpdateAgencyInput } from "@/lib/agencies/schemas";
import { audit } from "@/lib/audit/log";
import { authorize, can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import { foldVi } from "@/lib/deadlines/fold";
import type { Db, Tx } from "@/lib/db/client";
import { ConflictError, ForbiddenError, invalidField, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

// The province's registry of agencies as its administrator and secretariat keep it
// (/quan-tri/co-quan): list, create, edit (with the version the form was read at), deactivate,
// delete one that never had a task. The province is the actor's own; a target's province is read
// from the stored agency, never from the request. Every change has its audit row.

export const STALE_AGENCY = "Cơ quan vừa được người khác sửa. Vui lòng tải lại trang rồi sửa tiếp.";

export interface AgencyView {
  id: number;
  name: string;
  shortName: string;
  kind: AgencyKindName;
  aliases: string[];
  email: string | null;
  active: boolean;
  status: AgencyStatus;
  endedAt: Date | null;
  version: number;
  updatedAt: Date;
}

export const AGENCY_SELECT = {
  id: true,
  provinceId: true,
  name: true,
  shortName: true,
  kind: true,
  aliases: true,
  email: true,
  active: true,
  endedAt: true,
  successorId: true,
  version: true,
  updatedAt: true,
} as const satisfies Prisma.AgencySelect;

export type AgencyRow = Prisma.AgencyGetPayload<{ select: typeof AGENCY_SELECT }>;

export function toAgencyView(row: AgencyRow): AgencyView {
  const { provinceId: _p, successorId: _s, ...rest } = row;
  return { ...rest, status: agencyStatus(row) };
}

/** The province whose registry the actor keeps: their own (the system administrator keeps none here). */
export function managedAgencyProvince(actor: SessionUser): number {
  const provinceId = actor.provinceId;
  if (provinceId === null) throw new ForbiddenError();
  authorize(actor, "agency.manage", { provinceId });
  return provinceId;
}

/** The stored agency, if the actor keeps its province's registry; anything else is "not found". */
export async function loadAgency(db: Db | Tx, actor: SessionUser, agencyId: number): Promise<AgencyRow> {
  const row = await db.agency.findUnique({ where: { id: agencyId }, select: AGENCY_SELECT });
  if (!row || !can(actor, "agency.manage", { provinceId: row.provinceId })) throw new NotFoundError("Cơ quan");
  return row;
}

export interface AgencyFilters {
  q?: string;
  kind?: AgencyKindName;
  status?: AgencyStatus;
  page?: number;
  pageSize?: number;
}

export interface AgencyListRow extends AgencyView {
  assigned: number;
  open: number;
}

const STATUS_WHERE: Record<AgencyStatus, Prisma.AgencyWhereInput> = {
  active: { active: true, endedAt: null },
  inactive: { active: false, endedAt: null },
  ended: { endedAt: { not: null } },
};

/** The province's agencies, searched without diacritics on the names, aliases and e-mail. */
export async function listAgencies(
  db: Db,
  actor: SessionUser,
  filters: AgencyFilters = {},
): Promise<{ rows: AgencyListRow[]; total: number; page: number; pageSize: number }> {
  const provinceId = managedAgencyProvince(actor);
  const rows = await db.agency.findMany({
    where: {
      provinceId,
      ...(filters.kind ? { kind: filters.kind } : {}),
      ...(filters.status ? STATUS_WHERE[filters.status] : {}),
    },
    orderBy: [{ active: "desc" }, { kind: "asc" }, { name: "asc" }],
    select: AGENCY_SELECT,
  });
  const q = foldVi(filters.q ?? "")
    .trim()
    .replace(/\s+/g, " ");
  const matched = q
    ? rows.filter((r) => foldVi([r.name, r.shortName, ...r.aliases, r.email ?? ""].join(" | ")).includes(q))
    : rows;
  const pageSize = filters.pageSize ?? 50;
  const page = Math.max(1, Math.min(filters.page ?? 1, Math.ceil(matched.length / pageSize) || 1));
  const shown = matched.slice((page - 1) * pageSize, page * pageSize);
  const tallies = await taskCounts(
    db,
    provinceId,
    shown.map((r) => r.id),
  );
  return {
    rows: shown.map((r) => ({ ...toAgencyView(r), ...(tallies.get(r.id) ?? { assigned: 0, open: 0 }) })),
    total: matched.length,
    page,
    pageSize,
  };
}

/** Tasks assigned to each agency and those still open, from the running totals (AssignmentTally). */
export async function taskCounts(
  db: Db | Tx,
  provinceId: number,
  agencyIds: number[],
): Promise<Map<number, { assigned: number; open: number }>> {
  if (agencyIds.length === 0) return new Map();
  const sums = await db.assignmentTally.groupBy({
    by: ["agencyId"],
    where: { provinceId, agencyId: { in: agencyIds } },
    _sum: { assigned: true, completed: true },
  });
  return new Map(
    sums.map((s) => [
      s.agencyId,
      { assigned: s._sum.assigned ?? 0, open: (s._sum.assigned ?? 0) - (s._sum.completed ?? 0) },
    ]),
  );
}

export interface AgencyDetail extends AgencyView {
  provinceId: number;
  successor: { id: number; name: string } | null;
  predecessors: { id: number; name: string; endedAt: Date | null }[];
  groups: { id: number; name: string }[];
  assigned: number;
  open: number;
  users: number;
}

export async function getAgency(db: Db, actor: SessionUser, agencyId: number): Promise<AgencyDetail> {
  const row = await loadAgency(db, actor, agencyId);
  const [successor, predecessors, groups, counts, users] = await Promise.all([
    row.successorId ? db.agency.findUnique({ where: { id: row.successorId }, select: { id: true, name: true } }) : null,
    db.agency.findMany({
      where: { successorId: row.id },
      orderBy: { name: "asc" },
      select: { id: true, name: true, endedAt: true },
    }),
    db.agencyGroup.findMany({
      where: { provinceId: row.provinceId, members: { some: { agencyId: row.id } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    taskCounts(db, row.provinceId, [row.id]),
    db.userAgency.count({ where: { agencyId: row.id } }),
  ]);
  return {
    ...toAgencyView(row),
    provinceId: row.provinceId,
    successor,
    predecessors,
    groups,
    ...(counts.get(row.id) ?? { assigned: 0, open: 0 }),
    users,
  };
}

/** A name as two people would say it is the same one: case and spacing aside. */
export function sameName(a: string, b: string): boolean {
  const key = (s: string) => s.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
  return key(a) === key(b);
}

/** Refuses a name or short name another agency of the province already has (beside its field). */
async function checkNamesFree(
  db: Db | Tx,
  provinceId: number,
  input: { name: string; shortName: string },
  except?: number,
): Promise<void> {
  const others = await db.agency.findMany({
    where: { provinceId, ...(except ? { id: { not: except } } : {}) },
    select: { name: true, shortName: true },
  });
  const byName = others.find((o) => sameName(o.name, input.name));
  if (byName) invalidField("name", `Tỉnh đã có cơ quan “${byName.name}”; vui lòng dùng tên khác.`);
  const byShort = others.find((o) => sameName(o.shortName, input.shortName));
  if (byShort) invalidField("shortName", `Tên viết tắt “${byShort.shortName}” đã dùng cho cơ quan khác của tỉnh.`);
}

function nameTaken(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

const auditView = (v: AgencyRow | AgencyView) => ({
  name: v.name,
  shortName: v.shortName,
  kind: v.kind,
  aliases: v.aliases,
  email: v.email,
  active: v.active,
});

export async function createAgency(db: Db, actor: SessionUser, input: CreateAgencyInput): Promise<AgencyView> {
  const provinceId = managedAgencyProvince(actor);
  await checkNamesFree(db, provinceId, input);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.agency.create({
        data: {
          provinceId,
          name: input.name,
          shortName: input.shortName,
          kind: input.kind,
          aliases: input.aliases,
          email: input.email ?? null,
        },
        select: AGENCY_SELECT,
      });
      await audit(tx, {
        provinceId,
        actorId: actor.id,
        action: "agency.create",
        entityType: "Agency",
        entityId: row.id,
        after: auditView(row),
      });
      return toAgencyView(row);
    });
  } catch (error) {
    if (nameTaken(error)) invalidField("name", `Tỉnh đã có cơ quan “${input.name}”; vui lòng dùng tên khác.`);
    throw error;
  }
}

export async function updateAgency(db: Db, actor: SessionUser, input: UpdateAgencyInput): Promise<AgencyView> {
  const before = await loadAgency(db, actor, input.agencyId);
  if (before.version !== input.version) throw new ConflictError(STALE_AGENCY);
  if (before.endedAt && input.active)
    invalidField("active", "Cơ quan đã sáp nhập hoặc được kế nhiệm nên không thể hoạt động lại.");
  await checkNamesFree(db, before.provinceId, input, before.id);
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.agency.updateMany({
        where: { id: before.id, version: input.version },
        data: {
          name: input.name,
          shortName: input.shortName,
          kind: input.kind,
          aliases: input.aliases,
          email: input.email ?? null,
          active: input.active,
          version: { increment: 1 },
        },
      });
      if (count !== 1) throw new ConflictError(STALE_AGENCY);
      const after = await tx.agency.findUniqueOrThrow({ where: { id: before.id }, select: AGENCY_SELECT });
      const action =
        before.active && !input.active
          ? "agency.deactivate"
          : !before.active && input.active
            ? "agency.reactivate"
            : "agency.update";
      await audit(tx, {
        provinceId: before.provinceId,
        actorId: actor.id,
        action,
        entityType: "Agency",
        entityId: before.id,
        before: auditView(before),
        after: auditView(after),
      });
      return toAgencyView(after);
    });
  } catch (error) {
    if (nameTaken(error)) invalidField("name", `Tỉnh đã có cơ quan “${input.name}”; vui lòng dùng tên khác.`);
    throw error;
  }
}

/**
 * Removes an agency entered by mistake: only one that was never given a task (its history would
 * go with it; deactivate or merge it instead) and that no account works for.
 */
export async function deleteAgency(db: Db, actor: SessionUser, input: AgencyTargetInput): Promise<{ name: string }> {
  const before = await loadAgency(db, actor, input.agencyId);
  if (before.version !== input.version) throw new ConflictError(STALE_AGENCY);
  return db.$transaction(async (tx) => {
    const [tasks, users, predecessors] = await Promise.all([
      tx.assignment.count({ where: { agencyId: before.id } }),
      tx.userAgency.count({ where: { agencyId: before.id } }),
      tx.agency.count({ where: { successorId: before.id } }),
    ]);
    if (tasks > 0)
      throw new ConflictError(
        `Không thể xóa: cơ quan đã được giao ${tasks} nhiệm vụ. Hãy cho ngừng hoạt động hoặc sáp nhập vào cơ quan khác để giữ lịch sử.`,
      );
    if (users > 0)
      throw new ConflictError(
        `Không thể xóa: còn ${users} tài khoản gắn với cơ quan; hãy gắn các tài khoản sang cơ quan khác trước.`,
      );
    if (predecessors > 0)
      throw new ConflictError("Không thể xóa: cơ quan đang tiếp nhận công việc của cơ quan đã sáp nhập vào nó.");
    const { count } = await tx.agency.deleteMany({ where: { id: before.id, version: input.version } });
    if (count !== 1) throw new ConflictError(STALE_AGENCY);
    await audit(tx, {
      provinceId: before.provinceId,
      actorId: actor.id,
      action: "agency.delete",
      entityType: "Agency",
      entityId: before.id,
      before: auditView(before),
    });
    return { name: before.name };
  });
}
