import { inTransaction, type Db, type Tx } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { notify } from "@/lib/notifications/notify";
import { adminsOf } from "@/lib/notifications/recipients";
import { formatDateTime } from "@/lib/time/calendar";
import {
  DELIVERY_TIMEOUT_MS,
  outboxKeyOf,
  PAUSE_AFTER_MS,
  RESPONSE_EXCERPT_CHARS,
  webhookHeaders,
} from "@/lib/webhooks/events";

// One attempt of one webhook delivery, for the outbox worker (lib/outbox/worker.ts), which claimed
// its OutboxMessage and decides, from what this answers, whether it is done, retried later or
// dropped. A 2xx answer within 10 seconds is delivered; anything else (another status, a redirect,
// a timeout, no connection) fails. A webhook whose failures have lasted a day without a success
// is paused: its waiting deliveries are held, its administrators told in the app (and by e-mail).
// No "server-only": the app's own server loads it in-process with the outbox worker (lib/outbox).

export type AttemptOutcome =
  | { outcome: "sent" }
  | { outcome: "failed"; error: string }
  /** Not to be retried by the outbox: the webhook was paused or deleted. */
  | { outcome: "held"; reason: string };

export interface AttemptOptions {
  now: Date;
  /** The outbox's count of attempts, this one included. */
  attempts: number;
  /** When the outbox will try again, or null when this was the last attempt. */
  retryAt: Date | null;
}

async function post(url: string, body: string, headers: Record<string, string>) {
  const res = await fetch(url, {
    method: "POST",
    body,
    headers,
    redirect: "manual",
    signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
  });
  let text = "";
  try {
    text = (await res.text()).slice(0, RESPONSE_EXCERPT_CHARS);
  } catch {
    text = "";
  }
  return { status: res.status, text };
}

function networkError(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
    return `Bên nhận không trả lời trong ${DELIVERY_TIMEOUT_MS / 1000} giây.`;
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `Không kết nối được tới bên nhận (${detail}).`.slice(0, 500);
}

export async function attemptWebhookDelivery(db: Db, payload: unknown, opts: AttemptOptions): Promise<AttemptOutcome> {
  const id = (payload as { delivery?: unknown } | null)?.delivery;
  if (typeof id !== "number") return { outcome: "held", reason: "malformed outbox payload" };
  const delivery = await db.webhookDelivery.findUnique({
    where: { id },
    select: {
      id: true,
      deliveryId: true,
      event: true,
      payload: true,
      webhook: { select: { id: true, url: true, secret: true, pausedAt: true, failingSince: true, provinceId: true } },
    },
  });
  if (!delivery) return { outcome: "held", reason: "webhook deleted" };
  const hook = delivery.webhook;
  if (hook.pausedAt) {
    await db.webhookDelivery.update({ where: { id }, data: { status: "paused", nextAttemptAt: null } });
    return { outcome: "held", reason: "webhook paused" };
  }

  const body = JSON.stringify(delivery.payload);
  const headers = webhookHeaders({
    secret: hook.secret,
    deliveryId: delivery.deliveryId,
    event: delivery.event,
    body,
    at: opts.now,
  });
  let status: number | null = null;
  let text: string | null = null;
  let error: string | null = null;
  try {
    const res = await post(hook.url, body, headers);
    status = res.status;
    text = res.text;
    if (status < 200 || status > 299) error = `Bên nhận trả lời HTTP ${status}.`;
  } catch (e) {
    error = networkError(e);
  }
  const attempt = { attempts: opts.attempts, lastAttemptAt: opts.now, lastStatusCode: status, lastResponse: text };

  if (!error) {
    await db.$transaction([
      db.webhookDelivery.update({
        where: { id },
        data: { ...attempt, status: "delivered", lastError: null, deliveredAt: opts.now, nextAttemptAt: null },
      }),
      db.webhook.update({ where: { id: hook.id }, data: { failingSince: null } }),
    ]);
    return { outcome: "sent" };
  }

  const failingSince = hook.failingSince ?? opts.now;
  if (!hook.failingSince)
    await db.webhook.updateMany({ where: { id: hook.id, failingSince: null }, data: { failingSince: opts.now } });
  if (opts.now.getTime() - failingSince.getTime() >= PAUSE_AFTER_MS) {
    await db.webhookDelivery.update({ where: { id }, data: { ...attempt, lastError: error } });
    await pauseFailingWebhook(db, hook.id, failingSince, error, opts.now);
    return { outcome: "held", reason: "webhook paused" };
  }
  await db.webhookDelivery.update({
    where: { id },
    data: {
      ...attempt,
      lastError: error,
      status: opts.retryAt ? "failed" : "given_up",
      nextAttemptAt: opts.retryAt,
    },
  });
  return { outcome: "failed", error };
}

/** Pauses a webhook that has failed since `since`, holds its waiting deliveries and tells its administrators. */
async function pauseFailingWebhook(db: Db, webhookId: number, since: Date, lastError: string, at: Date) {
  await inTransaction(db, async (tx) => {
    const reason = `Bên nhận lỗi liên tục từ ${formatDateTime(since)}. Lỗi gần nhất: ${lastError}`;
    const { count } = await tx.webhook.updateMany({
      where: { id: webhookId, pausedAt: null },
      data: { pausedAt: at, pauseReason: reason },
    });
    if (count === 0) return; // another server paused it first
    await holdWaitingDeliveries(tx, webhookId, at);
    const hook = await tx.webhook.findUniqueOrThrow({
      where: { id: webhookId },
      select: { url: true, provinceId: true },
    });
    await notify(tx, [
      {
        kind: "webhook_paused",
        provinceId: hook.provinceId,
        eventKey: `webhook:${webhookId}:paused:${at.getTime()}`,
        subject: "Webhook bị tạm dừng",
        recipients: await adminsOf(tx, hook.provinceId),
        items: [
          {
            title: `Webhook ${hook.url} đã bị tạm dừng`,
            body: `${reason} Sửa bên nhận rồi chọn "Tiếp tục gửi" trên trang của webhook.`,
            link: `/quan-tri/webhook/${webhookId}`,
          },
        ],
      },
    ]);
    logger.warn({ webhookId }, "webhook paused after a day of failures");
  });
}

/** Marks the webhook's waiting deliveries held ("paused") and takes them out of the outbox's queue. */
export async function holdWaitingDeliveries(tx: Db | Tx, webhookId: number, at: Date) {
  const waiting = await tx.webhookDelivery.findMany({
    where: { webhookId, status: { in: ["pending", "failed"] } },
    select: { id: true, deliveryId: true },
  });
  if (waiting.length === 0) return;
  await tx.webhookDelivery.updateMany({
    where: { id: { in: waiting.map((d) => d.id) } },
    data: { status: "paused", nextAttemptAt: null },
  });
  await tx.outboxMessage.updateMany({
    where: { dedupeKey: { in: waiting.map((d) => outboxKeyOf(d.deliveryId)) }, sentAt: null, failedAt: null },
    data: { failedAt: at, lockedUntil: null, lastError: "webhook paused" },
  });
}
