import "server-only";
import { randomUUID } from "node:crypto";
import type { BulkDecisionInput } from "@/lib/assignments/schemas";
import { confirmCompletion, returnCompletion, type WorkflowResult } from "@/lib/assignments/workflow";
import { roleMay } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { AppError, ForbiddenError, invalidField } from "@/lib/errors";
import { mergeHeldEmails, type MailHold } from "@/lib/notifications/notify";

// Confirming or returning several reported results at once from the queue. Each result is its
// own step through the same service as on the task page (permission on the stored record, the
// version the secretariat saw, its audit row and notifications), so one that changed meanwhile is
// refused and reported while the others go through. Each step writes its own notifications (one
// per task in the app), but the e-mails are held and then joined: one bulk decision is one e-mail
// per person, listing the tasks (lib/notifications/notify.ts, MailHold).

/** How long a step's e-mail waits for the others of the same bulk decision before going alone. */
const HOLD_MS = 10 * 60_000;

export interface BulkOutcome {
  done: WorkflowResult[];
  refused: { assignmentId: number; message: string }[];
}

export async function decideMany(db: Db, actor: SessionUser, input: BulkDecisionInput): Promise<BulkOutcome> {
  if (!roleMay(actor, "assignment.confirm")) throw new ForbiddenError();
  if (input.decision === "return" && !input.reason) invalidField("reason", "Vui lòng nêu lý do trả lại.");
  const outcome: BulkOutcome = { done: [], refused: [] };
  const hold: MailHold = { group: `bulk:${randomUUID()}`, until: new Date(Date.now() + HOLD_MS) };
  for (const item of input.items) {
    try {
      outcome.done.push(
        input.decision === "confirm"
          ? await confirmCompletion(db, actor, item, undefined, hold)
          : await returnCompletion(db, actor, { ...item, reason: input.reason! }, hold),
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcome.refused.push({ assignmentId: item.assignmentId, message: error.message });
    }
  }
  if (outcome.done.length > 0)
    await db.$transaction((tx) =>
      mergeHeldEmails(tx, hold, (n) =>
        input.decision === "confirm"
          ? `Văn phòng đã xác nhận hoàn thành ${n} nhiệm vụ`
          : `${n} kết quả bị trả lại, cần bổ sung`,
      ),
    );
  return outcome;
}
