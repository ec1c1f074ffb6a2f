// Backup and restore of the whole database, the same way on PostgreSQL and on the embedded PGlite.
//
// A backup is a gzip'd file of JSON lines: a header (format, when, the migrations the schema was
// built from, the tables), then each table's rows as row_to_json gives them, all read inside one
// REPEATABLE READ transaction, so the file is one consistent moment even while the app writes.
//
// A restore rebuilds the schema from those same migrations (so the rows fit the columns they came
// from), puts the rows back table by table in foreign-key order with the tables' own triggers
// off (the audit log's append-only guard, the running totals' trigger: the totals are restored
// as they were), resets the id sequences, then applies the migrations this version has that the
// backup did not. A backup made by a newer version (a migration unknown here) is refused.
//
// No "server-only": used by the command-line scripts and, for the embedded database while the app
// holds it, by the app itself (lib/server/backup-route.ts).
import { createReadStream, createWriteStream } from "node:fs";
import readline from "node:readline";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, readMigrations } from "@/lib/db/migrate";
import type { SqlClient, SqlQueryable } from "@/lib/db/sql-client";

export const BACKUP_FORMAT = "chi-dao-backup";
const FORMAT_VERSION = 1;
const BATCH = 500;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  migrations: string[];
  tables: { name: string; rows: number }[];
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function tables(db: SqlQueryable): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
      ORDER BY table_name`,
  );
  return rows.map((r) => r.name);
}

/** Tables in an order where each comes after the tables its foreign keys point to. */
async function dependencyOrder(db: SqlQueryable, names: string[]): Promise<string[]> {
  const edges = await db.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`,
  );
  const unquote = (n: string) => n.replace(/^"|"$/g, "");
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const e of edges)
    if (unquote(e.child) !== unquote(e.parent)) parents.get(unquote(e.child))?.add(unquote(e.parent));
  const out: string[] = [];
  const placed = new Set<string>();
  while (out.length < names.length) {
    const next = names.filter(
      (n) => !placed.has(n) && [...parents.get(n)!].every((p) => placed.has(p) || !parents.has(p)),
    );
    if (next.length === 0) throw new BackupError("Không xác định được thứ tự bảng (khóa ngoại vòng tròn).");
    for (const n of next) {
      placed.add(n);
      out.push(n);
    }
  }
  return out;
}

/** Writes a consistent backup of the whole database to `file`; returns its header. */
export async function backupDatabase(db: SqlClient, file: string): Promise<BackupHeader> {
  return db.transaction(async (tx) => {
    await tx.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const migrations = (
      await tx.query<{ name: string }>(
        `SELECT migration_name AS name FROM "_prisma_migrations"
          WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).map((r) => r.name);
    // In foreign-key order, so that a restore can insert them as they come.
    const names = await dependencyOrder(tx, await tables(tx));
    const counted: BackupHeader["tables"] = [];
    for (const name of names) {
      const [c] = await tx.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${q(name)}`);
      counted.push({ name, rows: Number(c!.n) });
    }
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      migrations,
      tables: counted,
    };
    async function* lines(): AsyncGenerator<string> {
      yield JSON.stringify(header) + "\n";
      for (const { name } of counted) {
        yield JSON.stringify({ table: name }) + "\n";
        await tx.exec(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${q(name)} t`);
        for (;;) {
          const rows = await tx.query<{ j: string }>(`FETCH ${BATCH} FROM backup_rows`);
          if (rows.length === 0) break;
          yield rows.map((r) => r.j).join("\n") + "\n";
        }
        await tx.exec("CLOSE backup_rows");
      }
    }
    await pipeline(Readable.from(lines()), zlib.createGzip(), createWriteStream(file, { mode: 0o600 }));
    return header;
  });
}

async function* readLines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file).pipe(zlib.createGunzip());
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of rl) if (line) yield line;
  } catch {
    throw new BackupError("Tệp sao lưu bị hỏng hoặc không phải tệp sao lưu của ứng dụng.");
  }
}

export async function readBackupHeader(file: string): Promise<BackupHeader> {
  for await (const line of readLines(file)) {
    let header: Partial<BackupHeader>;
    try {
      header = JSON.parse(line) as Partial<BackupHeader>;
    } catch {
      break;
    }
    if (header.format !== BACKUP_FORMAT || !Array.isArray(header.migrations)) break;
    return header as BackupHeader;
  }
  throw new BackupError("Tệp không phải tệp sao lưu của ứng dụng này.");
}

/**
 * Replaces everything in the database with the backup's content. The database must not be in use
 * by the app (the scripts check). Returns the rows restored per table.
 */
export async function restoreDatabase(
  db: SqlClient,
  file: string,
  opts: { migrationsDir?: string; log?: (line: string) => void } = {},
): Promise<Record<string, number>> {
  const dir = opts.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const log = opts.log ?? (() => {});
  const header = await readBackupHeader(file);
  const known = new Set(readMigrations(dir).map((m) => m.name));
  const unknown = header.migrations.filter((m) => !known.has(m));
  if (unknown.length > 0) {
    throw new BackupError(
      `Bản sao lưu được tạo từ phiên bản mới hơn của ứng dụng (có ${unknown.length} bước nâng cấp cơ sở dữ liệu chưa có ở đây: ${unknown.join(", ")}). Hãy cập nhật ứng dụng rồi khôi phục lại.`,
    );
  }

  // The schema as the backup knew it, empty.
  await db.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  await applyMigrations(db, { dir, only: header.migrations });

  const restored: Record<string, number> = {};
  await db.transaction(async (tx) => {
    const names = await tables(tx);
    for (const name of names) await tx.exec(`ALTER TABLE ${q(name)} DISABLE TRIGGER USER`);
    // Rows arrive table by table in foreign-key order (the backup wrote them so).
    let table: string | null = null;
    let batch: string[] = [];
    const flush = async () => {
      if (!table || batch.length === 0) return;
      await tx.query(`INSERT INTO ${q(table)} SELECT * FROM json_populate_recordset(NULL::${q(table)}, $1::json)`, [
        `[${batch.join(",")}]`,
      ]);
      restored[table] = (restored[table] ?? 0) + batch.length;
      batch = [];
    };
    let first = true;
    for await (const line of readLines(file)) {
      if (first) {
        first = false;
        continue;
      }
      if (line.startsWith('{"table":')) {
        await flush();
        const name = (JSON.parse(line) as { table: string }).table;
        if (!names.includes(name)) throw new BackupError(`Tệp sao lưu có bảng lạ: ${name}.`);
        table = name;
        continue;
      }
      batch.push(line);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    for (const name of names) await tx.exec(`ALTER TABLE ${q(name)} ENABLE TRIGGER USER`);
    // Ids go on after the highest restored one.
    const serials = await tx.query<{ t: string; c: string }>(
      `SELECT table_name AS t, column_name AS c FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
    );
    for (const { t, c } of serials) {
      await tx.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${q(c)}) FROM ${q(t)}), 0) + 1, false)`,
        [q(t), c],
      );
    }
  });
  for (const { name, rows } of header.tables) {
    if ((restored[name] ?? 0) !== rows)
      throw new BackupError(`Khôi phục không đủ dữ liệu bảng ${name}: ${restored[name] ?? 0}/${rows} dòng.`);
  }
  const { applied } = await applyMigrations(db, { dir, log });
  if (applied.length > 0) log(`Đã nâng cấp cơ sở dữ liệu đã khôi phục: ${applied.join(", ")}.`);
  return restored;
}
