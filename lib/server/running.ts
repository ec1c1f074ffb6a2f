import { randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// While the app's server runs it leaves DATA_DIR/server.json (its pid, port and a secret token),
// so that the scripts know it holds the embedded database (only one process may open that) and
// can ask it, on loopback with that token, for a backup.

export interface RunningServer {
  pid: number;
  port: number;
  token: string;
}

const fileOf = (dataDir: string) => path.join(dataDir, "server.json");

export function announceServer(dataDir: string, port: number): RunningServer {
  const me = { pid: process.pid, port, token: randomBytes(32).toString("base64url") };
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(fileOf(dataDir), JSON.stringify(me), { mode: 0o600 });
  return me;
}

export function withdrawServer(dataDir: string): void {
  try {
    const current = JSON.parse(fs.readFileSync(fileOf(dataDir), "utf8")) as RunningServer;
    if (current.pid === process.pid) fs.rmSync(fileOf(dataDir));
  } catch {
    // already gone
  }
}

/** The server running on this data folder, if its process is alive. */
export function runningServer(dataDir: string): RunningServer | null {
  try {
    const s = JSON.parse(fs.readFileSync(fileOf(dataDir), "utf8")) as RunningServer;
    process.kill(s.pid, 0);
    return s;
  } catch {
    return null;
  }
}

export function tokenMatches(dataDir: string, offered: string | null): boolean {
  const s = runningServer(dataDir);
  if (!s || !offered) return false;
  const a = Buffer.from(s.token);
  const b = Buffer.from(offered);
  return a.length === b.length && timingSafeEqual(a, b);
}
