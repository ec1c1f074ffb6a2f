// A fresh, migrated database for one integration test file (or one test).
//
// With DATABASE_URL set (CI, or a developer's PostgreSQL): a new database `test_<pid>_<random>`
// is created on that server, so parallel test files and earlier runs' leftovers never meet.
// Without it: an in-memory PGlite, gone when closed. Either way the schema comes from the real
// migrations in prisma/migrations, the same path production takes.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { randomBytes } from "node:crypto";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { applyMigrations } from "@/lib/db/migrate";
import { pgSqlClient, wrapPGlite, type SqlClient } from "@/lib/db/sql-client";
import { PrismaClient } from "@/lib/generated/prisma/client";

export interface TestDatabase {
  /** The test database's connection string; null for the in-memory PGlite. */
  url: string | null;
  /** Raw SQL on the same database (one dedicated connection, or the PGlite instance). */
  sql: SqlClient;
  prisma: PrismaClient;
  /** Disconnects everything and removes the database. Call it in afterAll/afterEach. */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Apply prisma/migrations (default true); false gives an empty database, for migration tests. */
  migrate?: boolean;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  const serverUrl = process.env.DATABASE_URL?.trim();
  return serverUrl ? createOnServer(serverUrl, migrate) : createInMemory(migrate);
}

/** Whether tests run against a real PostgreSQL server (some tests, e.g. concurrency, need one). */
export function usingRealPostgres(): boolean {
  return Boolean(process.env.DATABASE_URL?.trim());
}

async function createOnServer(serverUrl: string, migrate: boolean): Promise<TestDatabase> {
  const name = `test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const testUrl = url.href;

  await withAdmin(serverUrl, (admin) => admin.exec(`CREATE DATABASE "${name}"`));
  let sql: SqlClient | undefined;
  try {
    sql = await pgSqlClient(testUrl);
    if (migrate) await applyMigrations(sql);
  } catch (error) {
    await sql?.close().catch(() => {});
    await withAdmin(serverUrl, (admin) => admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: testUrl }) });
  const opened = sql;

  let dropped = false;
  return {
    url: testUrl,
    sql: opened,
    prisma,
    async drop() {
      if (dropped) return;
      dropped = true;
      await prisma.$disconnect().catch(() => {});
      await opened.close().catch(() => {});
      // FORCE ends connections a test may have left open (PostgreSQL 13+).
      await withAdmin(serverUrl, (admin) => admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function createInMemory(migrate: boolean): Promise<TestDatabase> {
  // One PGlite instance shared by the raw client and Prisma, so both see the same data.
  const pglite = await PGlite.create("memory://");
  const sql = wrapPGlite(pglite);
  if (migrate) await applyMigrations(sql);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });

  let dropped = false;
  return {
    url: null,
    sql,
    prisma,
    async drop() {
      if (dropped) return;
      dropped = true;
      await prisma.$disconnect().catch(() => {});
      await pglite.close().catch(() => {});
    },
  };
}

async function withAdmin(serverUrl: string, fn: (admin: SqlClient) => Promise<void>): Promise<void> {
  const admin = await pgSqlClient(serverUrl);
  try {
    await fn(admin);
  } finally {
    await admin.close();
  }
}
