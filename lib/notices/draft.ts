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

/**
 * Kinds the secretariat may choose with no words of the notice behind them: "Thường xuyên" and
 * "Không có thời hạn" are what she decides when the notice wrote no deadline.
 */
export const PHRASE_OPTIONAL_KINDS: readonly Deadline["kind"][] = ["ongoing", "none"];

/** Kinds that name a day to finish by: without a date the task could never be overdue. */
export const DATED_KINDS: readonly Deadline["kind"][] = [
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
];

export const ZDeadline = z
  .object({
    kind: z.enum(DEADLINE_KINDS),
    dueOn: isoDate.nullable(), // the last day to finish, Asia/Ho_Chi_Minh
    dueAt: z.string().datetime({ offset: true }).nullable(), // when an hour is given: "2021-09-15T17:00:00+07:00"
    phrase: z.string(), // the notice's own words; may be empty only for "ongoing" and "none"
    startOn: isoDate.nullable(),
    recurrence: z.enum(RECURRENCES).nullable(),
    target: z.string().nullable(), // milestone target: "50% kế hoạch"
  })
  .check((ctx) => {
    const d = ctx.value;
    if (!d.phrase.trim() && !PHRASE_OPTIONAL_KINDS.includes(d.kind))
      ctx.issues.push({ code: "custom", input: d.phrase, path: ["phrase"], message: "Cần giữ nguyên văn thời hạn" });
  });
export type Deadline = z.infer<typeof ZDeadline>;

/** A deadline of a dated kind whose date was cleared: it would silently become "no deadline". */
export function lacksDueDay(d: Deadline | null): boolean {
  return !!d && DATED_KINDS.includes(d.kind) && !d.dueOn && !d.dueAt;
}

export const UNDATED_DEADLINE_MESSAGE =
  "Thời hạn này tính từ nguyên văn của thông báo nhưng chưa có ngày: chọn ngày hạn, hoặc chọn rõ “Thường xuyên” hay “Không có thời hạn”.";

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

/**
 * A draft as the secretariat confirms it: on top of ZNoticeDraft, every dated deadline has its
 * day. (Stored notices and the demo seed may hold an undated one; a confirmation may not.)
 */
export const ZReviewedDraft = ZNoticeDraft.check(requireDueDays);

/** The check of ZReviewedDraft, for every schema of a draft being confirmed (the API's too). */
export function requireDueDays(ctx: z.core.ParsePayload<{ directives: { deadline: Deadline | null }[] }>): void {
  for (const [i, d] of ctx.value.directives.entries()) {
    if (lacksDueDay(d.deadline))
      ctx.issues.push({
        code: "custom",
        input: d.deadline,
        path: ["directives", i, "deadline", "dueOn"],
        message: UNDATED_DEADLINE_MESSAGE,
      });
  }
}
