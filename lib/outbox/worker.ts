// The outbox worker: sends what the app wrote to the OutboxMessage table in the same transaction
// as the change it reports (today e-mails; webhook deliveries will join). Each round claims a few
// due messages with FOR UPDATE SKIP LOCKED and a lease, so several app servers never send the same
// message at once; a failure is retried later with a doubling delay, and given up after
// MAX_ATTEMPTS. A message is sent once per dedupe key; only if a server dies between sending and
// recording could it go a second time. No "server-only": the app's own server runs it in-process.
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import type { Mailer } from "@/lib/reminders/mailer";

export const MAX_ATTEMPTS = 8;
const LEASE_MS = 120_000;

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
  const claimed = await db.$queryRaw<{ id: number; kind: string; payload: unknown; attempts: number }[]>`
    UPDATE "OutboxMessage" SET "lockedUntil" = ${new Date(now.getTime() + LEASE_MS)}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "OutboxMessage"
      WHERE "sentAt" IS NULL AND "failedAt" IS NULL AND "runAt" <= ${now}
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY id LIMIT ${opts.limit ?? 20}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, payload, attempts`;
  const result: OutboxRun = { sent: 0, retried: 0, failed: 0 };
  for (const m of claimed) {
    try {
      if (m.kind !== "email") throw new Error(`unknown outbox kind ${m.kind}`);
      if (!opts.mailer) throw new Error("SMTP is not configured");
      const payload = m.payload as EmailPayload;
      await opts.mailer.send({ to: payload.to, subject: payload.subject, text: emailText(payload, opts.baseUrl) });
      await db.outboxMessage.update({
        where: { id: m.id },
        data: { sentAt: new Date(), lockedUntil: null, lastError: null },
      });
      result.sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = m.attempts >= MAX_ATTEMPTS;
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
