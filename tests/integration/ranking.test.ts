import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { agencyResults, rank, rankChange, ranking } from "@/lib/ranking/figures";
import { makePeriod, parsePeriodKey, previousPeriod } from "@/lib/ranking/periods";
import { score } from "@/lib/ranking/score";
import { documentBytes } from "@/lib/exports/respond";
import { rankingDocument } from "@/lib/ranking/document";
import { publicRanking, publishRanking, withdrawRankingPublication } from "@/lib/ranking/publication";
import { seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

// Quarterly results (/xep-hang): a crafted quarter, 2030-Q1, far from the demo's 2021, made of
// Long An's seeded one-off tasks moved into it, judged on 2030-04-10.

let t: TestDatabase;
const users: Record<string, SessionUser> = {};
const TODAY = "2030-04-10";
const Q1 = makePeriod("quarter", 2030, 1);
let A: number; // the agency of longan.syt
let B: number; // another agency
let C: number; // a third agency
let hiddenAgency: number; // its only Q1 task belongs to a notice sent back to draft

async function userNamed(username: string): Promise<SessionUser> {
  const row = await t.prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  return (await loadSessionUser(t.prisma, row.id))!;
}

/** Moves one of the agency's one-off tasks of a published notice into the crafted periods. */
async function craft(agencyId: number, set: { dueOn: string; state: string; completedOn?: string }, used: number[]) {
  const [row] = await t.prisma.$queryRaw<{ id: number }[]>`
    SELECT a.id FROM "Assignment" a JOIN "Directive" d ON d.id = a."directiveId" JOIN "Notice" n ON n.id = a."noticeId"
    WHERE a."agencyId" = ${agencyId} AND d."recurrence" IS NULL AND n."status" = 'published'
      AND NOT (a.id = ANY(${used}::int[])) ORDER BY a.id LIMIT 1`;
  if (!row) throw new Error(`no task left for agency ${agencyId}`);
  used.push(row.id);
  await t.prisma
    .$executeRaw`UPDATE "Assignment" SET "dueOn" = ${set.dueOn}::date, "state" = ${set.state}::"AssignmentState",
    "completedOn" = ${set.completedOn ?? null}::date WHERE id = ${row.id}`;
  return row.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
  for (const u of ["longan.vanphong", "longan.chutich", "longan.syt", "langson.chutich"]) users[u] = await userNamed(u);
  A = users["longan.syt"]!.agencyIds[0]!;
  const others = await t.prisma.$queryRaw<{ agencyId: number }[]>`
    SELECT a."agencyId" FROM "Assignment" a JOIN "Directive" d ON d.id = a."directiveId" JOIN "Notice" n ON n.id = a."noticeId"
    WHERE a."provinceId" = ${users["longan.syt"]!.provinceId} AND a."agencyId" <> ${A} AND d."recurrence" IS NULL AND n."status" = 'published'
    GROUP BY a."agencyId" HAVING count(*) >= 3 ORDER BY a."agencyId" LIMIT 2`;
  [B, C] = others.map((o) => o.agencyId) as [number, number];
  const used: number[] = [];
  // Agency A, 2030-Q1: one on time, one late, one overdue by 10 days, one extended to 20/3 and done on 18/3.
  await craft(A, { dueOn: "2030-01-10", state: "completed", completedOn: "2030-01-09" }, used);
  await craft(A, { dueOn: "2030-02-10", state: "completed", completedOn: "2030-02-15" }, used);
  await craft(A, { dueOn: "2030-03-31", state: "in_progress" }, used);
  await craft(A, { dueOn: "2030-03-20", state: "completed", completedOn: "2030-03-18" }, used);
  // Agency B: two on time. Agency C: one on time, one overdue (5 days).
  await craft(B, { dueOn: "2030-01-05", state: "completed", completedOn: "2030-01-05" }, used);
  await craft(B, { dueOn: "2030-03-01", state: "completed", completedOn: "2030-02-01" }, used);
  await craft(C, { dueOn: "2030-02-01", state: "completed", completedOn: "2030-01-30" }, used);
  await craft(C, { dueOn: "2030-04-05", state: "in_progress" }, used); // Q2: not in Q1
  await craft(C, { dueOn: "2030-03-26", state: "not_started" }, used);
  // Previous quarter 2029-Q4: A first (on time), B last (overdue), C absent.
  await craft(A, { dueOn: "2029-11-01", state: "completed", completedOn: "2029-10-01" }, used);
  await craft(B, { dueOn: "2029-11-01", state: "in_progress" }, used);
  // A task of an unpublished notice in Q1 is left out: its notice goes back to draft.
  const [h] = await t.prisma.$queryRaw<{ id: number; noticeId: number; agencyId: number }[]>`
    SELECT a.id, a."noticeId", a."agencyId" FROM "Assignment" a JOIN "Notice" n ON n.id = a."noticeId"
    WHERE a."provinceId" = ${users["longan.syt"]!.provinceId} AND a."agencyId" NOT IN (${A}, ${B}, ${C}) AND n."status" = 'published'
    ORDER BY a.id LIMIT 1`;
  await t.prisma
    .$executeRaw`UPDATE "Assignment" SET "dueOn" = '2030-01-15', "state" = 'completed', "completedOn" = '2030-01-01' WHERE id = ${h!.id}`;
  const draft = await t.prisma.notice.create({
    data: {
      provinceId: users["longan.syt"]!.provinceId!,
      kind: "TB",
      issuer: "VP",
      title: "Bản nháp",
      sourceText: "",
      status: "draft",
    },
  });
  await t.prisma.$executeRaw`UPDATE "Assignment" SET "noticeId" = ${draft.id} WHERE id = ${h!.id}`;
  hiddenAgency = h!.agencyId;
}, 240_000);

