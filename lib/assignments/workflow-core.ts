import "server-only";
import { STATE_LABELS, type AssignmentState } from "@/lib/assignments/state";
import { StaleAssignmentError, type AssignmentStatus } from "@/lib/assignments/status";
import { authorize, can, canReadNotice, type Action } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db, Tx } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toIsoDay } from "@/lib/time/calendar";
import { now, today } from "@/lib/time/today";

// The steps every workflow change shares (the gate has parsed the input): load the record, check permission on the
// province and agency OF THE RECORD, check the version the user saw, then change the row only if
// its version is still that one (optimistic concurrency) inside the caller's transaction.

/** Where "today" and "now" come from; tests pass a fixed one. */
export interface Clock {
  today(): string;
  now(): Date;
}
export const systemClock: Clock = { today, now };

/** Interactive transactions with a 10 MB attachment need more than Prisma's 5 s default. */
export const TX_OPTIONS = { timeout: 30_000, maxWait: 15_000 } as const;

export const STATUS_SELECT = {
  id: true,
  state: true,
  version: true,
  dueOn: true,
  startedAt: true,
  submittedAt: true,
  completedOn: true,
  confirmedAt: true,
  returnReason: true,
} as const satisfies Prisma.AssignmentSelect;

type StatusRow = Prisma.AssignmentGetPayload<{ select: typeof STATUS_SELECT }>;

export function toStatus(row: StatusRow): AssignmentStatus {
  const day = (d: Date | null) => (d ? toIsoDay(d) : null);
  const instant = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: row.id,
    state: row.state,
    version: row.version,
    dueOn: day(row.dueOn),
    startedAt: instant(row.startedAt),
    submittedAt: instant(row.submittedAt),
    completedOn: day(row.completedOn),
    confirmedAt: instant(row.confirmedAt),
    returnReason: row.returnReason,
  };
}

export const LOADED_SELECT = {
  ...STATUS_SELECT,
  agencyId: true,
  provinceId: true,
  role: true,
  directive: { select: { id: true, recurrence: true, startOn: true, notice: { select: { id: true, status: true } } } },
} as const satisfies Prisma.AssignmentSelect;

export type LoadedAssignment = Prisma.AssignmentGetPayload<{ select: typeof LOADED_SELECT }>;

/** Whether the user may see the assignment at all (drafts only for those who may read drafts). */
export function canSee(
  actor: SessionUser,
  a: { provinceId: number; agencyId: number; directive: { notice: { status: string } } },
): boolean {
  if (!can(actor, "assignment.read", { provinceId: a.provinceId, agencyId: a.agencyId })) return false;
  return canReadNotice(actor, { provinceId: a.provinceId, status: a.directive.notice.status });
}

/**
 * Loads an assignment for a change. Someone who may not even see it is told it does not exist
 * (no hint that another agency's or province's task is there); someone who sees it but may not
 * do this is told so.
 */
export async function loadForChange(
  db: Db,
  actor: SessionUser,
  assignmentId: number,
  action: Action,
): Promise<LoadedAssignment> {
  const row = await db.assignment.findUnique({ where: { id: assignmentId }, select: LOADED_SELECT });
  if (!row || !canSee(actor, row)) throw new NotFoundError("Nhiệm vụ");
  authorize(actor, action, { provinceId: row.provinceId, agencyId: row.agencyId });
  if (row.directive.notice.status === "withdrawn")
    throw new ConflictError("Thông báo đã bị thu hồi nên nhiệm vụ đã kết thúc, không thể cập nhật.");
  if (row.directive.notice.status !== "published")
    throw new ConflictError("Thông báo chưa được ban hành nên chưa thể cập nhật nhiệm vụ.");
  return row;
}

/** The user acted on a screen older than the record: refuse before checking anything else. */
export function expectVersion(row: LoadedAssignment, version: number): void {
  if (row.version !== version) throw new StaleAssignmentError(toStatus(row));
}

export function expectState(
  row: { state: AssignmentState },
  allowed: readonly AssignmentState[],
  message: string,
): void {
  if (!allowed.includes(row.state))
    throw new ConflictError(`${message} (trạng thái hiện tại: ${STATE_LABELS[row.state]}).`);
}

/**
 * Changes the assignment only if its version is still `expectedVersion`, and bumps the version.
 * Under PostgreSQL's row lock a concurrent second writer re-reads the row after the first
 * commits, matches nothing, and gets the state the first one left.
 */
export async function updateIfUnchanged(
  tx: Tx,
  id: number,
  expectedVersion: number,
  data: Omit<Prisma.AssignmentUncheckedUpdateManyInput, "version" | "id">,
): Promise<AssignmentStatus> {
  const rows = await tx.assignment.updateManyAndReturn({
    where: { id, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
    select: STATUS_SELECT,
  });
  const updated = rows[0];
  if (updated) return toStatus(updated);
  const current = await tx.assignment.findUnique({ where: { id }, select: STATUS_SELECT });
  if (!current) throw new NotFoundError("Nhiệm vụ");
  throw new StaleAssignmentError(toStatus(current));
}

/** The fields of a status worth keeping in the audit log (the version is bookkeeping). */
export function auditView(s: AssignmentStatus): Omit<AssignmentStatus, "version" | "id"> {
  const { version: _version, id: _id, ...rest } = s;
  void _version;
  void _id;
  return rest;
}
