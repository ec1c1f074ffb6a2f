import "server-only";
import { audit } from "@/lib/audit/log";
import type { SessionUser } from "@/lib/auth/user";
import type { Db, Tx } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import { EDIT_TX, loadNoticeForChange, noticeSnapshot } from "@/lib/notices/edit-core";
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
    const current = await noticeSnapshot(tx, notice.id);
    if (current.status === "withdrawn") throw new ConflictError("Thông báo đã được thu hồi trước đó.");
    if (current.status === "draft")
      throw new ConflictError("Bản nháp chưa ban hành thì không thu hồi; có thể xóa bản nháp.");
    throw new StaleNoticeError(current);
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
  const notice = await loadNoticeForChange(db, actor, input.noticeId);
  if (notice.status === "draft")
    throw new ConflictError("Bản nháp chưa ban hành thì không thu hồi; có thể xóa bản nháp.");
  if (notice.status === "withdrawn") throw new ConflictError("Thông báo đã được thu hồi trước đó.");
  return db.$transaction((tx) => withdrawInTx(tx, actor, notice, input.version, input.reason), EDIT_TX);
}
