import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@/prisma/seed/demo";
import { freshPostgres, startApp, type RunningApp } from "@/tests/helpers/app-server";
import { HttpSession } from "@/tests/helpers/http-session";
import { startRoundRobinProxy, type RoundRobinProxy } from "@/tests/helpers/round-robin-proxy";
import { startSmtpInbox, type SmtpInbox } from "@/tests/helpers/smtp-inbox";

// Issue 16: two app servers on one PostgreSQL behind a round-robin proxy on loopback, as a
// province would run them for capacity. Both start at once on an empty database (migrations and
// the demo seed happen once); a session made through one works on the other and ends on both; a
// change is seen by the next request on either server (their read caches follow the province's data
// version); the outbox both servers poll sends each e-mail once; two reminder runs at once write
// each digest once.

const TODAY = "2021-09-20";
let database: { url: string; drop: () => Promise<void> };
let proxy: RoundRobinProxy;
let apps: RunningApp[] = [];
let smtp: SmtpInbox;
let sql: pg.Client;

beforeAll(async () => {
  database = await freshPostgres(process.env.DATABASE_URL!);
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  smtp = await startSmtpInbox();
  proxy = await startRoundRobinProxy();
  const env = {
    NEXTAUTH_URL: proxy.baseUrl,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("hex"),
    SMTP_URL: smtp.url,
    MAIL_FROM: "bcd@example.test",
  };
  // Both at once on the empty database.
  apps = await Promise.all([0, 1].map(() => startApp({ existingDatabaseUrl: database.url, today: TODAY, env })));
  proxy.upstreams.push(...apps.map((a) => a.baseUrl));
}, 600_000);

afterAll(async () => {
  await Promise.all(apps.map((a) => a.stop()));
  await proxy?.close();
  await smtp?.close();
  await sql?.end();
  await database?.drop();
});

const figure = async (s: HttpSession, testId: string) => {
  const res = await s.get("/tong-quan");
  expect(res.status).toBe(200);
  const upstream = res.headers.get("x-upstream");
  const m = new RegExp(`data-testid="${testId}"[^>]*>(\\d+)<`).exec(await res.text());
  if (!m) throw new Error(`no ${testId} on the overview`);
  return { upstream, value: Number(m[1]) };
};

