// The project's own migration runner. Prisma's CLI cannot download its schema engine on our
// machines, so migrations (written by hand, in Prisma's folder layout) are applied here, keeping
// Prisma's `_prisma_migrations` bookkeeping byte for byte the way Prisma keeps it. On a machine
// where the engine can be downloaded, `prisma migrate status` and `prisma migrate deploy` then see
// the same history we wrote and agree with it.
//
// No `import "server-only"`: used by `npm run db:migrate`, the start script and the tests.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { SqlClient } from "./sql-client";

/** The lock key Prisma's schema engine uses, so our runner and Prisma's CLI also exclude each other. */
export const PRISMA_ADVISORY_LOCK_KEY = 72707369;

// From the project's root, where every script and the server run (a bundler cannot follow a
// folder named through import.meta.url).
export const DEFAULT_MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

/** Every refusal or failure of the runner; `message` is one line meant for an operator. */
export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** An applied migration's file no longer has the checksum recorded when it was applied. */
export class MigrationModifiedError extends MigrationError {
  constructor(
    readonly migrationName: string,
    readonly recordedChecksum: string,
    readonly fileChecksum: string,
  ) {
    super(
      `Migration ${migrationName} was modified after it was applied (recorded checksum ${recordedChecksum}, ` +
        `file now ${fileChecksum}): restore the original migration.sql and put the change in a new migration.`,
    );
  }
}

/** The database records a migration that is not in the migrations folder. */
export class MigrationMissingError extends MigrationError {
  constructor(readonly migrationName: string) {
    super(
      `Migration ${migrationName} is recorded as applied in the database but is missing from the migrations folder: ` +
        `restore it (this code may be older than the database).`,
    );
  }
}

/** `_prisma_migrations` records an attempt that neither finished nor was marked rolled back. */
export class MigrationPreviouslyFailedError extends MigrationError {
  constructor(readonly migrationName: string) {
    super(
      `Migration ${migrationName} failed in an earlier attempt and the database may be half-migrated: ` +
        `repair the database, then mark it with \`prisma migrate resolve --rolled-back ${migrationName}\` ` +
        `(or --applied) before migrating again.`,
    );
  }
}

/** Applying a migration failed now; its transaction was rolled back. */
export class MigrationApplyError extends MigrationError {
  constructor(
    readonly migrationName: string,
    cause: unknown,
    script?: string,
  ) {
    const line = script === undefined ? undefined : errorLine(cause, script);
    super(
      `Migration ${migrationName} failed and was rolled back, the database is unchanged: ` +
        `${describeSqlError(cause)}${line === undefined ? "" : ` (migration.sql line ${line})`}`,
      { cause },
    );
  }
}

/** Tables exist but no migration history: applying the first migration would collide with them. */
export class DatabaseNotEmptyError extends MigrationError {
  constructor(readonly tables: string[]) {
    super(
      `The database schema is not empty (tables ${tables.slice(0, 5).join(", ")}${tables.length > 5 ? ", …" : ""}) ` +
        `but has no _prisma_migrations table: migrate an empty database, or baseline this one first.`,
    );
  }
}

/** The migrations folder is missing or unreadable. */
export class MigrationsFolderError extends MigrationError {}

export interface MigrationFile {
  name: string;
  script: string;
  checksum: string;
}

interface MigrationRow {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
}

/**
 * Prisma's checksum: SHA-256 of the migration.sql bytes, in lowercase hex. Prisma reads the file
 * as UTF-8 text, whose bytes are the file's bytes.
 */
export function migrationChecksum(script: string | Buffer): string {
  return createHash("sha256").update(script).digest("hex");
}

/**
 * Like Prisma, also accept the checksum of the same script with other line endings, so that a
 * checkout with CRLF endings (git autocrlf on Windows) is not taken for an edited migration.
 */
function matchesChecksum(script: string, checksum: string): boolean {
  if (migrationChecksum(script) === checksum) return true;
  const lf = script.replace(/\r\n/g, "\n");
  return migrationChecksum(lf) === checksum || migrationChecksum(lf.replace(/\n/g, "\r\n")) === checksum;
}

/** The migrations in `dir`, in name order (their names start with a timestamp). */
export function readMigrations(dir: string = DEFAULT_MIGRATIONS_DIR): MigrationFile[] {
  // The folder is read at run time from the project, not bundled (hence the ignore marks).
  if (!existsSync(/*turbopackIgnore: true*/ dir))
    throw new MigrationsFolderError(`Migrations folder not found: ${dir}`);
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort() // code-unit order, as Prisma sorts them
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name, "migration.sql"));
      return { name, script: bytes.toString("utf8"), checksum: migrationChecksum(bytes) };
    });
}

// Prisma's own DDL for the bookkeeping table (PostgreSQL flavour of its schema engine).
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Applies every pending migration of `dir` (default prisma/migrations), each in its own
 * transaction together with its `_prisma_migrations` row, so a failure leaves the database as it
 * was. Refuses to run if an applied migration was modified or removed, or if an earlier attempt
 * failed. Safe to call from several servers at once: they queue on Prisma's advisory lock.
 *
 * A migration must not contain its own BEGIN/COMMIT, nor statements that cannot run inside a
 * transaction (CREATE INDEX CONCURRENTLY, ALTER TYPE … ADD VALUE before PostgreSQL 12).
 */
