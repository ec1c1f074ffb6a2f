import "server-only";
import type { BulkDecisionInput } from "@/lib/assignments/schemas";
import { confirmCompletion, returnCompletion, type WorkflowResult } from "@/lib/assignments/workflow";
import { roleMay } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { AppError, ForbiddenError, invalidField } from "@/lib/errors";

// Confirming or returning several reported results at once from the queue. Each result is its
// own step through the same service as on the task page (permission on the stored record, the
// version the secretariat saw, its audit row and notifications), so one that changed meanwhile is
// refused and reported while the others go through.

export interface BulkOutcome {
  done: WorkflowResult[];
  refused: { assignmentId: number; message: string }[];
}

export async function decideMany(db: Db, actor: SessionUser, input: BulkDecisionInput): Promise<BulkOutcome> {
  if (!roleMay(actor, "assignment.confirm")) throw new ForbiddenError();
  if (input.decision === "return" && !input.reason) invalidField("reason", "Vui lòng nêu lý do trả lại.");
  const outcome: BulkOutcome = { done: [], refused: [] };
  for (const item of input.items) {
    try {
      outcome.done.push(
        input.decision === "confirm"
          ? await confirmCompletion(db, actor, item)
          : await returnCompletion(db, actor, { ...item, reason: input.reason! }),
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcome.refused.push({ assignmentId: item.assignmentId, message: error.message });
    }
  }
  return outcome;
}
