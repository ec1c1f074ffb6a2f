import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import fs from "node:fs";
import path from "node:path";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { withClockStamps } from "@/lib/db/stamps";

// One Prisma client per process, kept on globalThis so that Next's dev reloads reuse it.
// The driver adapter is chosen once from configuration: PostgreSQL when DATABASE_URL is set,
// the embedded PGlite (data under DATA_DIR/pglite) otherwise.

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { __prisma?: PrismaClient; __pglite?: PGlite };

function createClient(): PrismaClient {
  const config = env();
  if (config.DATABASE_URL) {
    return withClockStamps(
      new PrismaClient({ adapter: new PrismaPg({ connectionString: config.DATABASE_URL, max: 10 }) }),
    );
  }
  fs.mkdirSync(path.dirname(config.pgliteDir), { recursive: true });
  globalForDb.__pglite ??= new PGlite(config.pgliteDir);
  return withClockStamps(new PrismaClient({ adapter: new PrismaPGlite(globalForDb.__pglite) }));
}

export function db(): PrismaClient {
  globalForDb.__prisma ??= createClient();
  return globalForDb.__prisma;
}

/** The embedded database this process holds open, if any (a backup asked of the running app reads it). */
export function embeddedDatabase(): PGlite | undefined {
  db();
  return globalForDb.__pglite;
}

/** Closes the client (and the embedded database) so that another process may open it. */
export async function closeDb(): Promise<void> {
  await globalForDb.__prisma?.$disconnect();
  globalForDb.__prisma = undefined;
  await globalForDb.__pglite?.close();
  globalForDb.__pglite = undefined;
}

/** Lets tests hand the app functions a client of their own database. */
export function useDbForTests(client: PrismaClient): void {
  globalForDb.__prisma = client;
}

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * Runs `fn` in a transaction: a new one on a client, or the caller's when it already holds one
 * (the demo seed stores everything in one transaction through the same services the app uses).
 */
export function inTransaction<T>(
  database: Db | Tx,
  fn: (tx: Tx) => Promise<T>,
  options?: { timeout?: number; maxWait?: number },
): Promise<T> {
  // A transaction's client has no $disconnect (it would nest a savepoint, which PGlite lacks).
  return "$disconnect" in database ? (database as Db).$transaction(fn, options) : fn(database);
}