describe("two app servers behind a proxy", () => {
  it("migrate and seed once when they start together", async () => {
    const migrations = fs.readdirSync(path.join(process.cwd(), "prisma", "migrations")).filter((d) => /^\d+_/.test(d));
    const applied = await sql.query<{ n: number; distinct: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT migration_name)::int AS distinct FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
    );
    expect(applied.rows[0]).toEqual({ n: migrations.length, distinct: migrations.length });
    const provinces = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Province"`);
    expect(provinces.rows[0]!.n).toBe(4);
  });

  it("keep one session across both, and end it on both", async () => {
    const s = new HttpSession(proxy.baseUrl);
    expect(await s.signIn("longan.chutich", DEMO_PASSWORD)).toBe(true);
    const seen = new Set<string | null>();
    for (let i = 0; i < 4; i++) {
      const res = await s.get("/tong-quan");
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain("Tổng quan tình hình thực hiện");
      // A database without the demo's played history is a real deployment: no "Dữ liệu mẫu" banner.
      expect(html).not.toContain('data-testid="demo-banner"');
      seen.add(res.headers.get("x-upstream"));
    }
    expect([...seen].sort()).toEqual(["0", "1"]);
    // Signed out through one server: the other no longer knows the session either.
    const out = await s.get("/api/auth/csrf");
    const { csrfToken } = (await out.json()) as { csrfToken: string };
    await fetch(new URL("/api/auth/signout", proxy.baseUrl), {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: (s as unknown as { cookieHeader(): string }).cookieHeader(),
      },
      body: new URLSearchParams({ csrfToken, json: "true" }),
      redirect: "manual",
    });
    for (const app of apps) {
      const direct = await fetch(new URL("/tong-quan", app.baseUrl), {
        headers: { cookie: (s as unknown as { cookieHeader(): string }).cookieHeader() },
        redirect: "manual",
      });
      expect(direct.status, app.baseUrl).toBeGreaterThanOrEqual(300);
      expect(direct.headers.get("location") ?? "").toContain("/dang-nhap");
    }
  });

  it("show a change at the next request on either server", async () => {
    const s = new HttpSession(proxy.baseUrl);
    expect(await s.signIn("longan.chutich", DEMO_PASSWORD)).toBe(true);
    const before = [await figure(s, "stat-completed_on_time"), await figure(s, "stat-completed_on_time")];
    expect(new Set(before.map((b) => b.upstream)).size).toBe(2);
    expect(before[0]!.value).toBe(before[1]!.value);
    // An agency's task is completed on time (as the workflow's last step writes it).
    const done = await sql.query(
      `UPDATE "Assignment" SET "state" = 'completed', "completedOn" = "dueOn", "version" = "version" + 1
       WHERE id = (SELECT a.id FROM "Assignment" a JOIN "Province" p ON p.id = a."provinceId"
                   JOIN "Notice" n ON n.id = a."noticeId" AND n.status = 'published'
                   WHERE p.name = 'Long An' AND a."state" <> 'completed' AND a."dueOn" IS NOT NULL ORDER BY a.id LIMIT 1)`,
    );
    expect(done.rowCount).toBe(1);
    const after = [await figure(s, "stat-completed_on_time"), await figure(s, "stat-completed_on_time")];
    expect(new Set(after.map((a) => a.upstream)).size).toBe(2);
    expect(after.map((a) => a.value)).toEqual([before[0]!.value + 1, before[0]!.value + 1]);
  });

  it("send each e-mail of the outbox once, whichever server claims it", async () => {
    const keys = Array.from({ length: 6 }, (_, i) => `two-servers-${i}`);
    for (const key of keys) {
      await sql.query(`INSERT INTO "OutboxMessage" ("kind", "dedupeKey", "payload") VALUES ('email', $1, $2)`, [
        key,
        JSON.stringify({ to: "canbo@example.test", subject: `Thư thử ${key}`, items: [{ title: key }] }),
      ]);
    }
    await expect
      .poll(
        async () =>
          (
            await sql.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM "OutboxMessage" WHERE "dedupeKey" LIKE 'two-servers-%' AND "sentAt" IS NOT NULL`,
            )
          ).rows[0]!.n,
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe(6);
    // Give a second claim every chance to happen, then count what arrived.
    await new Promise((r) => setTimeout(r, 16_000));
    for (const key of keys)
      expect(
        smtp.received.filter((m) => m.raw.includes(key)),
        key,
      ).toHaveLength(1);
  }, 120_000);

  it("write each reminder digest once when two reminder runs start together", async () => {
    // A day that is some open task's reminder day (3 days before its deadline, by the default schedule).
    const [{ day }] = (
      await sql.query<{ day: string }>(
        `SELECT to_char(a."dueOn" - 3, 'YYYY-MM-DD') AS day FROM "Assignment" a
         JOIN "Notice" n ON n.id = a."noticeId" AND n.status = 'published'
         WHERE a."state" <> 'completed' AND a."dueOn" IS NOT NULL ORDER BY a."dueOn" DESC LIMIT 1`,
      )
    ).rows as [{ day: string }];
    let output = "";
    const run = () =>
      new Promise<number | null>((resolve) => {
        const child = spawn("npm", ["run", "-s", "reminders"], {
          env: { ...process.env, DATABASE_URL: database.url, APP_TODAY: day },
          stdio: ["ignore", "pipe", "pipe"],
        });
        child.stdout.on("data", (d) => (output += d));
        child.stderr.on("data", (d) => (output += d));
        child.on("exit", (code) => resolve(code));
      });
    expect(await Promise.all([run(), run()]), output).toEqual([0, 0]);
    const digests = await sql.query<{ n: number; pairs: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT ("agencyId", "digestOn"))::int AS pairs FROM "ReminderDigest"`,
    );
    expect(digests.rows[0]!.n, output).toBeGreaterThan(0);
    expect(digests.rows[0]!.n).toBe(digests.rows[0]!.pairs);
    // A third run finds nothing left to write.
    const before = digests.rows[0]!.n;
    expect(await run()).toBe(0);
    expect((await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ReminderDigest"`)).rows[0]!.n).toBe(before);
  }, 180_000);
});
