import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, usingRealPostgres, type TestDatabase } from "@/tests/helpers/test-database";

// The demo seed is one transaction: a process killed half-way through it leaves nothing behind,
// so the next start sees an empty database and seeds it whole (before, it left one province and
// 35 agencies without users, skipped seeding and printed logins that did not work).
// PostgreSQL only: the embedded database cannot be opened by a second process while a test holds it.

let t: TestDatabase;

beforeAll(async () => {
  if (usingRealPostgres()) t = await createTestDatabase();
});

afterAll(async () => {
  await t?.drop();
});

const counts = async () => ({
  provinces: await t.prisma.province.count(),
  agencies: await t.prisma.agency.count(),
  users: await t.prisma.user.count(),
  notices: await t.prisma.notice.count(),
  history: await t.prisma.demoHistory.count(),
});

function seed(killAfterMs?: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "prisma/seed.ts"], {
      env: { ...process.env, DATABASE_URL: t.url!, LOG_LEVEL: "silent" },
      stdio: "ignore",
    });
    if (killAfterMs !== undefined) setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    child.on("exit", (code) => resolve(code));
  });
}

describe.skipIf(!usingRealPostgres())("seeding the demo", () => {
  it("leaves nothing when killed half-way, then seeds whole", async () => {
    // Killed while its one transaction is open (it takes a few seconds): nothing is stored.
    for (const after of [2_500, 4_000]) {
      await seed(after);
      const c = await counts();
      const whole = c.users > 0 && c.notices === 5 && c.history === 1;
      expect(c.provinces === 0 || whole, `killed after ${after} ms: ${JSON.stringify(c)}`).toBe(true);
      if (whole) break;
    }
    expect(await seed()).toBe(0);
    // The demo with its played history: every agency with tasks has a staff account as well.
    const c = await counts();
    expect(c).toMatchObject({ provinces: 4, notices: 5, history: 1 });
    expect(c.users).toBeGreaterThan(25);
  }, 240_000);
});
