import { z } from "zod";
import { NOTICE_KINDS, NOTICE_STATUSES } from "@/lib/notices/search-query";
import { ASSIGNMENT_STATES } from "@/lib/assignments/state";
import { ZReportProgress } from "@/lib/assignments/schemas";
import { ZConfirmNotice } from "@/lib/intake/schemas";
import { requireDueDays, ZDraftAssignment, ZDraftDirective, ZDraftNotice } from "@/lib/notices/draft";
import { parsePeriodKey } from "@/lib/ranking/periods";
import { zId } from "@/lib/validation/fields";

// The API's inputs and answers as zod schemas: the gate parses every query with them
// (lib/api/gate.ts) and the OpenAPI document is generated from them (lib/api/openapi.ts), so the
// document cannot drift from what the API accepts and answers. Days are "YYYY-MM-DD"
// (Asia/Ho_Chi_Minh); instants ISO 8601.

export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;

const limitMessage = `Tham số limit phải là số nguyên từ 1 đến ${MAX_LIMIT}.`;

export const ZCursor = z
  .string({ error: "Tham số cursor không hợp lệ." })
  .regex(/^[A-Za-z0-9_-]{1,200}$/, "Tham số cursor không hợp lệ.")
  .optional()
  .meta({ description: "Con trỏ trang: giá trị nextCursor của trang trước (để trống ở trang đầu)." });

export const ZLimit = z
  .string({ error: limitMessage })
  .regex(/^\d{1,3}$/, limitMessage)
  .transform(Number)
  .pipe(z.int({ error: limitMessage }).min(1, limitMessage).max(MAX_LIMIT, limitMessage))
  .optional()
  .meta({ description: `Số bản ghi mỗi trang, 1–${MAX_LIMIT} (mặc định ${DEFAULT_LIMIT}).` });

export const ZPaged = z.object({ cursor: ZCursor, limit: ZLimit });

export const ZNoticeListQuery = ZPaged.extend({
  q: z
    .string({ error: "Từ khóa tìm kiếm không hợp lệ." })
    .max(200, "Từ khóa tìm kiếm quá dài (tối đa 200 ký tự).")
    .optional()
    .meta({
      description:
        "Tìm theo số, trích yếu và toàn văn, có dấu hoặc không dấu; các cụm cách nhau bằng dấu phẩy (như trang Thông báo).",
    }),
  status: z
    .enum(NOTICE_STATUSES, { error: "Trạng thái phải là draft, published hoặc withdrawn." })
    .optional()
    .meta({ description: "draft (bản nháp, chỉ mã truy cập của cả tỉnh), published, withdrawn (đã thu hồi)." }),
  kind: z
    .enum(NOTICE_KINDS, { error: "Loại văn bản phải là TB, CV, KH, CD, CT hoặc QD." })
    .optional()
    .meta({ description: "Loại văn bản: TB (thông báo), CV, KH, CD (công điện), CT, QD." }),
  year: z
    .string({ error: "Năm không hợp lệ." })
    .regex(/^(20\d\d|2100)$/, "Năm phải từ 2000 đến 2100.")
    .optional()
    .meta({ description: "Năm ban hành (hoặc năm họp khi chưa rõ ngày ban hành)." }),
  overdue: z
    .literal("1", { error: "Tham số overdue chỉ nhận giá trị 1." })
    .optional()
    .meta({ description: "1: chỉ các thông báo có nhiệm vụ quá hạn." }),
  include: z.literal("directives", { error: "Tham số include chỉ nhận giá trị directives." }).optional().meta({
    description:
      "directives: kèm các chỉ đạo và phân công của từng thông báo (như GET /api/v1/notices/{id}). Mặc định mỗi thông báo chỉ có thông tin chung và số liệu tóm tắt.",
  }),
});

export const ZNoQuery = z.object({});

const periodMessage = "Kỳ phải có dạng 2021-Q3 (quý), 2021-H2 (6 tháng) hoặc 2021 (năm), từ năm 2000 đến 2100.";

export const ZResultsQuery = z.object({
  period: z
    .string({ error: periodMessage })
    .transform((v, ctx) => {
      const p = parsePeriodKey(v);
      if (!p) {
        ctx.addIssue({ code: "custom", message: periodMessage });
        return z.NEVER;
      }
      return p;
    })
    .optional()
    .meta({
      description:
        "Kỳ: 2021-Q3 (quý), 2021-H2 (6 tháng), 2021 (năm). Mặc định: quý gần nhất đã kết thúc, hoặc quý đang diễn ra khi quý ấy không có nhiệm vụ (như trang Xếp hạng).",
      pattern: "^\\d{4}(-(Q[1-4]|H[12]))?$",
    }),
});

// ───────────── Writes: the bodies, built from the schemas of the screens that do the same ─────────────

/**
 * POST /api/v1/notices: what the review screen's confirm accepts (ZConfirmNotice and the draft's
 * own field schemas, with the same messages and the same "a dated deadline has its day" check),
 * except that agencies are named by their id in the province's registry, and neither new agencies
 * nor an uploaded file come this way.
 */
