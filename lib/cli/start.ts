// `npm start`: checks the configuration, migrates, seeds an empty database with the demo, builds
// when the build is missing or older than the sources, prints the demo logins and serves the app.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { closeDb, db } from "@/lib/db/client";
import { loadEnvOrExplain, prepareDatabase } from "@/lib/cli/prepare-database";
import { demoHistoryDay, demoLoginsText, seedDemo } from "@/prisma/seed/demo";

const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const SOURCE_DIRS = ["app", "components", "lib", "prisma"];
const SOURCE_FILES = ["package-lock.json", "next.config.js", "postcss.config.mjs", "tsconfig.json"];
/** Newest modification time among the sources. */
function newestSourceTime(): number {
  let newest = 0;
  const visit = (p: string) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      if (p.endsWith(`${path.sep}generated`)) return;
      for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const d of SOURCE_DIRS) visit(path.join(ROOT, d));
  for (const f of SOURCE_FILES) visit(path.join(ROOT, f));
  return newest;
}

/** Builds when there is no build, or when a source changed after it was made. */
function buildIfNeeded(env: NodeJS.ProcessEnv): boolean {
  const buildId = fs.statSync(path.join(ROOT, ".next", "BUILD_ID"), { throwIfNoEntry: false });
  if (buildId && buildId.mtimeMs >= newestSourceTime()) return true;
  console.log("Đang build ứng dụng (lần đầu mất vài phút)…");
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error("Build không thành công: xem lỗi ở trên.");
    return false;
  }
  return true;
}

/** Without NEXTAUTH_SECRET, a random one is kept under DATA_DIR so sessions survive restarts. */
function authSecret(dataDir: string, configured: string | undefined): string {
  if (configured) return configured;
  const file = path.join(dataDir, "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** An advisory lock of its own (not the migrations'), held on a connection of its own while `fn` runs. */
const SEED_LOCK_KEY = 7_246_001;
async function whileHoldingSeedLock(databaseUrl: string | undefined, fn: () => Promise<void>): Promise<void> {
  // The embedded database admits one process: nobody else can seed it meanwhile.
  if (!databaseUrl) return fn();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [SEED_LOCK_KEY]);
    await fn();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [SEED_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

async function main(): Promise<number> {
  const config = loadEnvOrExplain();
  if (!config) return 1;
  if (!(await prepareDatabase())) return 1;

  if (config.SEED_DEMO !== "never") {
    // Several servers starting together on one empty PostgreSQL: one seeds, the others wait for it
    // and find the database no longer empty.
    await whileHoldingSeedLock(config.DATABASE_URL, async () => {
      if ((await db().province.count()) > 0) return;
      const history = config.SEED_DEMO === "auto";
      console.log(`Cơ sở dữ liệu trống: nạp dữ liệu mẫu${history ? " và diễn biến xử lý (một đến hai phút)" : ""}…`);
      await seedDemo(db(), console.log, { history });
    });
  }
  // A database holding the demo's played history is served on the demo's day, with a banner.
  const demoDay = await demoHistoryDay(db());
  // The embedded database admits one process at a time: hand it over to the server.
  await closeDb();

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXTAUTH_SECRET: authSecret(config.DATA_DIR, config.NEXTAUTH_SECRET),
    NEXTAUTH_URL: config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`,
    DATA_DIR: config.DATA_DIR,
  };
  if (demoDay) {
    env.DEMO_TODAY = demoDay;
    env.APP_TODAY = config.APP_TODAY ?? demoDay;
  }
  if (!buildIfNeeded(env)) return 1;

  console.log(`\n${demoLoginsText(!!demoDay)}\n`);
  if (demoDay) {
    console.log(`Dữ liệu mẫu: hôm nay được tính là ngày ${env.APP_TODAY!.split("-").reverse().join("/")}.`);
  }
  console.log(
    `Ứng dụng chạy tại http://localhost:${config.PORT} (${config.DATABASE_URL ? "PostgreSQL theo DATABASE_URL" : `cơ sở dữ liệu nhúng tại ${config.pgliteDir}`}).`,
  );
  // The app's own server (lib/server/serve.ts) around Next: client address, request ids, logs,
  // graceful shutdown. A signal to `npm start` is handed on to it.
  const server = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "lib", "server", "serve.ts")], {
    stdio: "inherit",
    env,
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  return new Promise((resolve) => server.on("exit", (code) => resolve(code ?? 0)));
}

main()
  .then((code) => process.exit(code))
  .catch(async (error) => {
    console.error(error);
    await closeDb().catch(() => {});
    process.exit(1);
  });
