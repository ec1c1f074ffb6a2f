import "server-only";
import type { Db } from "@/lib/db/client";
import { RateLimitedError } from "@/lib/errors";

// Failed sign-ins, counted in the database so that every app server slows the same attacker:
//   pair    (login, address): the real limit. A stranger guessing from elsewhere never locks the
//           user out of the address she signs in from.
//   address (across logins):  one client spraying one password over many logins.
//   login   (from anywhere):  distributed guessing from many addresses, held to one try every few
//           seconds; it does not apply to an address the user has signed in from before.
// The address is the client's as lib/auth/client-address.ts decides it (forwarded headers are
// believed only from TRUSTED_PROXIES), so rotating X-Forwarded-For gains nothing.

interface Rule {
  /** Failures allowed within the window before the key is locked. */
  free: number;
  windowMs: number;
  /** Lock after the `free`-th failure; doubles with each further one, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const RULES = {
  pair: { free: 5, windowMs: 3_600_000, baseDelayMs: 30_000, maxDelayMs: 15 * 60_000 },
  address: { free: 20, windowMs: 3_600_000, baseDelayMs: 60_000, maxDelayMs: 60 * 60_000 },
  login: { free: 30, windowMs: 3_600_000, baseDelayMs: 10_000, maxDelayMs: 10_000 },
} satisfies Record<string, Rule>;

/** An address the user signed in from within this time counts as hers. */
const KNOWN_ADDRESS_MS = 90 * 24 * 3_600_000;

export class SignInLockedError extends RateLimitedError {
  constructor(secondsLeft: number) {
    super(`Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${secondsLeft} giây.`, secondsLeft);
  }
}

export interface ThrottleKeys {
  pair: string;
  address: string;
  login: string;
}

export function throttleKeys(login: string, address: string | null): ThrottleKeys {
  const l = login.trim().toLowerCase().slice(0, 100);
  const a = (address ?? "unknown").slice(0, 64);
  return { pair: `pair:${l}|${a}`, address: `ip:${a}`, login: `login:${l}` };
}

/** Refuses the attempt while any key that applies is locked; says how long to wait. */
export async function assertNotLocked(db: Db, keys: ThrottleKeys, at = new Date()): Promise<void> {
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: [keys.pair, keys.address, keys.login] } },
    select: { key: true, lockedUntil: true, lastSuccessAt: true },
  });
  const row = (key: string) => rows.find((r) => r.key === key);
  const known = (row(keys.pair)?.lastSuccessAt?.getTime() ?? 0) > at.getTime() - KNOWN_ADDRESS_MS;
  const applies = [keys.pair, keys.address, ...(known ? [] : [keys.login])];
  const until = Math.max(0, ...applies.map((k) => row(k)?.lockedUntil?.getTime() ?? 0));
  if (until > at.getTime()) throw new SignInLockedError(Math.ceil((until - at.getTime()) / 1000));
}

async function countFailure(db: Db, key: string, rule: Rule, at: Date): Promise<void> {
  const windowOpen = new Date(at.getTime() - rule.windowMs);
  const [row] = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO "LoginThrottle" (key, failures, "windowStart", "updatedAt")
    VALUES (${key}, 1, ${at}, ${at})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN "LoginThrottle"."windowStart" < ${windowOpen} THEN 1 ELSE "LoginThrottle".failures + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < ${windowOpen} THEN ${at} ELSE "LoginThrottle"."windowStart" END,
      "updatedAt" = ${at}
    RETURNING failures`;
  const failures = row?.failures ?? 1;
  if (failures < rule.free) return;
  const delay = Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** (failures - rule.free));
  await db.loginThrottle.update({ where: { key }, data: { lockedUntil: new Date(at.getTime() + delay) } });
}

export async function recordFailure(db: Db, keys: ThrottleKeys, at = new Date()): Promise<void> {
  await countFailure(db, keys.pair, RULES.pair, at);
  await countFailure(db, keys.address, RULES.address, at);
  await countFailure(db, keys.login, RULES.login, at);
}

/** A right password: the pair starts afresh and its address becomes one the user is known at. */
export async function recordSuccess(db: Db, keys: ThrottleKeys, at = new Date()): Promise<void> {
  await db.loginThrottle.upsert({
    where: { key: keys.pair },
    create: { key: keys.pair, failures: 0, windowStart: at, lastSuccessAt: at },
    update: { failures: 0, windowStart: at, lockedUntil: null, lastSuccessAt: at },
  });
}
