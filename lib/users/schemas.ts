import { z } from "zod";
import { ROLE_NAMES } from "@/lib/auth/user";
import { MAX_PASSWORD_LENGTH } from "@/lib/auth/password-limits";
import { zId, zVersion } from "@/lib/validation/fields";

// What the account forms accept: the administrator's (create, edit, reset) and everyone's own.

export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{2,49}$/;

const emptyToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

export const ZUserId = zId("Mã người dùng không hợp lệ.");
export const ZUserVersion = zVersion("tài khoản");

export const ZLogin = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
  z
    .string({ error: "Vui lòng nhập tên đăng nhập." })
    .min(1, "Vui lòng nhập tên đăng nhập.")
    .regex(LOGIN_PATTERN, "Tên đăng nhập gồm 3–50 chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới."),
);

export const ZPersonName = z
  .string({ error: "Vui lòng nhập họ tên." })
  .trim()
  .min(2, "Vui lòng nhập họ tên.")
  .max(120, "Họ tên quá dài (tối đa 120 ký tự).");

export const ZEmail = z.preprocess(
  emptyToUndefined,
  z.email({ error: "Địa chỉ e-mail không hợp lệ." }).max(200, "Địa chỉ e-mail quá dài.").optional(),
);

export const ZRole = z.enum(ROLE_NAMES, { error: "Vui lòng chọn vai trò." });

/** Agencies as a form sends them: one id, several, or none. */
export const ZAgencyIds = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(zId("Mã cơ quan không hợp lệ."), { error: "Danh sách cơ quan không hợp lệ." })
    .max(50, "Chọn tối đa 50 cơ quan."),
);

const ZCheckbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const ZCreateUser = z.object({
  username: ZLogin,
  name: ZPersonName,
  role: ZRole,
  agencyIds: ZAgencyIds,
  email: ZEmail,
});

export const ZUpdateUser = ZCreateUser.extend({
  userId: ZUserId,
  version: ZUserVersion,
  active: ZCheckbox,
});

export const ZUserTarget = z.object({ userId: ZUserId, version: ZUserVersion });

const ZPassword = z
  .string({ error: "Vui lòng nhập mật khẩu." })
  .min(1, "Vui lòng nhập mật khẩu.")
  .max(MAX_PASSWORD_LENGTH, `Mật khẩu dài tối đa ${MAX_PASSWORD_LENGTH} ký tự.`);

export const ZChangePassword = z
  .object({ current: ZPassword, next: ZPassword, repeat: z.string() })
  .refine((v) => v.next === v.repeat, { path: ["repeat"], message: "Mật khẩu nhập lại không khớp." });

export const NOTIFICATION_KINDS = {
  assigned: "Được giao nhiệm vụ mới",
  returned: "Kết quả bị trả lại hoặc được xác nhận",
  extension: "Đề nghị gia hạn được quyết định",
  explanation: "Yêu cầu giải trình và trả lời",
  reminder: "Nhắc việc trước và sau thời hạn",
  waiting: "Việc chờ tôi xử lý (báo cáo chờ xác nhận, đề nghị chờ quyết định)",
  webhook: "Webhook bị tạm dừng vì bên nhận lỗi liên tục",
} as const;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
const KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as [NotificationKind, ...NotificationKind[]];

export const ZOwnProfile = z.object({
  email: ZEmail,
  /** The kinds the user wants by e-mail (the rest are opted out). */
  emailKinds: z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(KIND_NAMES, { error: "Loại thông báo không hợp lệ." })),
  ),
});

export type CreateUserInput = z.output<typeof ZCreateUser>;
export type UpdateUserInput = z.output<typeof ZUpdateUser>;
export type UserTargetInput = z.output<typeof ZUserTarget>;
export type ChangePasswordInput = z.output<typeof ZChangePassword>;
export type OwnProfileInput = z.output<typeof ZOwnProfile>;
