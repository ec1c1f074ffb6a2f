import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmCompletion, submitCompletion, type Clock } from "@/lib/assignments/workflow";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { cachedReads } from "@/lib/db/cached-reads";
import { postgresClient, readDb, type Db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { clearReadCache, dataVersion } from "@/lib/db/read-cache";
import { pgSqlClient } from "@/lib/db/sql-client";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { seedDemo } from "@/prisma/seed/demo";
import { findPgTools, startStreamingPair, type StreamingPair } from "@/tests/helpers/pg-cluster";
import { usingRealPostgres } from "@/tests/helpers/test-database";

// DATABASE_REPLICA_URL pointed at a real streaming standby. The test makes its own primary and
// standby (tests/helpers/pg-cluster.ts: initdb, pg_basebackup -R, both on loopback ports in a
// temporary directory), migrates and seeds the primary only, and lets WAL streaming carry
// everything to the standby. postgresClient(primary, standby) is what the app builds from
// DATABASE_URL and DATABASE_REPLICA_URL: writes and transactions go to the primary, the pages'
// cached reads (cachedReads.*, through readDb) to the standby, the data version included.
// tests/integration/read-replica.test.ts checks the routing query by query with a copied database.
//
// Replication lag, seen from a page: the standby's replay is paused (pg_wal_replay_pause), as a
// busy or far standby would be behind. A change committed on the primary has then reached the
// standby's disk but is not visible there: the page shows the figures from before the change,
// and the version the read cache keys them by is the standby's, also from before the change.
// Both come from the same replayed state, so the cache never keeps old figures under the new
// version (which would outlive the lag): once replay resumes the very next read sees the new
// version and reads again. Writes (and a page that reads its own write in the same request,
// through a transaction) go to the primary and see it at once.
//
// Only with DATABASE_URL (CI's PostgreSQL job): the run on the embedded PGlite skips it, and so
// does a machine without PostgreSQL's server binaries, saying why in the suite's name.

const tools = usingRealPostgres() ? findPgTools() : { unavailable: "DATABASE_URL is not set (embedded PGlite run)" };
const skipReason = "unavailable" in tools ? tools.unavailable : null;

const TODAY = "2021-06-20";
const clock: Clock = { today: () => TODAY, now: () => new Date(`${TODAY}T03:00:00Z`) };
const DATABASE = "app";

let pair: StreamingPair | undefined;
let seedClient: PrismaClient | undefined;
let client: Db | undefined;
let primarySql: pg.Client | undefined;
let standbySql: pg.Client | undefined;
const users: Record<string, SessionUser> = {};

const c = () => client!;

async function user(username: string): Promise<SessionUser> {
  const row = await seedClient!.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  return (await loadSessionUser(seedClient!, row.id))!;
}

async function assignmentOf(agency: string, ref: string) {
  // On the primary: the version a write needs is the latest one.
  return seedClient!.assignment.findFirstOrThrow({
    where: { agency: { name: agency, province: { name: "Long An" } }, directive: { ref } },
    select: { id: true, version: true },
  });
}

/** The chairman's overview table row of one agency, as the page gets it (cached, from the replica). */
async function pageRow(agency: string) {
  const rows = await cachedReads.agencyTable(c(), users.chair!, TODAY, {}, {});
  const row = rows.find((r) => r.agency.name === agency);
  if (!row) throw new Error(`no row for ${agency}`);
  return { completedOnTime: row.completedOnTime, completedLate: row.completedLate, overdue: row.overdue };
}

const one = async <T>(sql: pg.Client, text: string, params?: unknown[]) => (await sql.query(text, params)).rows[0] as T;

/** Pauses the standby's replay and waits until it has stopped ("pause requested" comes first). */
async function pauseReplay(): Promise<void> {
  await standbySql!.query("SELECT pg_wal_replay_pause()");
  const deadline = Date.now() + 10_000;
  while ((await one<{ s: string }>(standbySql!, "SELECT pg_get_wal_replay_pause_state() AS s")).s !== "paused") {
    if (Date.now() > deadline) throw new Error("the standby's replay did not pause within 10 s");
    await new Promise((r) => setTimeout(r, 20));
  }
}
const versionOn = async (sql: pg.Client) =>
  Number(
    (
      await one<{ v: string | null }>(
        sql,
        `SELECT max("version")::text AS v FROM "ProvinceDataVersion" WHERE "provinceId" = $1`,
        [users.chair!.provinceId],
      )
    ).v ?? 0,
  );

beforeAll(async () => {
  if (skipReason !== null || "unavailable" in tools) return;
  pair = await startStreamingPair(tools);
  const admin = new pg.Client({ connectionString: pair.primaryUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${DATABASE}"`);
  await admin.end();
  // The app's own migrations and demo seed, on the primary only.
  const sql = await pgSqlClient(pair.primaryUrl(DATABASE));
  try {
    await applyMigrations(sql);
  } finally {
    await sql.close();
  }
  seedClient = new PrismaClient({ adapter: new PrismaPg({ connectionString: pair.primaryUrl(DATABASE) }) });
  await seedDemo(seedClient, () => {});
  client = postgresClient(pair.primaryUrl(DATABASE), pair.standbyUrl(DATABASE));
  users.chair = await user("longan.chutich");
  users.syt = await user("longan.syt");
  users.congan = await user("longan.congan");
  users.secretariat = await user("longan.vanphong");
  primarySql = new pg.Client({ connectionString: pair.primaryUrl(DATABASE) });
  standbySql = new pg.Client({ connectionString: pair.standbyUrl(DATABASE) });
  await primarySql.connect();
  await standbySql.connect();
  await pair.waitForReplay();
}, 90_000);

afterAll(async () => {
  // Every step on its own: whatever failed above, the servers are stopped and the directory removed.
  await standbySql?.end().catch(() => {});
  await primarySql?.end().catch(() => {});
  await client?.$disconnect().catch(() => {});
  await seedClient?.$disconnect().catch(() => {});
  await pair?.stop();
});

describe.skipIf(skipReason !== null)(
  `a streaming standby as DATABASE_REPLICA_URL${skipReason ? ` (skipped: ${skipReason})` : ""}`,
  () => {
    it("is a real standby: in recovery, streaming from the primary, holding the seed written to the primary only, refusing writes", async () => {
      expect(await one(standbySql!, "SELECT pg_is_in_recovery() AS r")).toEqual({ r: true });
      expect(await one(primarySql!, "SELECT pg_is_in_recovery() AS r")).toEqual({ r: false });
      expect(await one(standbySql!, "SELECT status FROM pg_stat_wal_receiver")).toEqual({ status: "streaming" });
      expect(await one(primarySql!, "SELECT state FROM pg_stat_replication")).toEqual({ state: "streaming" });
      // The demo was written to the primary only; the standby has every row by streaming.
      const count = `SELECT count(*)::int AS n FROM "Assignment"`;
      const onPrimary = await one<{ n: number }>(primarySql!, count);
      expect(onPrimary.n).toBeGreaterThan(100);
      expect(await one(standbySql!, count)).toEqual(onPrimary);
      // The client's replica side is this standby: a write through it is refused.
      await expect(readDb(c()).$executeRaw`UPDATE "Assignment" SET "version" = "version" + 1`).rejects.toThrow(
        /read-only transaction/,
      );
      await expect(standbySql!.query(`UPDATE "Assignment" SET "version" = "version" + 1`)).rejects.toMatchObject({
        code: "25006", // read_only_sql_transaction
      });
      expect((await readDb(c()).$queryRaw<{ r: boolean }[]>`SELECT pg_is_in_recovery() AS r`)[0]!.r).toBe(true);
      // …while the client's own side (writes, transactions) is the primary.
      expect(
        (await c().$transaction((tx) => tx.$queryRaw<{ r: boolean }[]>`SELECT pg_is_in_recovery() AS r`))[0]!.r,
      ).toBe(false);
    });

    it("a task completed through the app reaches the overview by streaming, with its new data version", async () => {
      clearReadCache();
      const before = await pageRow("Sở Y tế");
      // Its one dated task (II.3.2, due 15/6) is overdue on 20/6.
      expect(before).toEqual({ completedOnTime: 0, completedLate: 0, overdue: 1 });
      const versionBefore = await dataVersion(readDb(c()), users.chair!.provinceId!);
      // Sở Y tế reports II.3.2 done on 14/6 (its date is 15/6); the secretariat confirms.
      const task = await assignmentOf("Sở Y tế", "II.3.2");
      const submitted = await submitCompletion(
        c(),
        users.syt!,
        {
          assignmentId: task.id,
          version: task.version,
          completedOn: "2021-06-14",
          text: "Đã xét nghiệm 50% kế hoạch.",
        },
        clock,
      );
      await confirmCompletion(
        c(),
        users.secretariat!,
        { assignmentId: task.id, version: submitted.assignment.version },
        clock,
      );
      // On the primary at once…
      const state = `SELECT "state"::text AS state FROM "Assignment" WHERE id = $1`;
      expect(await one(primarySql!, state, [task.id])).toEqual({ state: "completed" });
      await pair!.waitForReplay();
      // …then on the standby, its province's version raised by the triggers (replicated like any row)…
      expect(await one(standbySql!, state, [task.id])).toEqual({ state: "completed" });
      const versionAfter = await dataVersion(readDb(c()), users.chair!.provinceId!);
      expect(Number(versionAfter)).toBeGreaterThan(Number(versionBefore));
      expect(Number(versionAfter)).toBe(await versionOn(primarySql!));
      // …and on the page, without clearing its cache: the new version is a new key.
      expect(await pageRow("Sở Y tế")).toEqual({ completedOnTime: 1, completedLate: 0, overdue: 0 });
    });

    it("while the standby lags, the page shows the figures from before the change, consistently, and the new ones after replay", async () => {
      clearReadCache();
      const task = await assignmentOf("Công an tỉnh", "II.3.2");
      const submitted = await submitCompletion(
        c(),
        users.congan!,
        { assignmentId: task.id, version: task.version, completedOn: "2021-06-18", text: "Đã hoàn thành." },
        clock,
      );
      await pair!.waitForReplay();
      const before = await pageRow("Công an tỉnh"); // cached under the current version
      // Reported done but not yet confirmed: still overdue (due 15/6).
      expect(before).toEqual({ completedOnTime: 0, completedLate: 0, overdue: 1 });
      const versionBefore = await versionOn(standbySql!);

      await pauseReplay();
      try {
        // The secretariat confirms 18/6, past the 15/6 date: a late completion, committed on the primary.
        await confirmCompletion(
          c(),
          users.secretariat!,
          { assignmentId: task.id, version: submitted.assignment.version },
          clock,
        );
        expect(await versionOn(primarySql!)).toBeGreaterThan(versionBefore);
        // The WAL has reached the standby but is not replayed: this is lag, not a broken link.
        await pair!.waitForReceive();
        const state = `SELECT "state"::text AS state FROM "Assignment" WHERE id = $1`;
        expect(await one(standbySql!, state, [task.id])).toEqual({ state: "submitted" });
        expect(await versionOn(standbySql!)).toBe(versionBefore);
        // The page: the figures from before, from its cache…
        expect(await pageRow("Công an tỉnh")).toEqual(before);
        // …and read afresh from the standby too: old figures with the old version, never a mix.
        clearReadCache();
        expect(await pageRow("Công an tỉnh")).toEqual(before);
        expect(await dataVersion(readDb(c()), users.chair!.provinceId!)).toBe(String(versionBefore));
        // Writes and transactions see the primary meanwhile.
        const inTx = await c().$transaction((tx) =>
          tx.assignment.findUniqueOrThrow({ where: { id: task.id }, select: { state: true } }),
        );
        expect(inTx.state).toBe("completed");
      } finally {
        await standbySql!.query("SELECT pg_wal_replay_resume()");
      }
      await pair!.waitForReplay();
      // The entry read during the lag is keyed by the old version: the next read, under the new
      // version, shows the late completion (had the version come from the primary and the figures
      // from the standby, the old figures would now sit under the new version and stay).
      expect(await dataVersion(readDb(c()), users.chair!.provinceId!)).toBe(String(await versionOn(primarySql!)));
      expect(await pageRow("Công an tỉnh")).toEqual({ completedOnTime: 0, completedLate: 1, overdue: 0 });
    });

    // What this lag means for a second change right after a first one: nothing. The client's own
    // queries run on the primary (lib/db/client.ts), the workflow's loadForChange included, so a
    // confirmation right after the report, while the standby has not replayed it, sees the report;
    // only the pages' cached reads (readDb) wait for the replay.
    it("within the lag, confirming a task just reported done works: the workflow reads the primary", async () => {
      clearReadCache();
      const task = await assignmentOf("Sở Y tế", "II.3.1");
      const state = `SELECT "state"::text AS state FROM "Assignment" WHERE id = $1`;
      await pauseReplay();
      try {
        const submitted = await submitCompletion(
          c(),
          users.syt!,
          { assignmentId: task.id, version: task.version, completedOn: "2021-06-14", text: "Đã phối hợp." },
          clock,
        );
        await pair!.waitForReceive();
        const confirmed = await confirmCompletion(
          c(),
          users.secretariat!,
          { assignmentId: task.id, version: submitted.assignment.version },
          clock,
        );
        expect(confirmed.assignment.state).toBe("completed");
        expect(await one(primarySql!, state, [task.id])).toEqual({ state: "completed" });
        // The standby has replayed neither step yet.
        expect(await one(standbySql!, state, [task.id])).toEqual({ state: "not_started" });
      } finally {
        await standbySql!.query("SELECT pg_wal_replay_resume()");
      }
      await pair!.waitForReplay();
      expect(await one(standbySql!, state, [task.id])).toEqual({ state: "completed" });
    });
  },
);
