import "server-only";
import { audit } from "@/lib/audit/log";
import { authorize, canReadNotice } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db, Tx } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { EDIT_TX } from "@/lib/notices/edit-core";
import type { WithdrawNoticeInput } from "@/lib/notices/edit-schemas";
import { StaleNoticeError } from "@/lib/notices/edit-types";
import { notifyWithdrawn } from "@/lib/notifications/workflow-events";
import { now } from "@/lib/time/today";

// Withdrawing (thu hồi) a published notice. Its status becomes "withdrawn": every figure, board,
// queue and reminder counts published notices only, so its open tasks end there without being
// counted as overdue, and its completed ones leave the figures with them. Nothing is deleted: the
// notice, its tasks, reports and files stay readable, and the audit log keeps who did it and why.

export interface WithdrawnNotice {
  noticeId: number;
  agencyIds: number[];
  assignmentIds: number[];
  /** Tasks that were still open (not completed) when the notice was withdrawn. */
  openTasks: number;
}

export async function loadPublishedForChange(db: Db | Tx, actor: SessionUser, noticeId: number) {
  const n = await db.notice.findUnique({
    where: { id: noticeId },
    select: { id: true, provinceId: true, status: true, version: true },
  });
  if (!n || !canReadNotice(actor, n)) throw new NotFoundError("Thông báo");
  authorize(actor, "notice.edit", { provinceId: n.provinceId });
  return n;
}

/** Inside the caller's transaction (a replacing notice closes the one it replaces this way). */
export async function withdrawInTx(
  tx: Tx,
  actor: SessionUser,
  notice: { id: number; provinceId: number },
  version: number | null,
  reason: string,
  replacedBy?: number,
): Promise<WithdrawnNotice> {
  const updated = await tx.notice.updateMany({
    where: { id: notice.id, status: "published", ...(version === null ? {} : { version }) },
    data: {
      status: "withdrawn",
      withdrawnAt: now(),
      withdrawnReason: reason,
      withdrawnById: actor.id,
      version: { increment: 1 },
    },
  });
  if (updated.count !== 1) {
    const current = await tx.notice.findUnique({
      where: { id: notice.id },
      select: { id: true, version: true, status: true, _count: { select: { directives: true } } },
    });
    if (!current) throw new NotFoundError("Thông báo");
    if (current.status === "withdrawn") throw new ConflictError("Thông báo đã được thu hồi trước đó.");
    if (current.status === "draft")
      throw new ConflictError("Bản nháp chưa ban hành thì không thu hồi; có thể xóa bản nháp.");
    throw new StaleNoticeError({
      id: current.id,
      version: current.version,
      status: current.status,
      directiveCount: current._count.directives,
    });
  }
  const tasks = await tx.assignment.findMany({
    where: { noticeId: notice.id },
    select: { id: true, agencyId: true, state: true },
  });
  const open = tasks.filter((t) => t.state !== "completed");
  await audit(tx, {
    provinceId: notice.provinceId,
    actorId: actor.id,
    action: "notice.withdraw",
    entityType: "Notice",
    entityId: notice.id,
    before: { noticeId: notice.id, status: "published" },
    after: { noticeId: notice.id, status: "withdrawn", reason, openTasks: open.length, replacedBy: replacedBy ?? null },
  });
  await notifyWithdrawn(tx, notice.id, open, reason, actor.id);
  return {
    noticeId: notice.id,
    agencyIds: [...new Set(tasks.map((t) => t.agencyId))],
    assignmentIds: tasks.map((t) => t.id),
    openTasks: open.length,
  };
}

/** "Thu hồi": only a published notice, by those who may edit the province's notices. */
export async function withdrawNotice(db: Db, actor: SessionUser, input: WithdrawNoticeInput): Promise<WithdrawnNotice> {
  const notice = await loadPublishedForChange(db, actor, input.noticeId);
  if (notice.status === "draft")
    throw new ConflictError("Bản nháp chưa ban hành thì không thu hồi; có thể xóa bản nháp.");
  if (notice.status === "withdrawn") throw new ConflictError("Thông báo đã được thu hồi trước đó.");
  return db.$transaction((tx) => withdrawInTx(tx, actor, notice, input.version, input.reason), EDIT_TX);
}
