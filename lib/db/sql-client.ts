// A deliberately tiny SQL interface over the two databases the app runs on: a real PostgreSQL
// server (node-postgres) and the embedded PGlite. The migration runner, the command-line tools
// and the test helpers need raw, multi-statement SQL and explicit transactions, which Prisma's
// client does not offer portably; everything else in the app goes through Prisma.
//
// No `import "server-only"`: this file is also used by scripts and tests outside Next.js.
import { mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";

/** What can be done inside a transaction (and outside one). */
export interface SqlQueryable {
  /** One statement, with `$1`, `$2`… placeholders; returns the rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** A script of several statements separated by semicolons, no parameters. */
  exec(sqlScript: string): Promise<void>;
}

export interface SqlClient extends SqlQueryable {
  readonly kind: "postgres" | "pglite";
  /**
   * Runs `fn` inside BEGIN … COMMIT; any error thrown rolls everything back and is rethrown.
   * Other calls on this client wait until the transaction ends, so they never slip into it.
   */
  transaction<R>(fn: (tx: SqlQueryable) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

/**
 * A client on ONE PostgreSQL connection (not a pool): session-level state such as the migration
 * runner's advisory lock must stay on the connection that took it. Throws if the server cannot
 * be reached, so callers learn about a bad DATABASE_URL at once.
 */
export async function pgSqlClient(url: string): Promise<SqlClient> {
  const client = new pg.Client({ connectionString: url });
  // Without a listener a dropped connection would crash the process with an unhandled 'error'.
  client.on("error", () => {});
  await client.connect();

  const run: SqlQueryable = {
    async query<T>(sql: string, params?: readonly unknown[]) {
      const result = await client.query(sql, params ? [...params] : undefined);
      return result.rows as T[];
    },
    async exec(sqlScript: string) {
      // No parameters → node-postgres uses the simple query protocol, which accepts many statements.
      await client.query(sqlScript);
    },
  };

  const lock = new Mutex();
  return {
    kind: "postgres",
    query: (sql, params) => lock.run(() => run.query(sql, params)),
    exec: (sqlScript) => lock.run(() => run.exec(sqlScript)),
    transaction: (fn) =>
      lock.run(async () => {
        await client.query("BEGIN");
        try {
          const result = await fn(run);
          await client.query("COMMIT");
          return result;
        } catch (error) {
          await client.query("ROLLBACK").catch(() => {});
          throw error;
        }
      }),
    close: () => lock.run(() => client.end()),
  };
}

/** The in-memory PGlite for tests: nothing written to disk. */
export const IN_MEMORY = "memory://";

/**
 * An embedded PGlite database kept in `dataDir`, or in memory with `IN_MEMORY` ("memory://").
 * PGlite wants the data folder's parent to exist, so it is created here.
 */
export async function pgliteSqlClient(dataDir: string = IN_MEMORY): Promise<SqlClient> {
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ dataDir)), { recursive: true });
  const db = await PGlite.create(inMemory ? dataDir : path.resolve(/*turbopackIgnore: true*/ dataDir));
  return wrapPGlite(db);
}

/** Wraps an already open PGlite (e.g. one shared with Prisma's PGlite adapter). */
export function wrapPGlite(db: PGlite): SqlClient {
  // PGlite serializes queries and transactions itself, so no mutex is needed here.
  return {
    kind: "pglite",
    async query<T>(sql: string, params?: readonly unknown[]) {
      const result = await db.query<T>(sql, params ? [...params] : undefined);
      return result.rows;
    },
    async exec(sqlScript: string) {
      await db.exec(sqlScript);
    },
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          async query<T>(sql: string, params?: readonly unknown[]) {
            const result = await tx.query<T>(sql, params ? [...params] : undefined);
            return result.rows;
          },
          async exec(sqlScript: string) {
            await tx.exec(sqlScript);
          },
        }),
      ),
    close: () => db.close(),
  };
}

/** Runs tasks one at a time, in call order. */
class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<R>(task: () => Promise<R>): Promise<R> {
    const result = this.tail.then(task);
    // Keep the chain going whether the task fails or not; the caller sees the real outcome.
    this.tail = result.catch(() => {});
    return result;
  }
}
