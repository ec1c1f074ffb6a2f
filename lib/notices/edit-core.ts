import "server-only";
import { authorize, canReadNotice } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db, Tx } from "@/lib/db/client";
import { ConflictError, invalidField, NotFoundError } from "@/lib/errors";
export { invalidField } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Deadline } from "@/lib/notices/draft";
import { StaleDirectiveError, type DirectiveSnapshot, type NoticeSnapshot } from "@/lib/notices/edit-types";
import { toIsoDay } from "@/lib/time/calendar";

// What every notice edit shares (the gate has parsed the input): load the directive, check
// "notice.edit" on the province OF THE STORED NOTICE, then change the directive only if its
// version is still the one the user saw. The directive's version guards the directive and its
// list of agencies together: the first statement of every edit transaction is that conditional
// update, so two edits of one directive are serialized by its row lock and the second is refused.

/** Transactions that touch every member of a large group need more than Prisma's 5 s default. */
export const EDIT_TX = { timeout: 30_000, maxWait: 15_000 } as const;

export const WITHDRAWN_EDIT = "Thông báo đã bị thu hồi nên không sửa được nữa.";

/** What a stale notice change answers with: the notice as stored now. */
export async function noticeSnapshot(db: Db | Tx, id: number): Promise<NoticeSnapshot> {
  const n = await db.notice.findUnique({
    where: { id },
    select: { id: true, version: true, status: true, _count: { select: { directives: true } } },
  });
  if (!n) throw new NotFoundError("Thông báo");
  return { id: n.id, version: n.version, status: n.status, directiveCount: n._count.directives };
}

/**
 * A notice for a change by someone who may edit the province's notices (any status: the caller
 * refuses what its change cannot apply to). Someone who may not even read it is told it does not exist.
 */
export async function loadNoticeForChange(db: Db | Tx, actor: SessionUser, noticeId: number) {
  const n = await db.notice.findUnique({
    where: { id: noticeId },
    select: { id: true, provinceId: true, status: true, version: true },
  });
  if (!n || !canReadNotice(actor, n)) throw new NotFoundError("Thông báo");
  authorize(actor, "notice.edit", { provinceId: n.provinceId });
  return n;
}

export const DIRECTIVE_SELECT = {
  id: true,
  noticeId: true,
  version: true,
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
  assignments: {
    orderBy: [{ role: "asc" }, { agency: { name: "asc" } }],
    select: {
      id: true,
      agencyId: true,
      role: true,
      state: true,
      dueOn: true,
      agency: { select: { name: true } },
      viaGroup: { select: { name: true } },
    },
  },
} as const satisfies Prisma.DirectiveSelect;

type DirectiveRow = Prisma.DirectiveGetPayload<{ select: typeof DIRECTIVE_SELECT }>;

const day = (d: Date | null) => (d ? toIsoDay(d) : null);

export function deadlineOf(row: Omit<DirectiveRow, "assignments">): Deadline | null {
  if (row.deadlineKind === "none" && !row.deadlinePhrase) return null;
  return {
    kind: row.deadlineKind,
    dueOn: day(row.dueOn),
    dueAt: row.dueAt ? row.dueAt.toISOString() : null,
    phrase: row.deadlinePhrase ?? "",
    startOn: day(row.startOn),
    recurrence: row.recurrence,
    target: row.milestoneTarget,
  };
}

export function toSnapshot(row: DirectiveRow): DirectiveSnapshot {
  return {
    id: row.id,
    noticeId: row.noticeId,
    version: row.version,
    ref: row.ref,
    text: row.text,
    urgent: row.urgent,
    deadline: deadlineOf(row),
    assignments: row.assignments.map((a) => ({
      id: a.id,
      agencyId: a.agencyId,
      agencyName: a.agency.name,
      role: a.role,
      viaGroup: a.viaGroup?.name ?? null,
      state: a.state,
      dueOn: day(a.dueOn),
    })),
  };
}

export async function directiveSnapshot(db: Db | Tx, id: number): Promise<DirectiveSnapshot> {
  const row = await db.directive.findUnique({ where: { id }, select: DIRECTIVE_SELECT });
  if (!row) throw new NotFoundError("Chỉ đạo");
  return toSnapshot(row);
}

/**
 * Loads a directive for an edit. Someone who may not even see the notice is told it does not
 * exist; someone who sees it but may not edit is told so.
 */
