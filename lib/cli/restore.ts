// `npm run db:restore -- FILE [--yes]`: replaces everything in the database with a backup made by
// `npm run db:backup`. Stop the app first (the embedded database is refused while the app holds
// it). A backup from a newer version of the app is refused; one from an older version is
// restored and then brought up to date by the migrations this version has.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline/promises";
import { loadEnvOrExplain } from "@/lib/cli/prepare-database";
import { BackupError, readBackupHeader, restoreDatabase } from "@/lib/db/backup";
import { pgliteSqlClient, pgSqlClient } from "@/lib/db/sql-client";
import { redactUrl } from "@/lib/env";
import { runningServer } from "@/lib/server/running";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("-"));
  if (!file) {
    console.error("Cách dùng: npm run db:restore -- TỆP [--yes]");
    return 2;
  }
  const target = path.resolve(file);
  if (!fs.existsSync(target)) {
    console.error(`Không có tệp ${target}.`);
    return 2;
  }
  const config = loadEnvOrExplain();
  if (!config) return 1;
  if (!config.DATABASE_URL && runningServer(config.DATA_DIR)) {
    console.error("Ứng dụng đang chạy trên cơ sở dữ liệu nhúng này. Hãy dừng ứng dụng trước khi khôi phục.");
    return 1;
  }
  const header = await readBackupHeader(target);
  const where = config.DATABASE_URL ? redactUrl(config.DATABASE_URL) : config.pgliteDir;
  console.log(
    `Bản sao lưu lúc ${new Date(header.createdAt).toLocaleString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" })}: ${header.tables.reduce((n, t) => n + t.rows, 0).toLocaleString("vi-VN")} dòng.`,
  );
  if (!args.includes("--yes")) {
    if (!process.stdin.isTTY) {
      console.error(`Khôi phục sẽ xóa toàn bộ dữ liệu hiện có ở ${where}. Thêm --yes để xác nhận.`);
      return 2;
    }
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question(`Khôi phục sẽ xóa toàn bộ dữ liệu hiện có ở ${where}. Gõ "dong y" để tiếp tục: `);
    rl.close();
    if (answer.trim().toLowerCase() !== "dong y") {
      console.log("Đã hủy, không thay đổi gì.");
      return 1;
    }
  }
  const client = config.DATABASE_URL ? await pgSqlClient(config.DATABASE_URL) : await pgliteSqlClient(config.pgliteDir);
  try {
    const restored = await restoreDatabase(client, target, { log: (line) => console.log(line) });
    const rows = Object.values(restored).reduce((n, r) => n + r, 0);
    console.log(`Đã khôi phục ${rows.toLocaleString("vi-VN")} dòng vào ${where}.`);
    return 0;
  } finally {
    await client.close();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(
      error instanceof BackupError
        ? error.message
        : `Không khôi phục được: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  });