export async function applyMigrations(client: SqlClient, opts: MigrateOptions = {}): Promise<{ applied: string[] }> {
  // The advisory lock excludes other sessions only: calls sharing ONE session (one PGlite, one
  // connection) would both get it at once, so they also queue here, in process.
  const previous = runsInProgress.get(client) ?? Promise.resolve();
  const run = previous.then(() => applyMigrationsLocked(client, opts));
  const settled = run.then(
    () => {},
    () => {},
  );
  runsInProgress.set(client, settled);
  try {
    return await run;
  } finally {
    if (runsInProgress.get(client) === settled) runsInProgress.delete(client);
  }
}

const runsInProgress = new WeakMap<SqlClient, Promise<void>>();

export interface MigrateOptions {
  dir?: string;
  log?: (line: string) => void;
  /** Apply only these (by name): a restore rebuilds the schema its backup was made on. */
  only?: readonly string[];
}

async function applyMigrationsLocked(client: SqlClient, opts: MigrateOptions): Promise<{ applied: string[] }> {
  const log = opts.log ?? (() => {});
  const all = readMigrations(opts.dir ?? DEFAULT_MIGRATIONS_DIR);
  const migrations = opts.only ? all.filter((m) => opts.only!.includes(m.name)) : all;

  const [{ locked } = { locked: false }] = await client.query<{ locked: boolean }>(
    "SELECT pg_try_advisory_lock($1) AS locked",
    [PRISMA_ADVISORY_LOCK_KEY],
  );
  if (!locked) {
    log("Another migration run holds the lock; waiting for it to finish…");
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
  }
  try {
    // Everything below runs under the lock, so a server that waited sees what the other applied.
    await ensureMigrationsTable(client);
    const rows = await client.query<MigrationRow>(
      `SELECT "id", "checksum", "migration_name", "finished_at", "rolled_back_at"
         FROM "_prisma_migrations" ORDER BY "started_at", "migration_name"`,
    );
    const pending = checkHistory(migrations, rows);

    const applied: string[] = [];
    for (const migration of pending) {
      const started = Date.now();
      try {
        await client.transaction(async (tx) => {
          await tx.exec(migration.script);
          // The row Prisma writes after a successful migration: finished, no logs, one step.
          await tx.query(
            `INSERT INTO "_prisma_migrations"
               ("id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count")
             VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, now(), 1)`,
            [randomUUID(), migration.checksum, migration.name],
          );
        });
      } catch (error) {
        throw new MigrationApplyError(migration.name, error, migration.script);
      }
      applied.push(migration.name);
      log(`Applied migration ${migration.name} (${Date.now() - started} ms)`);
    }
    return { applied };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]).catch(() => {});
  }
}

async function ensureMigrationsTable(client: SqlClient): Promise<void> {
  const [existing] = await client.query<{ exists: boolean }>(
    "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists",
  );
  if (existing?.exists) return;
  // Like `prisma migrate deploy` (error P3005): never run the first migration over existing tables.
  const tables = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() ORDER BY table_name`,
  );
  if (tables.length > 0) throw new DatabaseNotEmptyError(tables.map((t) => t.name));
  await client.exec(CREATE_MIGRATIONS_TABLE);
}

/** Compares the recorded history with the folder; returns the migrations still to apply. */
function checkHistory(migrations: MigrationFile[], rows: MigrationRow[]): MigrationFile[] {
  // Rows marked rolled back (`prisma migrate resolve --rolled-back`) no longer count, as in Prisma.
  const live = rows.filter((row) => row.rolled_back_at === null);

  const failed = live.find((row) => row.finished_at === null);
  if (failed) throw new MigrationPreviouslyFailedError(failed.migration_name);

  const byName = new Map(migrations.map((m) => [m.name, m]));
  for (const row of live) {
    const file = byName.get(row.migration_name);
    if (!file) throw new MigrationMissingError(row.migration_name);
    if (!matchesChecksum(file.script, row.checksum)) {
      throw new MigrationModifiedError(row.migration_name, row.checksum, file.checksum);
    }
  }
  const appliedNames = new Set(live.map((row) => row.migration_name));
  return migrations.filter((m) => !appliedNames.has(m.name));
}

/** The script's line where PostgreSQL located the error (its `position` counts characters from 1). */
function errorLine(error: unknown, script: string): number | undefined {
  const position = Number((error as { position?: unknown } | null)?.position);
  if (!Number.isInteger(position) || position < 1 || position > script.length + 1) return undefined;
  return script.slice(0, position - 1).split("\n").length;
}

/** One line from a database error: its message, SQLSTATE and where it happened when known. */
export function describeSqlError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const e = error as Error & { code?: string; position?: string; where?: string; detail?: string };
  const parts = [e.message.replace(/\s+/g, " ").trim()];
  if (e.detail) parts.push(`detail: ${e.detail}`);
  if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) parts.push(`SQLSTATE ${e.code}`);
  return parts.join("; ");
}
