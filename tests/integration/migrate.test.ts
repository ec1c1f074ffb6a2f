// The migration runner against a real database: PostgreSQL when DATABASE_URL is set, otherwise
// the in-memory PGlite. Each test gets its own empty or migrated database.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterEach, describe, expect, it } from "vitest";
import {
  applyMigrations,
  DatabaseNotEmptyError,
  DEFAULT_MIGRATIONS_DIR,
  MigrationApplyError,
  migrationChecksum,
  MigrationMissingError,
  MigrationModifiedError,
  MigrationPreviouslyFailedError,
  readMigrations,
} from "@/lib/db/migrate";
import { pgSqlClient, wrapPGlite, type SqlClient } from "@/lib/db/sql-client";
import { prismaSchemaEngine } from "@/tests/helpers/prisma-schema-engine";
import { createTestDatabase, usingRealPostgres, type TestDatabase } from "@/tests/helpers/test-database";

const INIT = "20261123000000_init";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function emptyDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase({ migrate: false });
  cleanups.push(() => db.drop());
  return db;
}

/** A copy of prisma/migrations in a temporary folder, to edit freely. */
function copyOfMigrations(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
  cpSync(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function addMigration(dir: string, name: string, sql: string): void {
  mkdirSync(path.join(dir, name));
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

interface Row {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  logs: string | null;
  started_at: unknown;
  applied_steps_count: number;
}

const history = (sql: SqlClient) =>
  sql.query<Row>(`SELECT * FROM "_prisma_migrations" ORDER BY "started_at", "migration_name"`);

async function tableExists(sql: SqlClient, table: string): Promise<boolean> {
  const [row] = await sql.query<{ exists: boolean }>("SELECT to_regclass($1) IS NOT NULL AS exists", [`"${table}"`]);
  return row?.exists === true;
}

describe("applyMigrations", () => {
  it("applies every migration to a fresh database and records it as Prisma does; a second run applies nothing", async () => {
    const { sql } = await emptyDatabase();
    const files = readMigrations();
    expect(files.map((f) => f.name)).toContain(INIT);

    const first = await applyMigrations(sql);
    expect(first.applied).toEqual(files.map((f) => f.name));

    const rows = await history(sql);
    expect(rows).toHaveLength(files.length);
    for (const [i, file] of files.entries()) {
      const row = rows[i]!;
      expect(row.migration_name).toBe(file.name);
      // Prisma's checksum: sha256 of the file's bytes, lowercase hex.
      const bytes = readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, file.name, "migration.sql"));
      expect(row.checksum).toBe(migrationChecksum(bytes));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    expect(await tableExists(sql, "Notice")).toBe(true);

    const second = await applyMigrations(sql);
    expect(second.applied).toEqual([]);
    expect(await history(sql)).toHaveLength(files.length);
  });

  it("creates _prisma_migrations with Prisma's exact columns", async () => {
    const { sql } = await emptyDatabase();
    await applyMigrations(sql);
    const columns = await sql.query<{
      column_name: string;
      data_type: string;
      nullable: string;
      default: string | null;
      len: number | null;
    }>(
      `SELECT column_name, data_type, is_nullable AS nullable, column_default AS default, character_maximum_length AS len
         FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = '_prisma_migrations'
        ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", nullable: "NO", default: null, len: 36 },
      { column_name: "checksum", data_type: "character varying", nullable: "NO", default: null, len: 64 },
      { column_name: "finished_at", data_type: "timestamp with time zone", nullable: "YES", default: null, len: null },
      { column_name: "migration_name", data_type: "character varying", nullable: "NO", default: null, len: 255 },
      { column_name: "logs", data_type: "text", nullable: "YES", default: null, len: null },
      {
        column_name: "rolled_back_at",
        data_type: "timestamp with time zone",
        nullable: "YES",
        default: null,
        len: null,
      },
      { column_name: "started_at", data_type: "timestamp with time zone", nullable: "NO", default: "now()", len: null },
      { column_name: "applied_steps_count", data_type: "integer", nullable: "NO", default: "0", len: null },
    ]);
  });

  it("refuses, with a clear message, when an applied migration's file was changed", async () => {
    const { sql } = await emptyDatabase();
    await applyMigrations(sql);
    const dir = copyOfMigrations();
    const file = path.join(dir, INIT, "migration.sql");
    writeFileSync(file, readFileSync(file, "utf8").replace('"title" TEXT NOT NULL', '"title" VARCHAR(500) NOT NULL'));

    const error = await applyMigrations(sql, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationModifiedError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^Migration ${INIT} was modified after it was applied \\(recorded checksum [0-9a-f]{64}, file now [0-9a-f]{64}\\)`,
      ),
    );
    expect((error as Error).message).not.toContain("\n");
  });

  it("does not take CRLF line endings (a Windows checkout) for a change, as Prisma does not", async () => {
    const { sql } = await emptyDatabase();
    await applyMigrations(sql);
    const dir = copyOfMigrations();
    const file = path.join(dir, INIT, "migration.sql");
    writeFileSync(file, readFileSync(file, "utf8").replace(/\n/g, "\r\n"));
    expect((await applyMigrations(sql, { dir })).applied).toEqual([]);
  });

  it("refuses when an applied migration is missing from the folder", async () => {
    const { sql } = await emptyDatabase();
    await applyMigrations(sql);
    const dir = copyOfMigrations();
    rmSync(path.join(dir, INIT), { recursive: true });
    const error = await applyMigrations(sql, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationMissingError);
    expect((error as Error).message).toContain(
      `Migration ${INIT} is recorded as applied in the database but is missing`,
    );
  });

  it("refuses when an earlier attempt failed (finished_at and rolled_back_at null), until it is resolved", async () => {
    const { sql } = await emptyDatabase();
    await applyMigrations(sql);
    const dir = copyOfMigrations();
    addMigration(dir, "20261124000000_next", `CREATE TABLE "Next" ("id" INTEGER);`);
    // What Prisma's CLI leaves behind when a migration fails half-way.
    await sql.query(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "logs", "applied_steps_count")
       VALUES ('00000000-0000-4000-8000-000000000000', $1, '20261124000000_next', 'boom', 0)`,
      [migrationChecksum(`CREATE TABLE "Next" ("id" INTEGER);`)],
    );
    const error = await applyMigrations(sql, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationPreviouslyFailedError);
    expect((error as Error).message).toContain("Migration 20261124000000_next failed in an earlier attempt");
    expect(await tableExists(sql, "Next")).toBe(false);

    // `prisma migrate resolve --rolled-back` marks it; then it is applied again.
    await sql.query(`UPDATE "_prisma_migrations" SET "rolled_back_at" = now() WHERE "finished_at" IS NULL`);
    expect((await applyMigrations(sql, { dir })).applied).toEqual(["20261124000000_next"]);
    expect(await tableExists(sql, "Next")).toBe(true);
  });

  it("leaves the database as it was when a migration fails, and names the migration and the SQL error", async () => {
    const { sql } = await emptyDatabase();
    await applyMigrations(sql);
    const before = await history(sql);

    const dir = copyOfMigrations();
    addMigration(
      dir,
      "20261124000000_broken",
      [
        `CREATE TABLE "Broken" ("id" INTEGER NOT NULL);`,
        `ALTER TABLE "Notice" ADD COLUMN "extra" TEXT;`,
        `INSERT INTO "DoesNotExist" VALUES (1);`,
        "",
      ].join("\n"),
    );
    const error = await applyMigrations(sql, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationApplyError);
    const message = (error as Error).message;
    expect(message).toContain("Migration 20261124000000_broken failed and was rolled back, the database is unchanged");
    expect(message).toContain('relation "DoesNotExist" does not exist');
    expect(message).toContain("SQLSTATE 42P01");
    expect(message).toContain("migration.sql line 3");

    expect(await tableExists(sql, "Broken")).toBe(false);
    const extra = await sql.query(
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'Notice' AND column_name = 'extra'`,
    );
    expect(extra).toEqual([]);
    expect(await history(sql)).toEqual(before);
  });

  it("rolls back a failing first migration completely, bookkeeping included", async () => {
    const { sql } = await emptyDatabase();
    const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    addMigration(dir, "20260101000000_first", `CREATE TABLE "First" ("id" INTEGER);\nSELECT 1/0;\n`);

    await expect(applyMigrations(sql, { dir })).rejects.toThrow(
      /Migration 20260101000000_first failed.*division by zero/,
    );
    expect(await tableExists(sql, "First")).toBe(false);
    expect(await sql.query(`SELECT * FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL`)).toEqual([]);
  });

  it("refuses to run the first migration over tables that have no migration history (like Prisma's P3005)", async () => {
    const { sql } = await emptyDatabase();
    await sql.exec(`CREATE TABLE "Stray" ("id" INTEGER)`);
    await expect(applyMigrations(sql)).rejects.toBeInstanceOf(DatabaseNotEmptyError);
    expect(await tableExists(sql, "Notice")).toBe(false);
  });

  it("applies once when two runs share one client (one PGlite, one connection)", async () => {
    const { sql } = await emptyDatabase();
    const [a, b] = await Promise.all([applyMigrations(sql), applyMigrations(sql)]);
    expect([...a.applied, ...b.applied]).toEqual(readMigrations().map((f) => f.name));
    expect(await history(sql)).toHaveLength(readMigrations().length);
  });

  // PostgreSQL only: two separate sessions need a server; the embedded PGlite has one session.
  it.skipIf(!usingRealPostgres())(
    "applies once when two servers start together (two connections, real PostgreSQL)",
    async () => {
      const db = await emptyDatabase();
      const other = await pgSqlClient(db.url!);
      cleanups.push(() => other.close());
      const waited: string[] = [];
      const [a, b] = await Promise.all([
        applyMigrations(db.sql, { log: (line) => waited.push(line) }),
        applyMigrations(other, { log: (line) => waited.push(line) }),
      ]);
      expect([...a.applied, ...b.applied].sort()).toEqual(readMigrations().map((f) => f.name));
      expect(Math.min(a.applied.length, b.applied.length)).toBe(0);
      expect(await history(db.sql)).toHaveLength(readMigrations().length);
    },
  );
});

