"use server";

import { revalidatePath } from "next/cache";
import type { AssignmentStatus } from "@/lib/assignments/status";
import {
  ZAddComment,
  ZAnswerExplanation,
  ZRequestExplanation,
  ZConfirmCompletion,
  ZDecideExtension,
  ZReportProgress,
  ZRequestExtension,
  ZReturnCompletion,
  ZStartAssignment,
  ZSubmitCompletion,
  ZUndoDecision,
} from "@/lib/assignments/schemas";
import { undoDecision } from "@/lib/assignments/undo";
import {
  addComment,
  confirmCompletion,
  decideExtension,
  reportProgress,
  requestExtension,
  returnCompletion,
  startAssignment,
  submitCompletion,
} from "@/lib/assignments/workflow";
import { answerExplanation, requestExplanation } from "@/lib/assignments/explanations";
import { formAction } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { formatDay } from "@/lib/time/calendar";

// Server actions of the assignment page, one per workflow step, all of the shape React's
// useActionState calls: (previous state, FormData) → AssignmentActionResult. Each goes through the
// gate (session, the step's zod schema, error mapping); the service checks permission on the
// stored record and only then reads an attached file. Form field names are the schema's keys:
//   startAssignmentAction     assignmentId, version
//   reportProgressAction      assignmentId, version, text, evidenceNumber?, evidenceDate?, attachment? (File)
//   submitCompletionAction    …the same + completedOn
//   confirmCompletionAction   assignmentId, version
//   returnCompletionAction    assignmentId, version, reason
//   requestExtensionAction    assignmentId, version, requestedDueOn, reason
//   decideExtensionAction     extensionId, version (the assignment's), decision ("approve" | "refuse"),
//                             grantedDueOn? (another date than asked; then note is required), note?
//   addCommentAction          assignmentId, body
//   undoDecisionAction        assignmentId, version (taking back one's confirmation, return or
//                             extension decision, whichever was one's last step on the task)
//   requestExplanationAction  assignmentId, version, message, workingDays
//   answerExplanationAction   explanationId, answer, attachment? (File)
// Dates are "YYYY-MM-DD" (what the date fields send).

type Changed = { assignment: AssignmentStatus };
type Stale = { current: AssignmentStatus };

function refresh(r: { agencyId: number; noticeId: number; assignmentId: number }): void {
  revalidatePath(`/co-quan/${r.agencyId}`);
  revalidatePath(`/thong-bao/${r.noticeId}`);
  revalidatePath(`/nhiem-vu/${r.assignmentId}`);
  revalidatePath("/qua-han");
}

export const startAssignmentAction = formAction<typeof ZStartAssignment, Changed, Stale>(
  { name: "assignment.start", input: ZStartAssignment },
  async (input, { user }) => {
    const r = await startAssignment(db(), user, input);
    refresh({ ...r, assignmentId: r.assignment.id });
    return { ok: true, message: "Đã bắt đầu thực hiện nhiệm vụ.", assignment: r.assignment };
  },
);

export const reportProgressAction = formAction<typeof ZReportProgress, Changed & { reportId: number }, Stale>(
  { name: "assignment.report", input: ZReportProgress },
  async (input, { user }) => {
    const r = await reportProgress(db(), user, input);
    refresh({ ...r, assignmentId: r.assignment.id });
    return { ok: true, message: "Đã gửi báo cáo tiến độ.", assignment: r.assignment, reportId: r.reportId };
  },
);

export const submitCompletionAction = formAction<typeof ZSubmitCompletion, Changed & { reportId: number }, Stale>(
  { name: "assignment.submit", input: ZSubmitCompletion },
  async (input, { user }) => {
    const r = await submitCompletion(db(), user, input);
    refresh({ ...r, assignmentId: r.assignment.id });
    return {
      ok: true,
      message: "Đã gửi báo cáo hoàn thành, chờ Văn phòng xác nhận.",
      assignment: r.assignment,
      reportId: r.reportId,
    };
  },
);

export const confirmCompletionAction = formAction<typeof ZConfirmCompletion, Changed, Stale>(
  { name: "assignment.confirm", input: ZConfirmCompletion },
  async (input, { user }) => {
    const r = await confirmCompletion(db(), user, input);
    refresh({ ...r, assignmentId: r.assignment.id });
    return { ok: true, message: "Đã xác nhận hoàn thành nhiệm vụ.", assignment: r.assignment };
  },
);

export const returnCompletionAction = formAction<typeof ZReturnCompletion, Changed, Stale>(
  { name: "assignment.return", input: ZReturnCompletion },
  async (input, { user }) => {
    const r = await returnCompletion(db(), user, input);
    refresh({ ...r, assignmentId: r.assignment.id });
    return { ok: true, message: "Đã trả lại báo cáo hoàn thành kèm lý do.", assignment: r.assignment };
  },
);

export const requestExtensionAction = formAction<typeof ZRequestExtension, Changed & { extensionId: number }, Stale>(
  { name: "extension.request", input: ZRequestExtension },
  async (input, { user }) => {
    const r = await requestExtension(db(), user, input);
    refresh({ ...r, assignmentId: r.assignment.id });
    return { ok: true, message: "Đã gửi đề nghị gia hạn.", assignment: r.assignment, extensionId: r.extensionId };
  },
);

export const decideExtensionAction = formAction<typeof ZDecideExtension, Changed & { extensionId: number }, Stale>(
  { name: "extension.decide", input: ZDecideExtension },
  async (input, { user }) => {
    const r = await decideExtension(db(), user, input);
    refresh({ ...r, assignmentId: r.assignment.id });
    const message =
      r.status === "approved"
        ? `Đã đồng ý gia hạn đến ${formatDay(r.assignment.dueOn)}; thời hạn mới được áp dụng.`
        : "Đã không đồng ý gia hạn.";
    return { ok: true, message, assignment: r.assignment, extensionId: r.extensionId };
  },
);

export const addCommentAction = formAction<typeof ZAddComment, { commentId: number }, Stale>(
  { name: "comment.create", input: ZAddComment },
  async (input, { user }) => {
    const r = await addComment(db(), user, input);
    refresh(r);
    return { ok: true, message: "Đã gửi ý kiến.", commentId: r.commentId };
  },
);

export const requestExplanationAction = formAction<typeof ZRequestExplanation, { explanationId: number }, Stale>(
  { name: "explanation.request", input: ZRequestExplanation },
  async (input, { user }) => {
    const r = await requestExplanation(db(), user, input);
    refresh(r);
    revalidatePath("/cho-xu-ly");
    return { ok: true, message: "Đã gửi yêu cầu giải trình cho cơ quan.", explanationId: r.explanationId };
  },
);

export const answerExplanationAction = formAction<typeof ZAnswerExplanation, { explanationId: number }>(
  { name: "explanation.answer", input: ZAnswerExplanation },
  async (input, { user }) => {
    const r = await answerExplanation(db(), user, input);
    refresh(r);
    revalidatePath("/cho-xu-ly");
    return { ok: true, message: "Đã gửi nội dung giải trình.", explanationId: r.explanationId };
  },
);

export const undoDecisionAction = formAction<typeof ZUndoDecision, Changed, Stale>(
  { name: "assignment.undo", input: ZUndoDecision },
  async (input, { user }) => {
    const r = await undoDecision(db(), user, input);
    refresh({ ...r, assignmentId: r.assignment.id });
    revalidatePath("/cho-xu-ly");
    return { ok: true, message: r.message, assignment: r.assignment };
  },
);
