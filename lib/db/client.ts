import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import fs from "node:fs";
import path from "node:path";
import { readReplicas } from "@prisma/extension-read-replicas";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { withClockStamps } from "@/lib/db/stamps";

// One Prisma client per process, kept on globalThis so that Next's dev reloads reuse it.
// The driver adapter is chosen once from configuration: PostgreSQL when DATABASE_URL is set,
// the embedded PGlite (data under DATA_DIR/pglite) otherwise.

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { __prisma?: PrismaClient; __pglite?: PGlite };

/**
 * A client of a PostgreSQL database and, when given, of its read replica. Every query of the client
 * itself runs on the primary: a workflow step reads the task it is about to change, and a page
 * rendered right after a change reads it back, so neither may see the replica's lag. Only what asks
 * for the replica through readDb() (the pages' cached reads) goes there, through Prisma's
 * read-replicas extension (which also spreads reads over several replicas).
 */
export function postgresClient(url: string, replicaUrl?: string): PrismaClient {
  const primary = withClockStamps(new PrismaClient({ adapter: new PrismaPg(poolConfig(url)) }));
  if (!replicaUrl) return primary;
  const replica = new PrismaClient({ adapter: new PrismaPg(poolConfig(replicaUrl)) });
  const routed = primary.$extends(readReplicas({ replicas: [replica] }));
  return primary.$extends({
    client: { $replica: () => routed.$replica(), $disconnect: () => routed.$disconnect() },
  }) as unknown as PrismaClient;
}

/**
 * The connections' settings. PostgreSQL's JIT compiler is turned off: it starts on a query whose
 * estimated cost is high, and the app's page queries (a few hundred thousand index entries at
 * most) then spend more time compiling than running (the overview's agency table at a million
 * assignments: 78 of its 149 ms). An `options` parameter in the URL replaces this one.
 */
function poolConfig(connectionString: string) {
  return { connectionString, max: 10, options: "-c jit=off" };
}

function createClient(): PrismaClient {
  const config = env();
  if (config.DATABASE_URL) return postgresClient(config.DATABASE_URL, config.DATABASE_REPLICA_URL);
  fs.mkdirSync(path.dirname(config.pgliteDir), { recursive: true });
  globalForDb.__pglite ??= new PGlite(config.pgliteDir);
  return withClockStamps(new PrismaClient({ adapter: new PrismaPGlite(globalForDb.__pglite) }));
}

export function db(): PrismaClient {
  globalForDb.__prisma ??= createClient();
  return globalForDb.__prisma;
}

/**
 * The client for a read-only page's reads: the read replica when DATABASE_REPLICA_URL is set (all
 * of the read, raw queries included, on the replica), else the one client.
 */
export function readDb(client: PrismaClient): PrismaClient {
  const replicated = client as unknown as { $replica?: () => PrismaClient };
  return typeof replicated.$replica === "function" ? replicated.$replica() : client;
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