export async function loadDirectiveForEdit(db: Db, actor: SessionUser, directiveId: number) {
  const row = await db.directive.findUnique({
    where: { id: directiveId },
    select: { ...DIRECTIVE_SELECT, notice: { select: { id: true, provinceId: true, status: true } } },
  });
  if (!row || !canReadNotice(actor, row.notice)) throw new NotFoundError("Chỉ đạo");
  authorize(actor, "notice.edit", { provinceId: row.notice.provinceId });
  if (row.notice.status === "withdrawn") throw new ConflictError(WITHDRAWN_EDIT);
  return row;
}

export type LoadedDirective = Awaited<ReturnType<typeof loadDirectiveForEdit>>;

/** The user acted on a screen older than the record: refuse before anything else. */
export function expectDirectiveVersion(row: LoadedDirective, version: number): void {
  if (row.version !== version) throw new StaleDirectiveError(toSnapshot(row));
}

/**
 * Changes the directive only if its version is still `expectedVersion`, and bumps the version.
 * Under PostgreSQL's row lock a concurrent second editor re-reads the row after the first
 * commits, matches nothing, and gets the directive the first one left.
 */
export async function bumpDirective(
  tx: Tx,
  id: number,
  expectedVersion: number,
  data: Omit<Prisma.DirectiveUncheckedUpdateManyInput, "version" | "id"> = {},
): Promise<void> {
  const updated = await tx.directive.updateMany({
    where: { id, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  if (updated.count === 1) return;
  throw new StaleDirectiveError(await directiveSnapshot(tx, id));
}

/** Locks the directive's assignments (or the listed ones) against concurrent workflow steps. */
export async function lockAssignments(tx: Tx, directiveId: number, ids?: number[]): Promise<void> {
  if (ids)
    await tx.$queryRaw`SELECT id FROM "Assignment" WHERE "directiveId" = ${directiveId} AND id = ANY(${ids}::int[]) ORDER BY id FOR UPDATE`;
  else await tx.$queryRaw`SELECT id FROM "Assignment" WHERE "directiveId" = ${directiveId} ORDER BY id FOR UPDATE`;
}

export interface ResolvedAgency {
  agencyId: number;
  name: string;
  viaGroupId: number | null;
  viaGroup: string | null;
}

const norm = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("vi");

/**
 * Agency or group names → the province's active agencies; a group stands for each of its members.
 * Names are matched on the registry's name, short name or aliases; an agency named directly wins
 * over the same agency reached through a group.
 */
export async function resolveAgencyNames(
  db: Db | Tx,
  provinceId: number,
  names: string[],
  field = "agencies",
): Promise<ResolvedAgency[]> {
  if (names.length === 0) return [];
  const [agencies, groups] = await Promise.all([
    db.agency.findMany({
      where: { provinceId, active: true },
      select: { id: true, name: true, shortName: true, aliases: true },
    }),
    db.agencyGroup.findMany({
      where: { provinceId },
      select: {
        id: true,
        name: true,
        aliases: true,
        members: { where: { agency: { active: true } }, select: { agency: { select: { id: true, name: true } } } },
      },
    }),
  ]);
  const agencyBy = new Map<string, { id: number; name: string }>();
  for (const a of agencies) for (const n of [a.shortName, ...a.aliases, a.name]) agencyBy.set(norm(n), a);
  const groupBy = new Map<string, (typeof groups)[number]>();
  for (const g of groups) for (const n of [...g.aliases, g.name]) groupBy.set(norm(n), g);

  const out = new Map<number, ResolvedAgency>();
  const unknown: string[] = [];
  for (const name of names) {
    const agency = agencyBy.get(norm(name));
    if (agency) {
      out.set(agency.id, { agencyId: agency.id, name: agency.name, viaGroupId: null, viaGroup: null });
      continue;
    }
    const group = groupBy.get(norm(name));
    if (!group) {
      unknown.push(name.trim());
      continue;
    }
    for (const m of group.members) {
      if (!out.has(m.agency.id))
        out.set(m.agency.id, {
          agencyId: m.agency.id,
          name: m.agency.name,
          viaGroupId: group.id,
          viaGroup: group.name,
        });
    }
  }
  if (unknown.length > 0) {
    invalidField(
      field,
      `Không tìm thấy ${unknown.map((n) => `“${n}”`).join(", ")} trong danh mục cơ quan, nhóm cơ quan của tỉnh.`,
    );
  }
  return [...out.values()];
}
