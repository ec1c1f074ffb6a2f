import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { withClockStamps } from "@/lib/db/stamps";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { overview } from "@/lib/reports/overview";
import { queuesFor } from "@/lib/queues/queues";
import { DEMO_TODAY } from "@/prisma/seed/history";
import { demoHistoryDay, seedDemo, type SeedResult } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

// The demo `npm start` seeds: the notices with a played history through the workflow services,
// dated on the demo's clock. What a person opening the demo would notice: tasks in every state,
// extensions and explanations in each outcome, figures that are not all "not started", and an
// audit trail and inbox dated inside the history, not on the day the seed ran.

let t: TestDatabase;
let client: PrismaClient;
let first: SeedResult;

async function user(username: string): Promise<SessionUser> {
  const row = await client.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  return (await loadSessionUser(client, row.id))!;
}

const END_OF_DEMO_DAY = new Date(`${DEMO_TODAY}T17:00:00Z`); // 24:00 in Vietnam

beforeAll(async () => {
  t = await createTestDatabase();
  client = withClockStamps(t.prisma);
  first = await seedDemo(client, () => {}, { history: true });
}, 600_000);

afterAll(async () => {
  await t?.drop();
});

describe("the demo's played history", () => {
  it("records the demo's day for npm start to serve on", async () => {
    expect(await demoHistoryDay(client)).toBe(DEMO_TODAY);
    expect(first.history?.steps).toBeGreaterThan(500);
  });

  it("leaves tasks in every state, some returned with a reason", async () => {
    const states = await client.assignment.groupBy({ by: ["state"], _count: true });
    const byState = Object.fromEntries(states.map((s) => [s.state, s._count]));
    for (const s of ["not_started", "in_progress", "submitted", "completed"])
      expect(byState[s] ?? 0).toBeGreaterThan(5);
    expect(
      await client.assignment.count({ where: { state: "in_progress", returnReason: { not: null } } }),
    ).toBeGreaterThan(0);
    // Completed both on time and late, judged against the deadline in force.
    const judged = await client.$queryRaw<{ on_time: number; late: number }[]>`
      SELECT count(*) FILTER (WHERE "completedOn" <= "dueOn")::int AS on_time,
             count(*) FILTER (WHERE "completedOn" > "dueOn")::int AS late
      FROM "Assignment" WHERE state = 'completed' AND "dueOn" IS NOT NULL`;
    expect(judged[0]!.on_time).toBeGreaterThan(5);
    expect(judged[0]!.late).toBeGreaterThan(5);
  });

  it("has extensions granted as asked, to another date, refused and pending", async () => {
    const ext = await client.extensionRequest.findMany({
      select: { status: true, requestedDueOn: true, grantedDueOn: true },
    });
    const approved = ext.filter((e) => e.status === "approved");
    const asAsked = (e: (typeof ext)[number]) =>
      !e.grantedDueOn || e.grantedDueOn.getTime() === e.requestedDueOn.getTime();
    expect(approved.some(asAsked)).toBe(true);
    expect(approved.some((e) => !asAsked(e))).toBe(true);
    expect(ext.filter((e) => e.status === "refused").length).toBeGreaterThan(0);
    expect(ext.filter((e) => e.status === "pending").length).toBeGreaterThan(0);
  });

  it("has explanation requests answered, and unanswered past their reply day", async () => {
    const req = await client.explanationRequest.findMany({ select: { status: true, replyDueOn: true } });
    expect(req.filter((r) => r.status === "answered").length).toBeGreaterThan(3);
    const late = req.filter((r) => r.status === "pending" && r.replyDueOn.toISOString().slice(0, 10) < DEMO_TODAY);
    expect(late.length).toBeGreaterThan(0);
  });

  it("reports ongoing tasks month after month, with gaps in the current month", async () => {
    const months = await client.$queryRaw<{ month: string; n: number }[]>`
      SELECT to_char(r."createdAt" AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') AS month, count(*)::int AS n
      FROM "ProgressReport" r JOIN "Assignment" a ON a.id = r."assignmentId"
      WHERE a."dueOn" IS NULL AND r.kind <> 'completion' GROUP BY 1 ORDER BY 1`;
    expect(months.length).toBeGreaterThan(4);
    const current = months.find((m) => m.month === DEMO_TODAY.slice(0, 7))?.n ?? 0;
    const previous = months.find((m) => m.month === "2022-01")?.n ?? 0;
    expect(current).toBeGreaterThan(0);
    expect(current).toBeLessThan(previous);
  });

  it("dates the audit trail, reports and notifications inside the history", async () => {
    for (const [table, column] of [
      ["AuditLog", "createdAt"],
      ["Notification", "createdAt"],
      ["ProgressReport", "createdAt"],
      ["Assignment", "createdAt"],
      ["Notice", "createdAt"],
      // Prisma's own @updatedAt would say the real day ("Điều chỉnh 02/12/2026" on every card).
      ["Directive", "updatedAt"],
      ["Assignment", "updatedAt"],
    ] as const) {
      const [row] = await client.$queryRawUnsafe<{ min: Date; max: Date }[]>(
        `SELECT min("${column}") AS min, max("${column}") AS max FROM "${table}"`,
      );
      expect(row!.min.getTime(), table).toBeGreaterThanOrEqual(new Date("2021-05-19T00:00:00Z").getTime());
      expect(row!.max.getTime(), table).toBeLessThanOrEqual(END_OF_DEMO_DAY.getTime());
    }
    // The audit row of a confirmation is dated when the result was confirmed.
    const confirmed = await client.assignment.findFirstOrThrow({
      where: { state: "completed", confirmedAt: { not: null } },
      select: { id: true, confirmedAt: true },
    });
    const row = await client.auditLog.findFirstOrThrow({
      where: { entityType: "Assignment", entityId: confirmed.id, action: "assignment.confirm" },
      select: { createdAt: true },
    });
    expect(row.createdAt.getTime()).toBe(confirmed.confirmedAt!.getTime());
  });

  it("gives the chairman an overview that moves, and the secretariat a queue", async () => {
    const chairman = await user("longan.chutich");
    const o = await overview(client, chairman, DEMO_TODAY);
    expect(o.summary.total).toBeGreaterThan(0);
    expect(o.weeks.some((w) => w.completed > 0)).toBe(true);
    const counted = o.agencies.reduce((s, a) => s + a.completedOnTime + a.completedLate, 0);
    expect(counted).toBeGreaterThan(0);
    const queues = await queuesFor(client, await user("longan.vanphong"), DEMO_TODAY);
    expect(queues.find((q) => q.kind === "toConfirm")!.total).toBeGreaterThan(3);
    expect(queues.find((q) => q.kind === "extensions")!.total).toBeGreaterThan(0);
  });

  it("adds nothing when seeded again", async () => {
    const before = { audit: await client.auditLog.count(), users: await client.user.count() };
    const again = await seedDemo(client, () => {}, { history: true });
    expect(again.history).toBeNull();
    expect({ audit: await client.auditLog.count(), users: await client.user.count() }).toEqual(before);
  });
});
