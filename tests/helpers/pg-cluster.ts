// A PostgreSQL primary and a streaming standby of it, both made for one test file in a temporary
// directory with the machine's PostgreSQL binaries (initdb, pg_ctl, pg_basebackup), on loopback
// ports of their own. Nothing is shared with the server at DATABASE_URL.
//
// PostgreSQL refuses to run as root: when the tests run as root the binaries run as the
// `postgres` OS user (runuser), and the directory belongs to it. Any other user runs them as itself.
import { execFile, execFileSync } from "node:child_process";
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

const NEEDED = ["initdb", "pg_ctl", "pg_basebackup", "postgres"] as const;

export interface PgTools {
  /** The folder of initdb, pg_ctl, pg_basebackup, postgres. */
  bin: string;
  /** The OS user the binaries run as (`postgres` when the tests run as root), null for this process's own. */
  runAs: { name: string; uid: number; gid: number } | null;
}

/**
 * The binaries and the user to run them as, or why a cluster of our own cannot be made here.
 * Synchronous and quick: test files call it while they are collected, to skip with its reason.
 */
export function findPgTools(): PgTools | { unavailable: string } {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8", stdio: "pipe" }).trim());
  } catch {
    // No pg_config on the PATH: look where Debian and Ubuntu install the server.
  }
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    for (const v of readdirSync(debian).sort((a, b) => Number(b) - Number(a)))
      candidates.push(path.join(debian, v, "bin"));
  }
  const bin = candidates.find((dir) => NEEDED.every((tool) => existsSync(path.join(dir, tool))));
  if (!bin)
    return { unavailable: `no PostgreSQL server binaries (${NEEDED.join(", ")}) found via pg_config or ${debian}` };
  if (process.getuid?.() !== 0) return { bin, runAs: null };
  let uid: number, gid: number;
  try {
    uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8", stdio: "pipe" }).trim());
    gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8", stdio: "pipe" }).trim());
  } catch {
    return {
      unavailable: "running as root, and PostgreSQL refuses root, but there is no `postgres` OS user to run it as",
    };
  }
  try {
    execFileSync("runuser", ["-u", "postgres", "--", "true"], { stdio: "pipe" });
  } catch {
    return { unavailable: "running as root, and PostgreSQL refuses root, but `runuser -u postgres` does not work" };
  }
  return { bin, runAs: { name: "postgres", uid, gid } };
}

export interface StreamingPair {
  /** Connection string of a database on the primary (`postgres` by default). */
  primaryUrl(database?: string): string;
  /** The same database on the standby (read-only, hot standby). */
  standbyUrl(database?: string): string;
  /** Waits until the standby has replayed everything the primary has written so far. */
  waitForReplay(timeoutMs?: number): Promise<void>;
  /** Waits until the standby has RECEIVED everything the primary has written (replayed or not). */
  waitForReceive(timeoutMs?: number): Promise<void>;
  /** Stops both servers at once (pg_ctl stop -m immediate) and removes the directory. Idempotent. */
  stop(): Promise<void>;
}

