import { LRUCache } from "lru-cache";
import { cache } from "react";
import type { SessionUser } from "@/lib/auth/user";
import { readDb, type Db } from "@/lib/db/client";

// Reads that many people make again and again (the overview, the overdue list, a board, the
// ranking, the API's lists) kept in this process's memory, keyed by the province's data version
// (ProvinceDataVersion, raised by a statement trigger in the transaction of every change to what
// those pages show: prisma/migrations/20261203140000_province_data_version). A cached read is
// served only while its province's version is the one it was read at, so a change is seen by the
// next request on every app server at once, and nothing is ever invalidated by hand.
//
// Why it is safe: the version is read before the data. A change that commits in between shows in
// the data read under the old version, which only makes that entry newer than its key; the next
// request reads the new version and reads again. A change never becomes visible before its version
// (the counter row is updated, so a second writer waits for the first one's commit there).
// With a read replica (DATABASE_REPLICA_URL) the version and the data come from the same replica.
//
// What is cached is frozen outside production, so a caller that changes a cached value fails its
// tests instead of changing what the next request sees.

const MAX_BYTES = Number(process.env.READ_CACHE_MB ?? 64) * 1024 * 1024;
const enabled = () => process.env.READ_CACHE !== "off";

interface Entry {
  value: unknown;
}

const globalForCache = globalThis as unknown as {
  __readCache?: LRUCache<string, Entry>;
  __readInflight?: Map<string, Promise<unknown>>;
};

function store(): LRUCache<string, Entry> {
  globalForCache.__readCache ??= new LRUCache<string, Entry>({
    maxSize: MAX_BYTES,
    // An entry's weight: its JSON length (computed once, when stored).
    sizeCalculation: (_e, key) => sizes.get(key) ?? 1024,
    dispose: (_e, key) => sizes.delete(key),
    // Old versions' entries are never read again; the size bound drops them, and so does time.
    ttl: 30 * 60_000,
  });
  return globalForCache.__readCache;
}
const sizes = new Map<string, number>();

function inflight(): Map<string, Promise<unknown>> {
  globalForCache.__readInflight ??= new Map();
  return globalForCache.__readInflight;
}

/** The province's data version now (0 before its first change). */
export async function dataVersion(db: Db, provinceId: number): Promise<string> {
  const rows = await db.$queryRaw<{ version: bigint }[]>`
    SELECT "version" FROM "ProvinceDataVersion" WHERE "provinceId" = ${provinceId}`;
  return String(rows[0]?.version ?? 0);
}

// Within one rendering (the layout and the page, several reads of one page) the version is read once.
const versionOfRequest = cache((db: Db, provinceId: number) => dataVersion(db, provinceId));

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/** Who reads: the cached answer of one reader is never served to another. */
function readerKey(user: SessionUser): string {
  return `${user.id}.${user.role}.${user.apiTokenId ?? ""}.${user.agencyIds.join(",")}`;
}

/**
 * `read()`, or its answer of an earlier call with the same key while the province's data is
 * unchanged. Concurrent calls with one key share one read. Without a province (the system
 * administrator) or with READ_CACHE=off it is just `read()`.
 */
export async function cachedRead<T>(db: Db, user: SessionUser, key: string, read: () => Promise<T>): Promise<T> {
  if (!enabled() || user.provinceId === null) return read();
  const version = await versionOfRequest(db, user.provinceId);
  const full = `${user.provinceId}:${version}:${readerKey(user)}:${key}`;
  const hit = store().get(full);
  if (hit) return hit.value as T;
  const pending = inflight().get(full);
  if (pending) return pending as Promise<T>;
  const p = read().then(
    (value) => {
      inflight().delete(full);
      sizes.set(
        full,
        Math.max(1, JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? 0 : v))?.length ?? 1),
      );
      store().set(full, { value: process.env.NODE_ENV === "production" ? value : deepFreeze(value) });
      return value;
    },
    (e: unknown) => {
      inflight().delete(full);
      throw e;
    },
  );
  inflight().set(full, p);
  return p;
}

/**
 * `fn` whose answers are cached per reader and arguments (see cachedRead): for the page-level
 * reads whose arguments are plain data (days, filters, ids).
 */
export function cachedReader<A extends unknown[], R>(
  name: string,
  fn: (db: Db, user: SessionUser, ...args: A) => Promise<R>,
): (db: Db, user: SessionUser, ...args: A) => Promise<R> {
  return (db, user, ...args) => {
    // With a read replica, the version and the data are both read there (see above).
    const reader = readDb(db);
    return cachedRead(reader, user, `${name}:${JSON.stringify(args)}`, () => fn(reader, user, ...args));
  };
}

/** Forgets every cached read (tests). */
export function clearReadCache(): void {
  store().clear();
  inflight().clear();
}
