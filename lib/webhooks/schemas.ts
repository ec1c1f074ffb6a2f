import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { zId } from "@/lib/validation/fields";

// What the province administrator's webhook forms accept (/quan-tri/webhook).

const ZEvents = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.enum(WEBHOOK_EVENTS, { error: "Sự kiện không hợp lệ." }), { error: "Danh sách sự kiện không hợp lệ." })
    .min(1, "Chọn ít nhất một sự kiện.")
    .max(WEBHOOK_EVENTS.length, "Danh sách sự kiện không hợp lệ."),
);

/** Only http and https: a receiver on loopback or the province's own network is allowed (see README). */
export const ZWebhookUrl = z
  .string({ error: "Vui lòng nhập địa chỉ nhận (URL)." })
  .trim()
  .min(1, "Vui lòng nhập địa chỉ nhận (URL).")
  .max(2_000, "Địa chỉ quá dài (tối đa 2000 ký tự).")
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
    } catch {
      return false;
    }
  }, "Địa chỉ nhận phải là một URL bắt đầu bằng http:// hoặc https://.")
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.username === "" && u.password === "";
    } catch {
      return true;
    }
  }, "Địa chỉ nhận không được chứa tên đăng nhập hoặc mật khẩu.");

export const ZCreateWebhook = z.object({ url: ZWebhookUrl, events: ZEvents });
export type CreateWebhook = z.output<typeof ZCreateWebhook>;

export const ZWebhookTarget = z.object({ webhookId: zId("Webhook không hợp lệ.") });
export const ZUpdateWebhookEvents = z.object({ webhookId: zId("Webhook không hợp lệ."), events: ZEvents });
export type UpdateWebhookEvents = z.output<typeof ZUpdateWebhookEvents>;
