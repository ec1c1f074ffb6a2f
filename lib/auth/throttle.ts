import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

// Failed sign-ins are counted per login and per client address in the database, so every app
// server behind a load balancer slows the same attacker down. From the FREE_FAILURES-th failure
// on, the key is locked for a delay that doubles with each further failure.

const FREE_FAILURES = 5;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;

export class SignInLockedError extends AppError {
  constructor(readonly secondsLeft: number) {
    super(`Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${secondsLeft} giây.`);
  }
}

export function throttleKeys(login: string, address: string | null): string[] {
  const keys = [`user:${login.trim().toLowerCase()}`];
  if (address) keys.push(`ip:${address}`);
  return keys;
}

export async function assertNotLocked(db: Db, keys: string[], at = new Date()): Promise<void> {
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: keys }, lockedUntil: { gt: at } },
    select: { lockedUntil: true },
  });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil!.getTime()));
  if (until > at.getTime()) throw new SignInLockedError(Math.ceil((until - at.getTime()) / 1000));
}

export async function recordFailure(db: Db, keys: string[], at = new Date()): Promise<void> {
  for (const key of keys) {
    const row = await db.loginThrottle.upsert({
      where: { key },
      create: { key, failures: 1 },
      update: { failures: { increment: 1 } },
      select: { failures: true },
    });
    if (row.failures >= FREE_FAILURES) {
      const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (row.failures - FREE_FAILURES));
      await db.loginThrottle.update({ where: { key }, data: { lockedUntil: new Date(at.getTime() + delay) } });
    }
  }
}

export async function recordSuccess(db: Db, login: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: `user:${login.trim().toLowerCase()}` } });
}
