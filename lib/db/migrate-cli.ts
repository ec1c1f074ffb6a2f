// `npm run db:migrate`: applies pending migrations to the database named by DATABASE_URL, or to
// the embedded PGlite database under .data/pglite when it is not set. Failures print ONE line for
// the operator (no stack trace) and exit with code 1.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { EnvError, loadEnv } from "../env";
import { applyMigrations, MigrationError } from "./migrate";
import { pgliteSqlClient, pgSqlClient, type SqlClient } from "./sql-client";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Where the embedded database lives by default (lib/env.ts's DATA_DIR default, from the repo root). */
export const DEFAULT_PGLITE_DIR = path.join(REPO_ROOT, ".data", "pglite");

/**
 * The only place this script reads its configuration, through lib/env.ts like the app, so that
 * both pick the same database (DATABASE_URL, else DATA_DIR/pglite). An empty DATABASE_URL counts
 * as unset; a malformed one throws EnvError naming the variable.
 */
function readDatabaseConfig(): { databaseUrl: string | null; pgliteDir: string } {
  const config = loadEnv();
  return { databaseUrl: config.DATABASE_URL ?? null, pgliteDir: config.pgliteDir };
}

/** A failure already worded for the operator: printed as is, without a stack trace. */
export class DatabaseConfigError extends Error {}

/** Checks the shape of a PostgreSQL URL; throws DatabaseConfigError naming the variable. */
export function parseDatabaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DatabaseConfigError(
      `DATABASE_URL không hợp lệ: không đọc được địa chỉ "${redactUnparsed(raw)}" (dạng đúng: postgresql://user:password@host:5432/db)`,
    );
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new DatabaseConfigError(
      `DATABASE_URL không hợp lệ: giao thức "${url.protocol}" không phải postgresql: (dạng đúng: postgresql://user:password@host:5432/db)`,
    );
  }
  return url;
}

/** The URL with its password hidden, for messages. */
export function redactDatabaseUrl(url: URL): string {
  const copy = new URL(url.href);
  if (copy.password) copy.password = "***";
  return copy.href;
}

// For a string that is not even a URL: hide whatever sits between "://user:" and "@".
function redactUnparsed(raw: string): string {
  return raw.replace(/(:\/\/[^:/@]*:)[^@]*@/, "$1***@");
}

/**
 * Opens the configured database: PostgreSQL at `databaseUrl`, else PGlite in `pgliteDir`.
 * Connection failures become one DatabaseConfigError line naming DATABASE_URL.
 */
export async function openConfiguredDatabase(
  databaseUrl: string | null,
  pgliteDir: string = DEFAULT_PGLITE_DIR,
): Promise<SqlClient> {
  if (databaseUrl === null) return pgliteSqlClient(pgliteDir);
  const url = parseDatabaseUrl(databaseUrl);
  try {
    return await pgSqlClient(databaseUrl);
  } catch (error) {
    const e = error as { code?: string; message?: string };
    const reason = e.code && !/^[0-9A-Z]{5}$/.test(e.code) ? e.code : (e.message ?? String(error));
    throw new DatabaseConfigError(
      `Không kết nối được cơ sở dữ liệu (DATABASE_URL=${redactDatabaseUrl(url)}, mật khẩu ẩn): ${reason}`,
    );
  }
}

/** Applies pending migrations and prints what happened; returns the process exit code. */
export async function runMigrateCli(out: (line: string) => void = console.log): Promise<number> {
  let client: SqlClient | undefined;
  try {
    const { databaseUrl, pgliteDir } = readDatabaseConfig();
    client = await openConfiguredDatabase(databaseUrl, pgliteDir);
    const where = databaseUrl
      ? "PostgreSQL (DATABASE_URL)"
      : `PGlite (${path.relative(process.cwd(), pgliteDir) || "."})`;
    const { applied } = await applyMigrations(client, {
      log: (line) => {
        // The runner speaks English to developers; show only the lock notice, translated.
        if (line.startsWith("Another migration run")) out("Đang chờ một tiến trình migrate khác chạy xong…");
      },
    });
    for (const name of applied) out(`Đã áp dụng migration ${name}`);
    out(
      applied.length === 0
        ? `Cơ sở dữ liệu đã ở phiên bản mới nhất, không có migration nào cần áp dụng (${where}).`
        : `Đã áp dụng ${applied.length} migration; cơ sở dữ liệu đã ở phiên bản mới nhất (${where}).`,
    );
    return 0;
  } catch (error) {
    if (error instanceof DatabaseConfigError || error instanceof MigrationError || error instanceof EnvError) {
      console.error(error.message);
    } else {
      const e = error as { message?: string };
      console.error(`Migrate thất bại: ${(e.message ?? String(error)).replace(/\s+/g, " ")}`);
    }
    return 1;
  } finally {
    await client?.close().catch(() => {});
  }
}

// Run only when executed as a script, so start-up code can import the functions above.
const invokedPath = process.argv[1];
if (invokedPath && import.meta.url === pathToFileURL(path.resolve(invokedPath)).href) {
  runMigrateCli().then((code) => {
    process.exitCode = code;
  });
}