function localeArgs(): string[] {
  try {
    const all = execFileSync("locale", ["-a"], { encoding: "utf8", stdio: "pipe" }).split("\n");
    const utf8 = all.find((l) => /^C\.utf-?8$/i.test(l.trim()));
    if (utf8) return [`--locale=${utf8.trim()}`];
  } catch {
    // No `locale` program: fall back to C.
  }
  return ["--no-locale"];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * initdb a primary (trust, wal_level=replica, replication allowed from 127.0.0.1), start it,
 * pg_basebackup -R it into a standby and start that with hot_standby. On any failure what was
 * started is stopped and removed, and the error carries the servers' log tails.
 */
export async function startStreamingPair(tools: PgTools): Promise<StreamingPair> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pg-pair-"));
  if (tools.runAs) chownSync(dir, tools.runAs.uid, tools.runAs.gid);
  const primaryDir = path.join(dir, "primary");
  const standbyDir = path.join(dir, "standby");
  const started: string[] = [];
  const tool = (name: string, args: string[]) => {
    const file = path.join(tools.bin, name);
    return tools.runAs
      ? run("runuser", ["-u", tools.runAs.name, "--", file, ...args], { cwd: dir })
      : run(file, args, { cwd: dir });
  };
  const pgCtlStopSync = (dataDir: string) => {
    const file = path.join(tools.bin, "pg_ctl");
    const args = ["-D", dataDir, "-m", "immediate", "-w", "stop"];
    try {
      if (tools.runAs) execFileSync("runuser", ["-u", tools.runAs.name, "--", file, ...args], { stdio: "pipe" });
      else execFileSync(file, args, { stdio: "pipe" });
    } catch {
      // Not running (any more).
    }
  };
  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    for (const dataDir of started.reverse()) pgCtlStopSync(dataDir);
    rmSync(dir, { recursive: true, force: true });
  };
  // Should the test process end without its afterAll (a crash), leave no servers behind.
  process.once("exit", stopSync);
  const logTail = (name: string) => {
    try {
      return `\n--- ${name}.log ---\n${readFileSync(path.join(dir, `${name}.log`), "utf8")
        .split("\n")
        .slice(-15)
        .join("\n")}`;
    } catch {
      return "";
    }
  };

  try {
    const primaryPort = await freePort();
    let standbyPort = await freePort();
    while (standbyPort === primaryPort) standbyPort = await freePort();

    // C.UTF-8 where the C library has it (as Debian's clusters and CI's have): upper() and lower()
    // then know Vietnamese letters; the plain C locale knows ASCII only.
    await tool("initdb", [
      "-D",
      primaryDir,
      "-A",
      "trust",
      "-U",
      "postgres",
      "-E",
      "UTF8",
      "--no-sync",
      ...localeArgs(),
    ]);
    appendFileSync(
      path.join(primaryDir, "postgresql.conf"),
      [
        "",
        "listen_addresses = '127.0.0.1'",
        `port = ${primaryPort}`,
        `unix_socket_directories = '${dir}'`,
        "wal_level = replica",
        "max_wal_senders = 4",
        // A test's cluster: nothing to keep after a crash, so no waiting on the disk.
        "fsync = off",
        "max_connections = 50",
        "",
      ].join("\n"),
    );
    appendFileSync(path.join(primaryDir, "pg_hba.conf"), "\nhost replication all 127.0.0.1/32 trust\n");
    await tool("pg_ctl", ["-D", primaryDir, "-l", path.join(dir, "primary.log"), "-w", "-t", "30", "start"]);
    started.push(primaryDir);

    // -R writes primary_conninfo and standby.signal: the copy starts as a standby streaming from the primary.
    await tool("pg_basebackup", [
      ...["-D", standbyDir, "-R", "-X", "stream", "-c", "fast", "--no-sync"],
      ...["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres"],
    ]);
    // The copied postgresql.conf has the primary's port; later lines win.
    appendFileSync(path.join(standbyDir, "postgresql.conf"), `\nport = ${standbyPort}\nhot_standby = on\n`);
    await tool("pg_ctl", ["-D", standbyDir, "-l", path.join(dir, "standby.log"), "-w", "-t", "30", "start"]);
    started.push(standbyDir);

    const url = (port: number, database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
    const primaryUrl = (database = "postgres") => url(primaryPort, database);
    const standbyUrl = (database = "postgres") => url(standbyPort, database);

    const waitFor = async (fn: string, timeoutMs: number) => {
      const p = new pg.Client({ connectionString: primaryUrl() });
      const s = new pg.Client({ connectionString: standbyUrl() });
      await p.connect();
      await s.connect();
      try {
        const { rows } = await p.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn");
        const target = rows[0]!.lsn;
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const r = await s.query<{ done: boolean; at: string | null }>(
            `SELECT ${fn}() >= $1::pg_lsn AS done, ${fn}()::text AS at`,
            [target],
          );
          if (r.rows[0]!.done) return;
          if (Date.now() > deadline)
            throw new Error(
              `standby's ${fn}() is ${r.rows[0]!.at}, primary's WAL is at ${target} after ${timeoutMs} ms`,
            );
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      } finally {
        await p.end();
        await s.end();
      }
    };

    // The standby answers only once it is consistent; make sure it is streaming before handing it out.
    await waitFor("pg_last_wal_replay_lsn", 20_000);

    return {
      primaryUrl,
      standbyUrl,
      waitForReplay: (timeoutMs = 10_000) => waitFor("pg_last_wal_replay_lsn", timeoutMs),
      waitForReceive: (timeoutMs = 10_000) => waitFor("pg_last_wal_receive_lsn", timeoutMs),
      async stop() {
        process.removeListener("exit", stopSync);
        stopSync();
      },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const logs = logTail("primary") + logTail("standby");
    process.removeListener("exit", stopSync);
    stopSync();
    throw new Error(`could not start a primary and a streaming standby in ${dir}: ${message}${logs}`, { cause: error });
  }
}
