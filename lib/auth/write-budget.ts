import "server-only";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { RateLimitedError } from "@/lib/errors";

// Per-user limits on what one account may write in an hour: actions taken (WRITES_PER_HOUR) and
// bytes uploaded (UPLOAD_MB_PER_HOUR). One account once wrote 9,783 comments and 1.3 GB of files
// in two minutes; with these limits it stops at the limit with a clear message, and nobody else
// is affected. Counted in the database, so every app server shares the count.

export interface WriteLimits {
  writes: number;
  bytes: number;
}

export function writeLimits(): WriteLimits {
  const config = env();
  return { writes: config.WRITES_PER_HOUR, bytes: config.UPLOAD_MB_PER_HOUR * 1024 * 1024 };
}

const HOUR_MS = 3_600_000;

/** Counts one write of `bytes` uploaded bytes against the user's hour; refuses it past a limit. */
export async function spendWriteBudget(
  db: Db,
  userId: number,
  bytes: number,
  at = new Date(),
  limits = writeLimits(),
): Promise<void> {
  const hourStart = new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
  const [row] = await db.$queryRaw<{ writes: number; bytes: bigint }[]>`
    INSERT INTO "WriteBudget" ("userId", "hourStart", writes, bytes)
    VALUES (${userId}, ${hourStart}, 1, ${bytes})
    ON CONFLICT ("userId", "hourStart") DO UPDATE SET
      writes = "WriteBudget".writes + 1,
      bytes = "WriteBudget".bytes + ${bytes}
    RETURNING writes, bytes`;
  if (Math.random() < 0.01) {
    await db.writeBudget.deleteMany({ where: { hourStart: { lt: new Date(at.getTime() - 48 * HOUR_MS) } } });
  }
  const minutes = Math.max(1, Math.ceil((hourStart.getTime() + HOUR_MS - at.getTime()) / 60_000));
  if ((row?.writes ?? 0) > limits.writes) {
    throw new RateLimitedError(
      `Tài khoản đã thực hiện quá ${limits.writes.toLocaleString("vi-VN")} thao tác trong một giờ. Vui lòng thử lại sau ${minutes} phút.`,
      minutes * 60,
    );
  }
  if (Number(row?.bytes ?? 0) > limits.bytes) {
    const mb = Math.round(limits.bytes / 1024 / 1024).toLocaleString("vi-VN");
    throw new RateLimitedError(
      `Tài khoản đã tải lên quá ${mb} MB trong một giờ. Vui lòng thử lại sau ${minutes} phút.`,
      minutes * 60,
    );
  }
}

/** The bytes of the files in an action's parsed input (top-level fields and lists of files). */
export function uploadedBytes(input: unknown): number {
  if (!input || typeof input !== "object") return 0;
  let total = 0;
  for (const value of Object.values(input as Record<string, unknown>)) {
    if (value instanceof Blob) total += value.size;
    else if (Array.isArray(value)) for (const v of value) if (v instanceof Blob) total += v.size;
  }
  return total;
}
