import { z } from "zod";
import { ZAssignmentId, ZDirectiveId } from "@/lib/assignments/schemas";
import { ROLES, ZDraftDirective } from "@/lib/notices/draft";
import { zId, zVersion } from "@/lib/validation/fields";

// The one description of what each notice-editing change accepts: the editor's forms validate
// with these before sending, and the gate parses with them before the service runs.
// The directive's own fields are the intake's (ZDraftDirective), so a directive is held to the
// same rules whether it is entered or edited.

export const ZNoticeId = zId("Mã thông báo không hợp lệ.");

/** The version of the directive the user saw; a change is refused when someone changed it since. */
export const ZDirectiveVersion = zVersion("chỉ đạo");
export const ZNoticeVersion = zVersion("thông báo");

export const ZRole = z.enum(ROLES, { error: "Vui lòng chọn vai trò chủ trì hoặc phối hợp." });

/** Agency or group names as the province's registry writes them. */
export const ZAgencyNames = z
  .array(z.string().trim().min(1, "Chưa chọn cơ quan hoặc nhóm."), { error: "Chưa chọn cơ quan hoặc nhóm." })
  .min(1, "Chọn ít nhất một cơ quan hoặc nhóm.")
  .max(200, "Chọn tối đa 200 cơ quan mỗi lần.");

export const ZAssignmentIds = z
  .array(ZAssignmentId, { error: "Chưa chọn cơ quan." })
  .min(1, "Chưa chọn cơ quan.")
  .max(500, "Chọn tối đa 500 cơ quan mỗi lần.");

/** Text, reference, urgency and deadline (ZDeadline) of a directive, as the intake checks them. */
export const ZDirectiveFields = ZDraftDirective.pick({ ref: true, text: true, urgent: true, deadline: true });
export type DirectiveFields = z.infer<typeof ZDirectiveFields>;

const ZDirectiveTarget = z.object({ directiveId: ZDirectiveId, version: ZDirectiveVersion });

export const ZUpdateDirective = ZDirectiveTarget.extend(ZDirectiveFields.shape);
export const ZAddDirectiveAgencies = ZDirectiveTarget.extend({ agencies: ZAgencyNames, role: ZRole });
export const ZRemoveDirectiveAgency = ZDirectiveTarget.extend({ assignmentIds: ZAssignmentIds });
export const ZChangeAssignmentRole = ZDirectiveTarget.extend({ assignmentIds: ZAssignmentIds, role: ZRole });
export const ZRemoveDirective = ZDirectiveTarget;
/** Opening a directive's editor: it reads the directive as stored now (the page holds the version it showed). */
export const ZLoadDirectiveEditor = z.object({ directiveId: ZDirectiveId });
/** Opening the form that adds a directive: it reads the province's registry. */
export const ZLoadNoticeRegistry = z.object({ noticeId: ZNoticeId });

export const ZAddDirective = z.object({
  noticeId: ZNoticeId,
  ...ZDirectiveFields.shape,
  /** Agencies or groups to assign at once (optional: they may be added afterwards). */
  agencies: z.array(z.string().trim().min(1, "Chưa chọn cơ quan hoặc nhóm.")).max(200).default([]),
  role: ZRole.default("lead"),
});

export const ZPublishNotice = z.object({ noticeId: ZNoticeId, version: ZNoticeVersion });

export type UpdateDirectiveInput = z.output<typeof ZUpdateDirective>;
export type AddDirectiveAgenciesInput = z.output<typeof ZAddDirectiveAgencies>;
export type RemoveDirectiveAgencyInput = z.output<typeof ZRemoveDirectiveAgency>;
export type ChangeAssignmentRoleInput = z.output<typeof ZChangeAssignmentRole>;
export type RemoveDirectiveInput = z.output<typeof ZRemoveDirective>;
export type AddDirectiveInput = z.output<typeof ZAddDirective>;
export type PublishNoticeInput = z.output<typeof ZPublishNotice>;

/** Deleting a draft notice: the version the user saw, so a draft changed since is not deleted unseen. */
export const ZDeleteNotice = z.object({ noticeId: ZNoticeId, version: ZNoticeVersion });
export type DeleteNoticeInput = z.output<typeof ZDeleteNotice>;

/** Withdrawing (thu hồi) a published notice: the version the user saw and why. */
export const ZWithdrawReason = z
  .string({ error: "Vui lòng nêu lý do thu hồi." })
  .trim()
  .min(5, "Vui lòng nêu lý do thu hồi (ít nhất 5 ký tự).")
  .max(1000, "Lý do thu hồi tối đa 1000 ký tự.");
export const ZWithdrawNotice = z.object({ noticeId: ZNoticeId, version: ZNoticeVersion, reason: ZWithdrawReason });
export type WithdrawNoticeInput = z.output<typeof ZWithdrawNotice>;

export const LINK_KINDS = ["continues", "replaces"] as const;
/** What happens to the earlier notice's open directives when a link is set. */
export const OPEN_DIRECTIVE_CHOICES = ["keep", "move", "close"] as const;

/**
 * A later notice linked to an earlier one of the province: chosen from the list (its id) or by
 * its number as written ("874/TB-VPUBND"). "close" (withdraw the earlier notice as replaced) only
 * for a replacement.
 */
export const ZLinkNotice = z
  .object({
    noticeId: ZNoticeId,
    kind: z.enum(LINK_KINDS, { error: "Vui lòng chọn tiếp tục hay thay thế." }),
    targetId: z.preprocess((v) => (v === "" ? undefined : v), zId("Thông báo được chọn không hợp lệ.").optional()),
    targetNumber: z
      .string()
      .trim()
      .max(60, "Số thông báo tối đa 60 ký tự.")
      .optional()
      .transform((v) => (v ? v : undefined)),
    open: z.enum(OPEN_DIRECTIVE_CHOICES, { error: "Vui lòng chọn cách xử lý các nhiệm vụ còn mở." }).default("keep"),
  })
  .superRefine((v, ctx) => {
    if (v.targetId === undefined && v.targetNumber === undefined)
      ctx.addIssue({ code: "custom", path: ["targetId"], message: "Chọn thông báo trước hoặc nhập số của nó." });
    if (v.open === "close" && v.kind !== "replaces")
      ctx.addIssue({
        code: "custom",
        path: ["open"],
        message: "Chỉ thông báo thay thế mới kết thúc được các nhiệm vụ của thông báo cũ.",
      });
  });
export type LinkNoticeInput = z.output<typeof ZLinkNotice>;

export const ZUnlinkNotice = z.object({ linkId: zId("Liên kết không hợp lệ.") });
export type UnlinkNoticeInput = z.output<typeof ZUnlinkNotice>;

/** Directives of earlier notices carried over into this (published) notice. */
export const ZCarryDirectives = z.object({
  noticeId: ZNoticeId,
  version: ZNoticeVersion,
  directiveIds: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(ZDirectiveId, { error: "Chưa chọn nhiệm vụ nào để chuyển tiếp." })
      .min(1, "Chưa chọn nhiệm vụ nào để chuyển tiếp.")
      .max(300, "Chuyển tiếp tối đa 300 nhiệm vụ mỗi lần."),
  ),
});
export type CarryDirectivesInput = z.output<typeof ZCarryDirectives>;
