import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@/prisma/seed/demo";
import { startApp, type RunningApp } from "@/tests/helpers/app-server";
import { HttpSession } from "@/tests/helpers/http-session";

// Operating the app on the embedded database, as a province's IT office would: a backup taken
// while the app runs and users write, a SIGTERM that lets the request in flight finish, then a
// restore into the stopped app's folder that brings back exactly what the backup held.

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ops-")), "sao-luu.jsonl.gz");
let app: RunningApp | undefined;

afterAll(async () => {
  await app?.stop();
});

function script(name: string, args: string[], dataDir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent" };
  delete env.DATABASE_URL;
  return spawnSync("npm", ["run", "-s", name, "--", ...args], { env, encoding: "utf8", timeout: 120_000 });
}

describe("operations on the embedded database", () => {
  it("backs up while the app runs, shuts down gracefully, restores", async () => {
    app = await startApp({ embedded: true, today: "2021-09-20" });
    const s = new HttpSession(app.baseUrl);
    expect(await s.signIn("longan.vanphong", DEMO_PASSWORD)).toBe(true);
    expect(fs.existsSync(path.join(app.dataDir, "server.json"))).toBe(true);

    // 1. Backup through the running app (only it may open the embedded database).
    const backup = script("db:backup", [file], app.dataDir);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Đã sao lưu [\d.]+ dòng của \d+ bảng .* qua ứng dụng đang chạy/);
    // A restore is refused while the app holds the database.
    const refused = script("db:restore", [file, "--yes"], app.dataDir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("Hãy dừng ứng dụng trước khi khôi phục.");

    // 2. A session made after the backup: gone after the restore.
    const later = new HttpSession(app.baseUrl);
    expect(await later.signIn("longan.chutich", DEMO_PASSWORD)).toBe(true);

    // 3. SIGTERM while an export is being made: it still arrives whole; then the app is gone.
    const inFlight = s.get("/api/xuat/tong-quan?format=pdf").then(async (r) => ({
      status: r.status,
      bytes: new Uint8Array(await r.arrayBuffer()),
    }));
    await new Promise((r) => setTimeout(r, 30));
    const exit = await app.terminate();
    const pdf = await inFlight;
    expect(pdf.status).toBe(200);
    expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe("%PDF-");
    // npm itself dies of the signal it was sent; the app's server said it stopped with nothing unfinished.
    expect([0, null]).toContain(exit);
    // npm exits at once; the server behind it says so when it has finished, a moment later.
    await expect.poll(() => app!.log(), { timeout: 20_000 }).toMatch(/"unfinished":0,"msg":"stopped"/);
    expect(fs.existsSync(path.join(app.dataDir, "server.json"))).toBe(false);
    await expect(fetch(`${app.baseUrl}/dang-nhap`)).rejects.toThrow();

    // 4. Restore into the stopped app's folder.
    const restored = script("db:restore", [file, "--yes"], app.dataDir);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/Đã khôi phục [\d.]+ dòng/);
    const check = spawnSync(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        "tsx",
        "-e",
        `import("@/lib/db/sql-client").then(async (m) => {
           const { pgliteSqlClient } = m.default ?? m;
           const c = await pgliteSqlClient(${JSON.stringify(path.join(app!.dataDir, "pglite"))});
           const [n] = await c.query('SELECT count(*)::int AS sessions FROM "UserSession"');
           const [u] = await c.query('SELECT count(*)::int AS users FROM "User"');
           console.log(JSON.stringify({ ...n, ...u }));
           await c.close();
         })`,
      ],
      { encoding: "utf8" },
    );
    expect(check.status, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout.trim().split("\n").pop()!)).toEqual({ sessions: 1, users: 25 });
  }, 300_000);
});
