"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/assignments/action-result";
import type {
  AddCommentInput,
  ConfirmCompletionInput,
  DecideExtensionInput,
  ReportProgressInput,
  RequestExtensionInput,
  ReturnCompletionInput,
  StartAssignmentInput,
  SubmitCompletionInput,
} from "@/lib/assignments/schemas";
import {
  addComment,
  confirmCompletion,
  decideExtension,
  reportProgress,
  requestExtension,
  returnCompletion,
  StaleAssignmentError,
  startAssignment,
  submitCompletion,
} from "@/lib/assignments/workflow";
import { assertUploadSize } from "@/lib/attachments/validate";
import type { SessionUser } from "@/lib/auth/user";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { AppError, userMessage, ValidationError } from "@/lib/errors";

// Server actions of the assignment page, one per workflow step, all of the same shape for
// React's useActionState:  (prevState: ActionResult | null, formData: FormData) => Promise<ActionResult>.
// A server action is a public POST endpoint: each one authenticates (requireUser) and hands the
// raw form values to the service, which parses them with its zod schema and checks permission
// on the stored record. Form field names are the schema's keys:
//   startAssignmentAction     assignmentId, version
//   reportProgressAction      assignmentId, version, text, evidenceNumber?, evidenceDate?, attachment? (File)
//   submitCompletionAction    …the same + completedOn
//   confirmCompletionAction   assignmentId, version
//   returnCompletionAction    assignmentId, version, reason
//   requestExtensionAction    assignmentId, version, requestedDueOn, reason
//   decideExtensionAction     extensionId, version (the assignment's), decision ("approve" | "refuse"), note?
//   addCommentAction          assignmentId, body
// Dates are "YYYY-MM-DD" (what <input type="date"> sends).

type Fields = Record<string, unknown>;

/** The form's text values; the services parse them (so a cast to their input type is safe). */
function textFields(formData: FormData): Fields {
  const out: Fields = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !(key in out)) out[key] = value;
  }
  return out;
}

/** The evidence file, if one was chosen; too large a file is refused before it is read into memory. */
async function uploadOf(formData: FormData): Promise<{ fileName: string; bytes: Uint8Array } | undefined> {
  const file = formData.get("attachment");
  // A form with an empty file input still sends a nameless, empty File.
  // (Sent through React's action encoding, that nameless file may arrive named "undefined".)
  if (!(file instanceof File) || (file.size === 0 && (file.name === "" || file.name === "undefined"))) return undefined;
  assertUploadSize(file.name, file.size);
  return { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

function refresh(r: { agencyId: number; noticeId: number; assignmentId: number }): void {
  revalidatePath(`/co-quan/${r.agencyId}`);
  revalidatePath(`/thong-bao/${r.noticeId}`);
  revalidatePath(`/nhiem-vu/${r.assignmentId}`);
  revalidatePath("/qua-han");
}

function failure(error: unknown, context: string): ActionResult {
  if (error instanceof StaleAssignmentError) return { ok: false, message: error.message, current: error.current };
  if (error instanceof ValidationError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof AppError) return { ok: false, message: error.message };
  return { ok: false, message: userMessage(error, context) };
}

async function run(context: string, step: (actor: SessionUser) => Promise<ActionResult>): Promise<ActionResult> {
  try {
    return await step(await requireUser());
  } catch (error) {
    return failure(error, context);
  }
}

export async function startAssignmentAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run("assignment.start", async (actor) => {
    const r = await startAssignment(db(), actor, textFields(formData) as StartAssignmentInput);
    refresh({ ...r, assignmentId: r.assignment.id });
    return { ok: true, message: "Đã bắt đầu thực hiện nhiệm vụ.", assignment: r.assignment };
  });
}

export async function reportProgressAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run("assignment.report", async (actor) => {
    const input = { ...textFields(formData), attachment: await uploadOf(formData) } as ReportProgressInput;
    const r = await reportProgress(db(), actor, input);
    refresh({ ...r, assignmentId: r.assignment.id });
    return { ok: true, message: "Đã gửi báo cáo tiến độ.", assignment: r.assignment, reportId: r.reportId };
  });
}

export async function submitCompletionAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run("assignment.submit", async (actor) => {
    const input = { ...textFields(formData), attachment: await uploadOf(formData) } as SubmitCompletionInput;
    const r = await submitCompletion(db(), actor, input);
    refresh({ ...r, assignmentId: r.assignment.id });
    return {
      ok: true,
      message: "Đã gửi báo cáo hoàn thành, chờ Văn phòng xác nhận.",
      assignment: r.assignment,
      reportId: r.reportId,
    };
  });
}

export async function confirmCompletionAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run("assignment.confirm", async (actor) => {
    const r = await confirmCompletion(db(), actor, textFields(formData) as ConfirmCompletionInput);
    refresh({ ...r, assignmentId: r.assignment.id });
    return { ok: true, message: "Đã xác nhận hoàn thành nhiệm vụ.", assignment: r.assignment };
  });
}

export async function returnCompletionAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run("assignment.return", async (actor) => {
    const r = await returnCompletion(db(), actor, textFields(formData) as ReturnCompletionInput);
    refresh({ ...r, assignmentId: r.assignment.id });
    return { ok: true, message: "Đã trả lại báo cáo hoàn thành kèm lý do.", assignment: r.assignment };
  });
}

export async function requestExtensionAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run("extension.request", async (actor) => {
    const r = await requestExtension(db(), actor, textFields(formData) as RequestExtensionInput);
    refresh({ ...r, assignmentId: r.assignment.id });
    return { ok: true, message: "Đã gửi đề nghị gia hạn.", assignment: r.assignment, extensionId: r.extensionId };
  });
}

export async function decideExtensionAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run("extension.decide", async (actor) => {
    const r = await decideExtension(db(), actor, textFields(formData) as DecideExtensionInput);
    refresh({ ...r, assignmentId: r.assignment.id });
    const message =
      r.status === "approved" ? "Đã đồng ý gia hạn; thời hạn mới được áp dụng." : "Đã không đồng ý gia hạn.";
    return { ok: true, message, assignment: r.assignment, extensionId: r.extensionId };
  });
}

export async function addCommentAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run("comment.create", async (actor) => {
    const r = await addComment(db(), actor, textFields(formData) as AddCommentInput);
    refresh(r);
    return { ok: true, message: "Đã gửi ý kiến.", commentId: r.commentId };
  });
}