describe("AuditLog is append-only", () => {
  let db: TestDatabase;

  async function withEntry(): Promise<string> {
    db = await createTestDatabase();
    cleanups.push(() => db.drop());
    const [row] = await db.sql.query<{ id: string }>(
      `INSERT INTO "AuditLog" ("action", "entityType", "entityId", "after")
       VALUES ('notice.create', 'Notice', 1, '{"title":"x"}') RETURNING "id"::text AS "id"`,
    );
    return row!.id;
  }

  it("refuses UPDATE, DELETE and TRUNCATE with a clear message, and keeps the row", async () => {
    const id = await withEntry();
    await expect(db.sql.query(`UPDATE "AuditLog" SET "action" = 'x' WHERE "id" = $1`, [id])).rejects.toThrow(
      "AuditLog is append-only: UPDATE is not allowed",
    );
    await expect(db.sql.query(`DELETE FROM "AuditLog" WHERE "id" = $1`, [id])).rejects.toThrow(
      "AuditLog is append-only: DELETE is not allowed",
    );
    await expect(db.sql.exec(`TRUNCATE "AuditLog"`)).rejects.toThrow(
      "AuditLog is append-only: TRUNCATE is not allowed",
    );
    const rows = await db.sql.query<{ action: string }>(`SELECT "action" FROM "AuditLog"`);
    expect(rows).toEqual([{ action: "notice.create" }]);
  });

  it("refuses changes made through Prisma too, while inserts work", async () => {
    await withEntry();
    await db.prisma.auditLog.create({ data: { action: "notice.publish", entityType: "Notice", entityId: 1 } });
    expect(await db.prisma.auditLog.count()).toBe(2);
    await expect(db.prisma.auditLog.updateMany({ data: { action: "x" } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
    expect(await db.prisma.auditLog.count()).toBe(2);
  });
});

// What `prisma migrate status` would say, asked of Prisma's own schema engine (its WebAssembly
// build; the CLI's native one cannot be downloaded here) on a database our runner migrated.
describe("Prisma's schema engine agrees with the history our runner keeps", () => {
  const schema = readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, "..", "schema.prisma"), "utf8");

  async function migratedWithEngine() {
    if (usingRealPostgres()) {
      const db = await createTestDatabase();
      cleanups.push(() => db.drop());
      const engine = await prismaSchemaEngine(schema, new PrismaPg({ connectionString: db.url! }));
      cleanups.push(() => engine.free());
      return { sql: db.sql, engine };
    }
    const pglite = await PGlite.create("memory://");
    cleanups.push(() => pglite.close());
    const sql = wrapPGlite(pglite);
    await applyMigrations(sql);
    const engine = await prismaSchemaEngine(schema, new PrismaPGlite(pglite));
    cleanups.push(() => engine.free());
    return { sql, engine };
  }

  it("sees every migration applied, none edited or failed, and the history up to date", async () => {
    const { engine } = await migratedWithEngine();
    expect(await engine.diagnoseMigrationHistory(DEFAULT_MIGRATIONS_DIR)).toEqual({
      editedMigrationNames: [],
      failedMigrationNames: [],
      hasMigrationsTable: true,
      history: null,
    });
  });

  it("sees an edited file as edited and a new migration as pending, like our runner", async () => {
    const { engine } = await migratedWithEngine();
    const dir = copyOfMigrations();
    const file = path.join(dir, INIT, "migration.sql");
    writeFileSync(file, `${readFileSync(file, "utf8")}\n-- edited\n`);
    addMigration(dir, "20261124000000_next", `CREATE TABLE "Next" ("id" INTEGER);`);
    const diagnosis = await engine.diagnoseMigrationHistory(dir);
    expect(diagnosis.editedMigrationNames).toEqual([INIT]);
    expect(diagnosis.history).toEqual({
      diagnostic: "databaseIsBehind",
      unappliedMigrationNames: ["20261124000000_next"],
    });
  });
});