afterAll(async () => {
  await t?.drop();
});

describe("quarterly results", () => {
  it("counts a crafted quarter: on time, late, overdue with its days, an extended task against its new day", async () => {
    const r = await ranking(t.prisma, users["longan.vanphong"]!, Q1, TODAY);
    const a = r.rows.find((x) => x.agencyId === A)!;
    expect(a).toMatchObject({
      assigned: 4,
      completedOnTime: 2,
      completedLate: 1,
      onTrack: 0,
      overdue: 1,
      overdueDays: 10,
    });
    // 100 × (2 + 0.5 × 1) / 4 − 0.1 × 10 / 4 = 62.5 − 0.25
    expect(a.score).toBe(62.3);
    const c = r.rows.find((x) => x.agencyId === C)!;
    expect(c).toMatchObject({ assigned: 2, completedOnTime: 1, overdue: 1, overdueDays: 15 });
    const b = r.rows.find((x) => x.agencyId === B)!;
    expect(b).toMatchObject({ assigned: 2, completedOnTime: 2, overdue: 0 });
    expect(b.score).toBe(100);
  });

  it("leaves out tasks of notices that are not published", async () => {
    const r = await ranking(t.prisma, users["longan.chutich"]!, Q1, TODAY);
    expect(r.rows.map((x) => x.agencyId)).not.toContain(hiddenAgency);
    expect(r.rows.map((x) => x.agencyId).sort()).toEqual([A, B, C].sort());
  });

  it("ranks by score with the change since the previous quarter", async () => {
    const r = await ranking(t.prisma, users["longan.chutich"]!, Q1, TODAY);
    const byId = new Map(r.rows.map((x) => [x.agencyId, x]));
    // Q1 (only the crafted agencies have due days in 2030): B 100, A 62.3, C 50 − 0.75.
    expect([byId.get(B)!.rank, byId.get(A)!.rank, byId.get(C)!.rank]).toEqual([1, 2, 3]);
    // 2029-Q4: A 1st, B 2nd; C had no rank.
    expect(rankChange(byId.get(B)!)).toBe("▲1");
    expect(rankChange(byId.get(A)!)).toBe("▼1");
    expect(rankChange(byId.get(C)!)).toBe("mới");
  });

  it("breaks ties by on-time rate, then by name", () => {
    const rows = rank([
      { name: "Sở B", score: 50, onTimeRate: 0.5 },
      { name: "Sở A", score: 50, onTimeRate: 0.5 },
      { name: "Sở C", score: 50, onTimeRate: 0.9 },
      { name: "Sở D", score: null, onTimeRate: null },
    ]);
    expect(rows.map((r) => [r.name, r.rank])).toEqual([
      ["Sở C", 1],
      ["Sở A", 2],
      ["Sở B", 3],
      ["Sở D", null],
    ]);
  });

  it("agency staff read their own agency's page, not another's; another province sees nothing", async () => {
    const staff = users["longan.syt"]!;
    const own = await agencyResults(t.prisma, staff, A, Q1, TODAY);
    expect(own.current?.assigned).toBe(4);
    expect(own.history.map((h) => h.row?.rank ?? null)).toEqual([2, null, null, null]);
    await expect(agencyResults(t.prisma, staff, B, Q1, TODAY)).rejects.toBeInstanceOf(ForbiddenError);
    // The ranking page itself gives agency staff only their own rows.
    expect((await ranking(t.prisma, staff, Q1, TODAY)).rows.map((r) => r.agencyId)).toEqual([A]);
    await expect(agencyResults(t.prisma, users["langson.chutich"]!, A, Q1, TODAY)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});

describe("the export", () => {
  it("writes the ranking as an XLSX workbook with the table's rows", async () => {
    const doc = await rankingDocument(t.prisma, users["longan.vanphong"]!, Q1, TODAY);
    expect(doc.sheets[0]!.rows).toHaveLength(3);
    expect(doc.sheets[0]!.rows[0]![0]).toBe(1);
    const bytes = await documentBytes(doc, "xlsx");
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
  });
});

describe("periods and the formula", () => {
  it("reads period keys and steps back one period of the same length", () => {
    expect(parsePeriodKey("2021-Q3")).toMatchObject({ start: "2021-07-01", end: "2021-09-30", label: "Quý III/2021" });
    expect(parsePeriodKey("2021-H1")).toMatchObject({ start: "2021-01-01", end: "2021-06-30" });
    expect(parsePeriodKey("2021")).toMatchObject({ start: "2021-01-01", end: "2021-12-31" });
    for (const bad of ["2021-Q5", "21-Q1", "x", "", "2021-Q1;drop"]) expect(parsePeriodKey(bad)).toBeUndefined();
    expect(previousPeriod(parsePeriodKey("2021-Q1")!).key).toBe("2020-Q4");
    expect(previousPeriod(parsePeriodKey("2021-H2")!).key).toBe("2021-H1");
    expect(previousPeriod(parsePeriodKey("2021")!).key).toBe("2020");
  });

  it("scores: nothing judged → no score; the penalty is capped", () => {
    const zero = { assigned: 0, completedOnTime: 0, completedLate: 0, onTrack: 0, overdue: 0, overdueDays: 0 };
    expect(score(zero)).toBeNull();
    expect(score({ ...zero, assigned: 1, overdue: 1, overdueDays: 10_000 })).toBe(0);
    expect(score({ ...zero, assigned: 2, completedOnTime: 1, overdue: 1, overdueDays: 1000 })).toBe(30);
  });
});

describe("publishing a quarter", () => {
  const code = async () =>
    (await t.prisma.province.findUniqueOrThrow({ where: { id: users["longan.vanphong"]!.provinceId! } })).code;
  const rowOf = async (agencyId: number) =>
    (await ranking(t.prisma, users["longan.chutich"]!, Q1, TODAY)).rows.find((r) => r.agencyId === agencyId)!;

  it("is not public until published, and only the secretariat publishes", async () => {
    expect(await publicRanking(t.prisma, await code(), Q1.key)).toBeNull();
    for (const who of ["longan.chutich", "longan.syt", "langson.chutich"]) {
      await expect(publishRanking(t.prisma, users[who]!, { period: Q1, isPublic: true }, TODAY)).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    }
    expect(await t.prisma.rankingPublication.count()).toBe(0);
  });

  it("freezes the published figures and formula: later changes do not move them", async () => {
    await publishRanking(t.prisma, users["longan.vanphong"]!, { period: Q1, isPublic: false }, TODAY);
    const r = await ranking(t.prisma, users["longan.chutich"]!, Q1, TODAY);
    expect(r.published).toMatchObject({ asOf: TODAY, isPublic: false, publishedBy: expect.any(String) });
    // A's overdue task is completed afterwards, late; the province gives late work full credit.
    await t.prisma.$executeRaw`UPDATE "Assignment" SET "state" = 'completed', "completedOn" = '2030-04-02'
      WHERE "agencyId" = ${A} AND "dueOn" = '2030-03-31'`;
    await t.prisma.province.update({
      where: { id: users["longan.vanphong"]!.provinceId! },
      data: { scoreLateCredit: 1 },
    });
    const a = await rowOf(A);
    expect(a).toMatchObject({ overdue: 1, completedLate: 1, score: 62.3, rank: 2 });
    expect((await ranking(t.prisma, users["longan.chutich"]!, Q1, "2030-06-01")).formula.lateCredit).toBe(0.5);
    const own = await agencyResults(t.prisma, users["longan.syt"]!, A, Q1, TODAY);
    expect(own.current).toMatchObject({ score: 62.3 });
    expect(own.published).not.toBeNull();
    // Published but not made public: still nothing without signing in; publishing twice is refused.
    expect(await publicRanking(t.prisma, await code(), Q1.key)).toBeNull();
    await expect(
      publishRanking(t.prisma, users["longan.vanphong"]!, { period: Q1, isPublic: true }, TODAY),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("withdrawn, it gives the live figures back; published publicly, the public page shows exactly that", async () => {
    await withdrawRankingPublication(t.prisma, users["longan.vanphong"]!, {
      period: Q1,
      reason: "Số liệu cần rà soát lại",
    });
    // Live now, with the province's formula: A 4 done (2 on time, 2 late at full credit) → 100.
    expect(await rowOf(A)).toMatchObject({ overdue: 0, completedLate: 2, score: 100 });
    expect((await ranking(t.prisma, users["longan.chutich"]!, Q1, TODAY)).published).toBeNull();
    const actions = await t.prisma.auditLog.findMany({
      where: { entityType: "RankingPublication" },
      orderBy: { id: "asc" },
      select: { action: true, after: true },
    });
    expect(actions.map((x) => x.action)).toEqual(["ranking.publish", "ranking.withdraw"]);
    expect(actions[1]!.after).toMatchObject({ reason: "Số liệu cần rà soát lại" });

    await publishRanking(t.prisma, users["longan.vanphong"]!, { period: Q1, isPublic: true }, TODAY);
    const pub = await publicRanking(t.prisma, await code(), Q1.key);
    // A and B tie at 100; B ranks first by its on-time rate.
    expect(pub?.ranking.rows.map((r) => [r.agencyId, r.score])).toEqual([
      [B, 100],
      [A, 100],
      [C, 49.3],
    ]);
    // Nothing else is public: another period, another province, a key written otherwise.
    expect(await publicRanking(t.prisma, await code(), "2030-Q2")).toBeNull();
    expect(await publicRanking(t.prisma, await code(), "2030-q1")).toBeNull();
    const other = await t.prisma.province.findUniqueOrThrow({ where: { id: users["langson.chutich"]!.provinceId! } });
    expect(await publicRanking(t.prisma, other.code, Q1.key)).toBeNull();
  });
});
