import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

// Starts the app the way a newcomer does (`npm start`), on a database of its own: a fresh
// PostgreSQL database when DATABASE_URL is set, a fresh embedded one in a temp folder otherwise.

export interface RunningApp {
  baseUrl: string;
  /** The PostgreSQL database the app serves (for tests that run the app's scripts on it); undefined on the embedded one. */
  databaseUrl?: string;
  /** The app's DATA_DIR (its embedded database, server.json). */
  dataDir: string;
  log: () => string;
  /** Sends SIGTERM to the app's processes and waits until `npm start` exits; its exit code. */
  terminate(): Promise<number | null>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const net = await import("node:net");
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export async function freshPostgres(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `app_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface StartOptions {
  today?: string;
  embedded?: boolean;
  timeoutMs?: number;
  /** Serve this database as it is (e.g. a loaded benchmark database) instead of a fresh one. */
  existingDatabaseUrl?: string;
  /**
   * More variables for the app (e.g. SEED_DEMO=never). SEED_DEMO is "no-history" unless given:
   * the tests start from the demo's notices with no task touched.
   */
  env?: Record<string, string>;
}

export async function startApp(opts: StartOptions = {}): Promise<RunningApp> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bcd-app-"));
  const usePg = !opts.embedded && !opts.existingDatabaseUrl && !!process.env.DATABASE_URL;
  const database = usePg ? await freshPostgres(process.env.DATABASE_URL!) : null;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    NEXTAUTH_URL: `http://localhost:${port}`,
    SEED_DEMO: "no-history",
    ...(opts.today ? { APP_TODAY: opts.today } : {}),
    ...opts.env,
  };
  const databaseUrl = opts.existingDatabaseUrl ?? database?.url;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;

  let output = "";
  const child: ChildProcess = spawn("npm", ["start"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const baseUrl = `http://localhost:${port}`;
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const terminate = async () => {
    if (child.exitCode !== null) return child.exitCode;
    process.kill(-child.pid!, "SIGTERM");
    return exited;
  };

  const stop = async () => {
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        /* already gone */
      }
      await new Promise((r) => setTimeout(r, 500));
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
    await database?.drop().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (opts.timeoutMs ?? 600_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
    }
    try {
      const res = await fetch(`${baseUrl}/dang-nhap`);
      if (res.ok) return { baseUrl, databaseUrl, dataDir, log: () => output, terminate, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`npm start did not answer within the time limit:\n${output}`);
}
