// The outbox worker: sends what the app wrote to the OutboxMessage table in the same transaction
// as the change it reports (e-mails, and webhook deliveries: lib/webhooks/deliver.ts). Each round claims a few
// due messages with FOR UPDATE SKIP LOCKED and a lease, so several app servers never send the same
// message at once; a failure is retried later with a doubling delay, and given up after
// MAX_ATTEMPTS (a webhook delivery after WEBHOOK_MAX_ATTEMPTS, about 32 hours, so that a receiver
// failing for a day is paused first). A message is sent once per dedupe key; only if a server dies
// between sending and recording could it go a second time (a webhook receiver dedupes on the
// delivery id). The app's own server runs it in-process, with the react-server condition.
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import type { Mailer } from "@/lib/reminders/mailer";
import { attemptWebhookDelivery } from "@/lib/webhooks/deliver";
import { WEBHOOK_MAX_ATTEMPTS } from "@/lib/webhooks/events";

export const MAX_ATTEMPTS = 8;
// Long enough for a round of 20 webhook deliveries that each wait their full 10 seconds.
const LEASE_MS = 300_000;

export interface EmailPayload {
  to: string;
  subject: string;
  items: { title: string; body?: string; link?: string }[];
}

export interface OutboxRun {
  sent: number;
  retried: number;
  failed: number;
}

/** Minutes to wait before the attempt after `attempts` failed ones: 1, 2, 4 … up to 4 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(4 * 3_600_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

export function emailText(payload: EmailPayload, baseUrl: string): string {
  const lines = payload.items.map((i) => {
    const link = i.link ? `\n  ${new URL(i.link, baseUrl).toString()}` : "";
    return `- ${i.title}${i.body ? `\n  ${i.body}` : ""}${link}`;
  });
  return [
    payload.items.length > 1 ? `${payload.subject}:` : payload.subject,
    "",
    ...lines,
    "",
    `Xem và xử lý tại ${baseUrl}`,
    "",
    "Thư tự động của Hệ thống theo dõi chỉ đạo phòng, chống dịch. Chọn loại thư muốn nhận ở mục Tài khoản.",
  ].join("\n");
}

export async function runOutbox(
  db: Db,
  opts: { mailer: Mailer | null; baseUrl: string; now?: Date; limit?: number },
): Promise<OutboxRun> {
  const now = opts.now ?? new Date();
  // Without a mail server, e-mails wait (none are written then: lib/notifications/notify.ts).
  const kinds = opts.mailer ? ["email", "webhook"] : ["webhook"];
  const claimed = await db.$queryRaw<{ id: number; kind: string; payload: unknown; attempts: number }[]>`
    UPDATE "OutboxMessage" SET "lockedUntil" = ${new Date(now.getTime() + LEASE_MS)}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "OutboxMessage"
      WHERE "sentAt" IS NULL AND "failedAt" IS NULL AND "runAt" <= ${now}
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now}) AND kind = ANY(${kinds}::text[])
      ORDER BY id LIMIT ${opts.limit ?? 20}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, payload, attempts`;
  const result: OutboxRun = { sent: 0, retried: 0, failed: 0 };
  // In the order they were written (RETURNING keeps none): a receiver sees a task's steps in turn.
  claimed.sort((a, b) => a.id - b.id);
  for (const m of claimed) {
    const maxAttempts = m.kind === "webhook" ? WEBHOOK_MAX_ATTEMPTS : MAX_ATTEMPTS;
    try {
      if (m.kind === "webhook") {
        const retryAt = m.attempts >= maxAttempts ? null : new Date(now.getTime() + backoffMs(m.attempts));
        const r = await attemptWebhookDelivery(db, m.payload, { now, attempts: m.attempts, retryAt });
        if (r.outcome === "failed") throw new Error(r.error);
        if (r.outcome === "held") {
          await db.outboxMessage.update({
            where: { id: m.id },
            data: { failedAt: now, lockedUntil: null, lastError: r.reason },
          });
          result.failed++;
          continue;
        }
      } else if (m.kind === "email") {
        if (!opts.mailer) throw new Error("SMTP is not configured");
        const payload = m.payload as EmailPayload;
        await opts.mailer.send({ to: payload.to, subject: payload.subject, text: emailText(payload, opts.baseUrl) });
      } else throw new Error(`unknown outbox kind ${m.kind}`);
      await db.outboxMessage.update({
        where: { id: m.id },
        data: { sentAt: new Date(), lockedUntil: null, lastError: null },
      });
      result.sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = m.attempts >= maxAttempts;
      await db.outboxMessage.update({
        where: { id: m.id },
        data: giveUp
          ? { failedAt: new Date(), lockedUntil: null, lastError: message.slice(0, 500) }
          : {
              runAt: new Date(now.getTime() + backoffMs(m.attempts)),
              lockedUntil: null,
              lastError: message.slice(0, 500),
            },
      });
      if (giveUp) result.failed++;
      else result.retried++;
      logger.warn(
        { outboxId: m.id, attempts: m.attempts, err: message },
        giveUp ? "outbox message given up" : "outbox message will be retried",
      );
    }
  }
  return result;
}
