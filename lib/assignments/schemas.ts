import { z } from "zod";
import { cleanFileName, MAX_UPLOAD_BYTES, uploadTooLargeMessage } from "@/lib/attachments/limits";
import { ZIsoDate } from "@/lib/notices/draft";
import { zId, zVersion } from "@/lib/validation/fields";

// The one description of what each workflow step accepts. Shared field schemas are composed into
// one schema per action; the gate (lib/auth/gate.ts) parses with them before the service runs,
// and the forms may reuse them. An empty form field means "not given".

const emptyToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

export const ZAssignmentId = zId("Mã nhiệm vụ không hợp lệ.");
export const ZExtensionId = zId("Mã đề nghị gia hạn không hợp lệ.");
export const ZAttachmentId = zId("Mã tệp đính kèm không hợp lệ.");
export const ZDirectiveId = zId("Mã chỉ đạo không hợp lệ.");

/** The assignment version the user saw; a change is refused when someone changed it since. */
export const ZVersion = zVersion("nhiệm vụ");

/** A calendar day "YYYY-MM-DD" that exists (2021-02-30 does not). */
export const ZIsoDay = ZIsoDate;

const requiredText = (empty: string, max: number, tooLong: string) =>
  z.preprocess((v) => (v == null ? "" : v), z.string().trim().min(1, empty).max(max, tooLong));

const optionalText = (max: number, tooLong: string) =>
  z.preprocess(emptyToUndefined, z.string().trim().max(max, tooLong).optional());

const requiredDay = (empty: string) => z.preprocess((v) => v ?? "", z.string().trim().min(1, empty).pipe(ZIsoDay));

export const ZReportText = requiredText(
  "Vui lòng nhập nội dung báo cáo.",
  10_000,
  "Nội dung báo cáo quá dài (tối đa 10.000 ký tự).",
);
export const ZEvidenceNumber = optionalText(100, "Số văn bản quá dài (tối đa 100 ký tự).");
export const ZOptionalDay = z.preprocess(emptyToUndefined, ZIsoDay.optional());
export const ZReason = requiredText("Vui lòng nêu lý do.", 2_000, "Lý do quá dài (tối đa 2.000 ký tự).");
export const ZCommentBody = requiredText(
  "Vui lòng nhập nội dung ý kiến.",
  4_000,
  "Ý kiến quá dài (tối đa 4.000 ký tự).",
);
export const ZDecisionNote = optionalText(2_000, "Ghi chú quá dài (tối đa 2.000 ký tự).");

/**
 * An evidence file as the gate hands it on: a File whose size is checked here, before anyone reads
 * it; the service reads and checks its content only after the permission check on the task.
 */
export const ZUpload = z
  .custom<File>((v) => v instanceof File, { error: "Tệp đính kèm không đọc được." })
  .check((ctx) => {
    if (ctx.value.size > MAX_UPLOAD_BYTES)
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        message: uploadTooLargeMessage(ctx.value.name, ctx.value.size),
      });
    else if (!cleanFileName(ctx.value.name))
      ctx.issues.push({ code: "custom", input: ctx.value, message: "Tệp đính kèm chưa có tên." });
  });
export type Upload = z.infer<typeof ZUpload>;

const ZTarget = z.object({ assignmentId: ZAssignmentId, version: ZVersion });

export const ZStartAssignment = ZTarget;

export const ZReportProgress = ZTarget.extend({
  text: ZReportText,
  evidenceNumber: ZEvidenceNumber,
  evidenceDate: ZOptionalDay,
  attachment: ZUpload.optional(),
});

export const ZSubmitCompletion = ZReportProgress.extend({ completedOn: requiredDay("Vui lòng nhập ngày hoàn thành.") });

export const ZConfirmCompletion = ZTarget;

export const ZReturnCompletion = ZTarget.extend({ reason: ZReason });

/** Takes back one's own confirmation, return or extension decision within a few minutes. */
export const ZUndoDecision = ZTarget;

export const ZRequestExtension = ZTarget.extend({
  requestedDueOn: requiredDay("Vui lòng nhập thời hạn đề nghị gia hạn."),
  reason: ZReason,
});

export const ZDecideExtension = z.object({
  extensionId: ZExtensionId,
  version: ZVersion,
  decision: z.enum(["approve", "refuse"], { error: "Vui lòng chọn đồng ý hoặc không đồng ý gia hạn." }),
  /** Approving to a date other than the one asked (a reason is then required). */
  grantedDueOn: ZOptionalDay,
  note: ZDecisionNote,
});

export const ZExplanationId = zId("Mã yêu cầu giải trình không hợp lệ.");

export const ZRequestExplanation = ZTarget.extend({
  message: requiredText(
    "Vui lòng nêu nội dung yêu cầu giải trình.",
    2_000,
    "Nội dung yêu cầu quá dài (tối đa 2.000 ký tự).",
  ),
  workingDays: z.preprocess(
    (v) => (v === "" || v == null ? undefined : v),
    z.coerce
      .number({ error: "Vui lòng nhập số ngày làm việc để trả lời." })
      .int("Số ngày làm việc phải là số nguyên.")
      .min(1, "Thời gian trả lời ít nhất 1 ngày làm việc.")
      .max(30, "Thời gian trả lời tối đa 30 ngày làm việc."),
  ),
});

export const ZAnswerExplanation = z.object({
  explanationId: ZExplanationId,
  answer: requiredText(
    "Vui lòng nhập nội dung giải trình.",
    10_000,
    "Nội dung giải trình quá dài (tối đa 10.000 ký tự).",
  ),
  attachment: ZUpload.optional(),
});

/** Several reported results confirmed or returned at once from the queue: "id:version" pairs. */
export const ZBulkDecision = z.object({
  items: z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(
        z
          .string()
          .regex(/^\d{1,9}:\d{1,9}$/, "Lựa chọn không hợp lệ.")
          .transform((s) => {
            const [assignmentId, version] = s.split(":").map(Number);
            return { assignmentId: assignmentId!, version: version! };
          }),
      )
      .min(1, "Vui lòng chọn ít nhất một kết quả.")
      .max(100, "Mỗi lần xử lý tối đa 100 kết quả."),
  ),
  decision: z.enum(["confirm", "return"], { error: "Vui lòng chọn xác nhận hoặc trả lại." }),
  reason: z.preprocess(
    emptyToUndefined,
    z.string().trim().max(2_000, "Lý do quá dài (tối đa 2.000 ký tự).").optional(),
  ),
});

export const ZAddComment = z.object({ assignmentId: ZAssignmentId, body: ZCommentBody });

// What the services accept: the parsed shape (the gate parsed it; other callers pass typed values).
export type StartAssignmentInput = z.output<typeof ZStartAssignment>;
export type ReportProgressInput = z.output<typeof ZReportProgress>;
export type SubmitCompletionInput = z.output<typeof ZSubmitCompletion>;
export type ConfirmCompletionInput = z.output<typeof ZConfirmCompletion>;
export type ReturnCompletionInput = z.output<typeof ZReturnCompletion>;
export type RequestExtensionInput = z.output<typeof ZRequestExtension>;
export type DecideExtensionInput = z.output<typeof ZDecideExtension>;
export type AddCommentInput = z.output<typeof ZAddComment>;
export type RequestExplanationInput = z.output<typeof ZRequestExplanation>;
export type AnswerExplanationInput = z.output<typeof ZAnswerExplanation>;
export type BulkDecisionInput = z.output<typeof ZBulkDecision>;
export type UndoDecisionInput = z.output<typeof ZUndoDecision>;
