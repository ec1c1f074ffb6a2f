import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { cachedReads } from "@/lib/db/cached-reads";
import { postgresClient, readDb, type Db } from "@/lib/db/client";
import { clearReadCache } from "@/lib/db/read-cache";
import { seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, usingRealPostgres, type TestDatabase } from "@/tests/helpers/test-database";

// DATABASE_REPLICA_URL: the pages' cached reads go to the replica, writes to the primary (Prisma's
// read-replicas extension, lib/db/client.ts postgresClient). The "replica" here is a copy of the
// primary's database on the same server, not a standby: what it checks is where each query goes,
// seen by giving the two databases different contents (a standby cannot be written to apart from
// its primary). The real streaming standby, replication lag included, is in
// read-replica-streaming.test.ts, which makes its own primary and standby.

const DAY = "2021-09-20";
let primary: TestDatabase;
let replicaName: string;
let replicaUrl: string;
let client: Db;
let chair: SessionUser;

beforeAll(async () => {
  if (!usingRealPostgres()) return;
  primary = await createTestDatabase();
  await seedDemo(primary.prisma, () => {});
  await primary.prisma.$disconnect();
  const base = new URL(primary.url!);
  replicaName = `${base.pathname.slice(1)}_replica`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [base.pathname.slice(1)],
  );
  await admin.query(`CREATE DATABASE "${replicaName}" TEMPLATE "${base.pathname.slice(1)}"`);
  await admin.end();
  base.pathname = `/${replicaName}`;
  replicaUrl = base.toString();
  client = postgresClient(primary.url!, replicaUrl);
  const row = await client.user.findUniqueOrThrow({ where: { username: "longan.chutich" }, select: { id: true } });
  chair = (await loadSessionUser(client, row.id))!;
}, 120_000);

afterAll(async () => {
  if (!usingRealPostgres()) return;
  await client?.$disconnect();
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${replicaName}" WITH (FORCE)`);
  await admin.end();
  await primary?.drop();
});

describe.skipIf(!usingRealPostgres())("a read replica", () => {
  it("serves the cached page reads, version included, while writes go to the primary", async () => {
    clearReadCache();
    const completed = async () =>
      (await cachedReads.agencyTable(client, chair, DAY, {}, {})).reduce((n, a) => n + a.completedOnTime, 0);
    const before = await completed();
    // A task completed on the replica only (as if replicated): the page's reads see it.
    const replica = new pg.Client({ connectionString: replicaUrl });
    await replica.connect();
    try {
      await replica.query(
        `UPDATE "Assignment" SET "state" = 'completed', "completedOn" = "dueOn" WHERE id = (
           SELECT a.id FROM "Assignment" a JOIN "Province" p ON p.id = a."provinceId"
           JOIN "Notice" n ON n.id = a."noticeId" AND n.status = 'published'
           WHERE p.name = 'Long An' AND a."state" <> 'completed' AND a."dueOn" IS NOT NULL ORDER BY a.id LIMIT 1)`,
      );
      expect(await completed()).toBe(before + 1);
      // The primary has not got it; a write through the client lands there, not on the replica.
      const primaryCount = async () =>
        (
          await client.$queryRaw<
            { n: number }[]
          >`SELECT count(*)::int AS n FROM "Assignment" WHERE "state" = 'completed'`
        )[0]!.n;
      const replicaCount = async () =>
        (
          await readDb(client).$queryRaw<
            { n: number }[]
          >`SELECT count(*)::int AS n FROM "Assignment" WHERE "state" = 'completed'`
        )[0]!.n;
      expect(await replicaCount()).toBe((await primaryCount()) + 1);
      // The client's own reads stay on the primary (a workflow step checks the task it changes there).
      expect(await client.assignment.count({ where: { state: "completed" } })).toBe(await primaryCount());
      await client.comment.create({
        data: {
          assignmentId: (await client.assignment.findFirstOrThrow({ select: { id: true } })).id,
          body: "Ghi chú trên bản chính.",
        },
      });
      const comments = await replica.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Comment" WHERE "body" = 'Ghi chú trên bản chính.'`,
      );
      expect(comments.rows[0]!.n).toBe(0);
      const direct = new pg.Client({ connectionString: primary.url! });
      await direct.connect();
      const onPrimary = await direct.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Comment" WHERE "body" = 'Ghi chú trên bản chính.'`,
      );
      await direct.end();
      expect(onPrimary.rows[0]!.n).toBe(1);
    } finally {
      await replica.end();
    }
  });
});
