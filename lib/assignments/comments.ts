import "server-only";
import type { AddCommentInput } from "@/lib/assignments/schemas";
import { loadForChange } from "@/lib/assignments/workflow-core";
import { audit } from "@/lib/audit/log";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";

// Comments only add to the conversation and change nothing else, so they need no version:
// two people writing at once both get their comment kept.

export interface CommentResult {
  commentId: number;
  assignmentId: number;
  agencyId: number;
  directiveId: number;
  noticeId: number;
}

export async function addComment(db: Db, actor: SessionUser, input: AddCommentInput): Promise<CommentResult> {
  const { assignmentId, body } = input;
  const row = await loadForChange(db, actor, assignmentId, "assignment.comment");
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: { assignmentId: row.id, authorId: actor.id, body },
      select: { id: true },
    });
    await audit(tx, {
      provinceId: row.provinceId,
      actorId: actor.id,
      action: "comment.create",
      entityType: "Comment",
      entityId: comment.id,
      after: { assignmentId: row.id, body },
    });
    return {
      commentId: comment.id,
      assignmentId: row.id,
      agencyId: row.agencyId,
      directiveId: row.directive.id,
      noticeId: row.directive.notice.id,
    };
  });
}
