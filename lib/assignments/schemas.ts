import { z } from "zod";
import { ZIsoDate } from "@/lib/notices/draft";

// The one description of what each workflow step accepts. Shared field schemas are composed into
// one schema per action; the services parse with them and the forms may reuse them. Numbers are
// coerced because server actions receive FormData strings; an empty form field means "not given".

const MAX_INT4 = 2_147_483_647;

const emptyToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

function id(what: string) {
  return z.coerce
    .number({ error: `Mã ${what} không hợp lệ.` })
    .int(`Mã ${what} không hợp lệ.`)
    .positive(`Mã ${what} không hợp lệ.`)
    .max(MAX_INT4, `Mã ${what} không hợp lệ.`);
}

export const ZAssignmentId = id("nhiệm vụ");
export const ZExtensionId = id("đề nghị gia hạn");
export const ZAttachmentId = id("tệp đính kèm");
export const ZDirectiveId = id("chỉ đạo");

/** The assignment version the user saw; a change is refused when someone changed it since. */
export const ZVersion = z.coerce
  .number({ error: "Thiếu phiên bản của nhiệm vụ; vui lòng tải lại trang." })
  .int("Phiên bản nhiệm vụ không hợp lệ.")
  .positive("Phiên bản nhiệm vụ không hợp lệ.")
  .max(MAX_INT4, "Phiên bản nhiệm vụ không hợp lệ.");

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

/** A file as the services receive it; the server action reads it from FormData. */
export const ZUpload = z.object({
  fileName: z.string(),
  bytes: z.instanceof(Uint8Array, { error: "Tệp đính kèm không đọc được." }),
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

export const ZRequestExtension = ZTarget.extend({
  requestedDueOn: requiredDay("Vui lòng nhập thời hạn đề nghị gia hạn."),
  reason: ZReason,
});

export const ZDecideExtension = z.object({
  extensionId: ZExtensionId,
  version: ZVersion,
  decision: z.enum(["approve", "refuse"], { error: "Vui lòng chọn đồng ý hoặc không đồng ý gia hạn." }),
  note: ZDecisionNote,
});

export const ZAddComment = z.object({ assignmentId: ZAssignmentId, body: ZCommentBody });

// What the services accept: the parsed shape. The services parse again anyway (a server action
// hands them raw form values), so a wrong value is answered with a message, never trusted.
export type StartAssignmentInput = z.output<typeof ZStartAssignment>;
export type ReportProgressInput = z.output<typeof ZReportProgress>;
export type SubmitCompletionInput = z.output<typeof ZSubmitCompletion>;
export type ConfirmCompletionInput = z.output<typeof ZConfirmCompletion>;
export type ReturnCompletionInput = z.output<typeof ZReturnCompletion>;
export type RequestExtensionInput = z.output<typeof ZRequestExtension>;
export type DecideExtensionInput = z.output<typeof ZDecideExtension>;
export type AddCommentInput = z.output<typeof ZAddComment>;