export const ZApiDraftAssignment = ZDraftAssignment.omit({ agency: true, isNew: true }).extend({
  agencyId: zId("Mã cơ quan không hợp lệ.").meta({ description: "Mã cơ quan (GET /api/v1/agencies)." }),
  viaGroup: ZDraftAssignment.shape.viaGroup.meta({
    description: 'Tên nhóm cơ quan mà thông báo giao ("UBND các huyện, thành phố"), hoặc null.',
  }),
});

export const ZApiDraftDirective = ZDraftDirective.omit({
  assignments: true,
  sourceStart: true,
  sourceEnd: true,
}).extend({
  assignments: z.array(ZApiDraftAssignment),
});

export const ZApiNoticeDraft = z
  .object({
    notice: ZDraftNotice.omit({ exchange: true }),
    directives: z.array(ZApiDraftDirective),
  })
  .check(requireDueDays);

export const ZCreateNoticeBody = ZConfirmNotice.pick({ sourceText: true, acknowledgeDuplicates: true, publish: true })
  .extend({ draft: ZApiNoticeDraft })
  .meta({
    description:
      "publish: true ban hành ngay (các cơ quan được giao thấy nhiệm vụ và được báo), false lưu bản nháp như khi Văn phòng bấm Lưu nháp. acknowledgeDuplicates: true để vẫn lưu khi đã có thông báo trùng (409 duplicate liệt kê các thông báo trùng).",
  });

