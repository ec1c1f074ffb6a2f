import { z } from "zod";
import { DATE_PRECISIONS, isRealDay } from "@/lib/time/calendar";

// The one description of a notice before it is stored: what the extractor proposes, what the
// review screen edits, what the seed writes, and what lib/notices/create.ts accepts.

export const NOTICE_KINDS = ["TB", "CV", "CT", "QD", "KH", "CD"] as const;
export const DEADLINE_KINDS = [
  "exact",
  "before",
  "datetime",
  "until_end",
  "month",
  "quarter",
  "year",
  "within_days",
  "working_days",
  "milestone",
  "start",
  "ongoing",
  "recurring",
  "event",
  "none",
] as const;
export const RECURRENCES = ["daily", "weekly", "monthly", "quarterly", "yearly"] as const;
export const ROLES = ["lead", "support"] as const;
export const URGENCIES = ["khan", "thuong_khan", "hoa_toc"] as const;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày không hợp lệ, nhập theo dạng dd/mm/yyyy")
  .refine(isRealDay, { message: "Ngày không tồn tại" });

export const ZIsoDate = isoDate;

export const ZDeadline = z.object({
  kind: z.enum(DEADLINE_KINDS),
  dueOn: isoDate.nullable(), // the last day to finish, Asia/Ho_Chi_Minh
  dueAt: z.string().datetime({ offset: true }).nullable(), // when an hour is given: "2021-09-15T17:00:00+07:00"
  phrase: z.string().min(1, "Cần giữ nguyên văn thời hạn"),
  startOn: isoDate.nullable(),
  recurrence: z.enum(RECURRENCES).nullable(),
  target: z.string().nullable(), // milestone target: "50% kế hoạch"
});
export type Deadline = z.infer<typeof ZDeadline>;

export const ZDraftAssignment = z.object({
  agency: z.string().trim().min(1, "Chưa chọn cơ quan"), // canonical name in the province's registry
  role: z.enum(ROLES),
  viaGroup: z.string().nullable(), // the group it came through: "UBND các huyện, thành phố"
  isNew: z.boolean(), // not in the registry yet: confirming creates the agency
});
export type DraftAssignment = z.infer<typeof ZDraftAssignment>;

export const ZDraftDirective = z.object({
  ref: z.string().trim().max(40),
  text: z.string().trim().min(1, "Nội dung nhiệm vụ không được để trống"),
  urgent: z.boolean(),
  deadline: ZDeadline.nullable(),
  assignments: z.array(ZDraftAssignment),
  sourceStart: z.number().int().nonnegative().nullable().optional(),
  sourceEnd: z.number().int().nonnegative().nullable().optional(),
});
export type DraftDirective = z.infer<typeof ZDraftDirective>;

export const ZDraftNotice = z.object({
  kind: z.enum(NOTICE_KINDS),
  number: z.string().trim().nullable(), // "875/TB-VPUBND"; null when left blank
  issuer: z.string().trim().min(1, "Chưa có cơ quan ban hành"),
  place: z.string().trim().nullable(),
  issuedOn: isoDate.nullable(), // day 1 when precision is month, 1 January when year
  issuedPrecision: z.enum(DATE_PRECISIONS),
  title: z.string().trim().min(1, "Chưa có trích yếu"),
  meetingOn: isoDate.nullable(),
  chair: z.string().trim().nullable(),
  signer: z.string().trim().nullable(),
  signingFormula: z.string().trim().nullable(),
  recipients: z.array(z.string()),
  citations: z.array(z.string()),
  // Added with issue 13; optional so that drafts written before them still parse.
  /** Whom the notice is addressed to: a Công điện's list after "điện:", a letter's "Kính gửi". */
  audience: z.array(z.string()).optional(),
  /** The urgency mark of the header: "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC" (every directive is urgent). */
  urgency: z.enum(URGENCIES).nullable().optional(),
  /** What the e-office exchange (edXML) said about the document, when it came that way. */
  exchange: z
    .object({
      documentId: z.string().nullable(),
      fromOrganId: z.string().nullable(), // electronic identification code, "000.00.00.H49"
      fromOrganName: z.string().nullable(),
      toOrganIds: z.array(z.string()),
      dueOn: isoDate.nullable(), // the sender's processing deadline (DueDate)
      toPlaces: z.array(z.string()),
    })
    .nullable()
    .optional(),
});
export type DraftNotice = z.infer<typeof ZDraftNotice>;

export const ZNoticeDraft = z.object({
  notice: ZDraftNotice,
  directives: z.array(ZDraftDirective),
});
export type NoticeDraft = z.infer<typeof ZNoticeDraft>;
