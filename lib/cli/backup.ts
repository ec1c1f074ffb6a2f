// `npm run db:backup -- FILE`: a consistent backup of the whole database into FILE (gzip'd JSON
// lines, lib/db/backup.ts), while the app runs or not. PostgreSQL (DATABASE_URL) is read
// directly; the embedded database is read directly when the app is stopped, and asked of the
// running app (on loopback, with its token) when it holds it.
import { createWriteStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { loadEnvOrExplain } from "@/lib/cli/prepare-database";
import { backupDatabase, readBackupHeader } from "@/lib/db/backup";
import { pgliteSqlClient, pgSqlClient } from "@/lib/db/sql-client";
import { runningServer } from "@/lib/server/running";

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file || file.startsWith("-")) {
    console.error("Cách dùng: npm run db:backup -- TỆP   (ví dụ: npm run db:backup -- sao-luu-2026-12-01.jsonl.gz)");
    return 2;
  }
  const config = loadEnvOrExplain();
  if (!config) return 1;
  const target = path.resolve(file);
  const started = Date.now();
  const app = config.DATABASE_URL ? null : runningServer(config.DATA_DIR);
  if (app) {
    const res = await fetch(`http://127.0.0.1:${app.port}/api/noi-bo/sao-luu`, {
      method: "POST",
      headers: { "x-backup-token": app.token, "content-type": "application/x-www-form-urlencoded" },
    });
    if (!res.ok || !res.body) {
      console.error(`Ứng dụng đang chạy không sao lưu được (mã ${res.status}): ${await res.text()}`);
      return 1;
    }
    await pipeline(
      Readable.fromWeb(res.body as import("node:stream/web").ReadableStream),
      createWriteStream(target, { mode: 0o600 }),
    );
  } else {
    const client = config.DATABASE_URL
      ? await pgSqlClient(config.DATABASE_URL)
      : await pgliteSqlClient(config.pgliteDir);
    try {
      await backupDatabase(client, target);
    } finally {
      await client.close();
    }
  }
  const header = await readBackupHeader(target);
  const rows = header.tables.reduce((n, t) => n + t.rows, 0);
  console.log(
    `Đã sao lưu ${rows.toLocaleString("vi-VN")} dòng của ${header.tables.length} bảng vào ${target} (${((Date.now() - started) / 1000).toFixed(1)} giây${app ? ", qua ứng dụng đang chạy" : ""}).`,
  );
  return 0;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(`Không sao lưu được: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