/** POST /api/v1/tasks/{id}/reports: the agency's progress report form (ZReportProgress), without a file. */
export const ZReportBody = ZReportProgress.omit({ assignmentId: true, attachment: true }).meta({
  description:
    "version: phiên bản nhiệm vụ mà hệ thống gọi đã thấy (trường version của nhiệm vụ); nếu nhiệm vụ đã thay đổi từ đó, trả về 409 stale kèm trạng thái hiện tại.",
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const nullableDay = day.nullable();
const role = z.enum(["lead", "support"]).meta({ description: "lead: chủ trì; support: phối hợp." });
const state = z.enum(ASSIGNMENT_STATES);
const timeliness = z.enum(["completed_on_time", "completed_late", "on_track", "overdue", "no_deadline"]);
const recurrence = z.enum(["daily", "weekly", "monthly", "quarterly", "yearly"]).nullable();

export const ZAgencyRef = z.object({ id: z.int(), name: z.string(), shortName: z.string() });

export const ZAssignmentOut = z.object({
  id: z.int(),
  agency: ZAgencyRef,
  role,
  viaGroup: z.string().nullable().meta({ description: "Nhóm cơ quan mà thông báo giao (nếu giao qua nhóm)." }),
  state,
  version: z.int().meta({
    description: "Phiên bản của nhiệm vụ: gửi kèm khi báo cáo tiến độ (POST /api/v1/tasks/{id}/reports, id là mã này).",
  }),
  dueOn: nullableDay,
  completedOn: nullableDay,
  timeliness: timeliness.nullable().meta({ description: "Đánh giá hôm nay; null khi thông báo đã thu hồi." }),
});

export const ZDirectiveOut = z.object({
  id: z.int(),
  ref: z.string(),
  text: z.string(),
  urgent: z.boolean(),
  deadlineKind: z.string(),
  dueOn: nullableDay,
  deadlinePhrase: z.string().nullable().meta({ description: "Lời văn của thông báo về thời hạn." }),
  startOn: nullableDay,
  recurrence,
  assignments: z.array(ZAssignmentOut),
});

export const ZNoticeOut = z.object({
  id: z.int(),
  kind: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  issuer: z.string(),
  issuedOn: nullableDay,
  issuedPrecision: z.enum(["day", "month", "year", "unknown"]),
  meetingOn: nullableDay,
  signer: z.string().nullable(),
  status: z.enum(NOTICE_STATUSES),
  urgency: z.enum(["khan", "thuong_khan", "hoa_toc"]).nullable(),
  audience: z.array(z.string()),
  withdrawnAt: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  directives: z.array(ZDirectiveOut),
});

/** A notice in the list: its metadata and summary counts; its directives only with include=directives. */
export const ZNoticeListItemOut = ZNoticeOut.omit({ directives: true }).extend({
  directiveCount: z.int().meta({ description: "Số chỉ đạo." }),
  assignmentCount: z.int().meta({ description: "Số nhiệm vụ (phân công cho cơ quan) của mọi chỉ đạo." }),
  completedCount: z.int().meta({ description: "Số nhiệm vụ đã hoàn thành." }),
  overdueCount: z.int().meta({
    description: "Số nhiệm vụ quá hạn hôm nay (chỉ đạo định kỳ: theo kỳ hiện tại); 0 khi thông báo đã thu hồi.",
  }),
  directives: z
    .array(ZDirectiveOut)
    .optional()
    .meta({ description: "Chỉ có khi gửi include=directives: các chỉ đạo như GET /api/v1/notices/{id}." }),
});

export const ZAgencyOut = z.object({
  id: z.int(),
  name: z.string(),
  shortName: z.string(),
  active: z.boolean().meta({ description: "false: đã ngừng hoạt động hoặc đã sáp nhập; lịch sử vẫn đọc được." }),
});

export const ZTaskOut = z.object({
  id: z.int().meta({ description: "Mã nhiệm vụ (phân công của một cơ quan trong một chỉ đạo)." }),
  agency: ZAgencyRef,
  role,
  state,
  dueOn: nullableDay.meta({ description: "Thời hạn đang áp dụng (kể cả gia hạn đã duyệt)." }),
  originalDueOn: nullableDay,
  currentDueOn: nullableDay.meta({ description: "Hạn của kỳ hiện tại đối với chỉ đạo định kỳ." }),
  completedOn: nullableDay,
  timeliness,
  daysOverdue: z.int().nullable(),
  explanation: z
    .object({
      status: z.enum(["pending", "answered"]),
      requestedOn: day,
      replyDueOn: day,
      answeredOn: nullableDay,
      late: z.boolean(),
    })
    .nullable()
    .meta({ description: "Yêu cầu giải trình gần nhất." }),
  directive: z.object({
    id: z.int(),
    ref: z.string(),
    text: z.string(),
    deadlinePhrase: z.string().nullable(),
    recurrence,
  }),
  notice: z.object({
    id: z.int(),
    kind: z.string(),
    number: z.string().nullable(),
    issuedOn: nullableDay,
    meetingOn: nullableDay,
    title: z.string(),
  }),
});

export const ZAgencyFigures = z.object({
  agency: ZAgencyRef.extend({ kind: z.string() }),
  assigned: z.int(),
  completedOnTime: z.int(),
  completedLate: z.int(),
  onTrack: z.int(),
  overdue: z.int(),
  noDeadline: z.int(),
  onTimeRate: z.number().nullable().meta({ description: "Đúng hạn / (đã hoàn thành + quá hạn); null khi chưa có gì." }),
  ongoing: z.int().meta({ description: "Nhiệm vụ thường xuyên trong kỳ báo cáo hiện tại của tỉnh." }),
  ongoingReported: z.int(),
});

/** A task's workflow state (lib/assignments/status.ts AssignmentStatus), with the version to send back. */
export const ZTaskStatus = z.object({
  id: z.int(),
  state,
  version: z.int().meta({ description: "Gửi lại trong lần ghi sau; tăng sau mỗi thay đổi." }),
  dueOn: nullableDay,
  startedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  completedOn: nullableDay,
  confirmedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
});

export const ZReportOut = z.object({
  task: ZTaskStatus,
  reportId: z.int(),
});

const ZPeriodOut = z.object({ key: z.string(), label: z.string(), start: day, end: day });

export const ZResultsOut = z.object({
  period: ZPeriodOut,
  previousPeriod: ZPeriodOut,
  asOf: day.meta({ description: "Ngày tính số liệu: hôm nay, hoặc ngày chốt khi kỳ đã được công bố." }),
  published: z.boolean().meta({ description: "true: Văn phòng đã công bố kết quả kỳ này (số liệu đã chốt)." }),
  formula: z.object({ lateCredit: z.number(), penaltyPerDay: z.number(), penaltyCap: z.number() }),
  data: z.array(
    z.object({
      agency: ZAgencyRef,
      assigned: z.int(),
      completedOnTime: z.int(),
      completedLate: z.int(),
      onTrack: z.int(),
      overdue: z.int(),
      overdueDays: z.int().meta({ description: "Tổng số ngày quá hạn của các nhiệm vụ quá hạn." }),
      onTimeRate: z.number().nullable(),
      score: z.number().nullable(),
      rank: z.int().nullable().meta({ description: "Thứ hạng trong tỉnh; null khi chưa có nhiệm vụ được tính." }),
      previousRank: z.int().nullable(),
    }),
  ),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    nextCursor: z.string().nullable().meta({ description: "Con trỏ của trang sau; null ở trang cuối." }),
  });
}

export const ZApiError = z.object({
  error: z.object({
    code: z
      .enum([
        "bad_request",
        "unauthenticated",
        "forbidden",
        "not_found",
        "conflict",
        "stale",
        "duplicate",
        "too_large",
        "invalid",
        "rate_limited",
        "internal",
        "unavailable",
      ])
      .meta({ description: "Mã lỗi ổn định, để chương trình dựa vào." }),
    message: z.string().meta({ description: "Thông báo lỗi bằng tiếng Việt." }),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
    current: ZTaskStatus.optional().meta({
      description: "Với 409 stale: trạng thái hiện tại của nhiệm vụ (không có gì được ghi).",
    }),
    duplicates: z
      .array(
        z.object({
          id: z.int(),
          number: z.string().nullable(),
          issuedOn: nullableDay,
          title: z.string(),
          reason: z.enum(["same_text", "same_number_and_date", "same_directives"]),
        }),
      )
      .optional()
      .meta({ description: "Với 409 duplicate: các thông báo đã lưu trông giống thông báo này." }),
  }),
});
