import { createHmac } from "node:crypto";

// What a webhook can subscribe to, and how a delivery is signed. Pure: no database, no Next.js.

export const WEBHOOK_EVENTS = [
  "notice.published",
  "task.assigned",
  "result.reported",
  "result.confirmed",
  "result.returned",
  "task.overdue",
  "extension.decided",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The test event ("Gửi thử") sent on request to any webhook, whatever it subscribed to. */
export const PING_EVENT = "ping";

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  "notice.published": "Thông báo được ban hành",
  "task.assigned": "Cơ quan được giao nhiệm vụ",
  "result.reported": "Cơ quan báo cáo hoàn thành",
  "result.confirmed": "Văn phòng xác nhận hoàn thành",
  "result.returned": "Văn phòng trả lại kết quả",
  "task.overdue": "Nhiệm vụ trở thành quá hạn",
  "extension.decided": "Đề nghị gia hạn được quyết định",
};

export const DELIVERY_STATUS_LABELS: Record<string, string> = {
  pending: "Đang chờ gửi",
  delivered: "Đã nhận",
  failed: "Lỗi, sẽ gửi lại",
  given_up: "Lỗi, đã ngừng gửi lại",
  paused: "Tạm dừng cùng webhook",
};

/** A receiver that has failed without a success for this long is paused. */
export const PAUSE_AFTER_MS = 24 * 3_600_000;
/** Wait at most this long for a receiver's answer. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** Tries per delivery: with the outbox's doubling delay (at most 4 hours) they span about 32 hours. */
export const WEBHOOK_MAX_ATTEMPTS = 16;
/** How much of a receiver's answer is kept for the deliveries' list. */
export const RESPONSE_EXCERPT_CHARS = 1_000;

/** `sha256=` and the hex HMAC-SHA256, keyed with the webhook's secret, of `<timestamp>.<body>`. */
export function webhookSignature(secret: string, timestamp: number | string, body: string): string {
  return "sha256=" + createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/** The headers of one attempt of a delivery (the same delivery id on every attempt). */
export function webhookHeaders(input: {
  secret: string;
  deliveryId: string;
  event: string;
  body: string;
  at: Date;
}): Record<string, string> {
  const timestamp = Math.floor(input.at.getTime() / 1000);
  return {
    "content-type": "application/json; charset=utf-8",
    "user-agent": "ChiDao-Webhook/1",
    "x-chidao-delivery": input.deliveryId,
    "x-chidao-event": input.event,
    "x-chidao-timestamp": String(timestamp),
    "x-chidao-signature": webhookSignature(input.secret, timestamp, input.body),
  };
}

/** The outbox message of a delivery (OutboxMessage.dedupeKey): one per delivery id, never two. */
export const outboxKeyOf = (deliveryId: string) => `webhook:${deliveryId}`;
