import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

// The overview's running totals (AssignmentTally, kept by the trigger of migration
// 20261123171000_assignment_tally) must always equal the totals counted again from the
// assignments. Every kind of change an assignment can go through is made here with plain SQL —
// whatever code makes it, the trigger sees it — and the two are compared after each.

let t: TestDatabase;

type Tally = {
  agencyId: number;
  noticeId: number;
  provinceId: number;
  assigned: number;
  completed: number;
  completedOnTime: number;
  completedLate: number;
  noDeadline: number;
};

async function running(): Promise<Tally[]> {
  return t.prisma.$queryRaw<Tally[]>`SELECT * FROM "AssignmentTally" ORDER BY "agencyId", "noticeId"`;
}

/** The totals counted again: the same as assignment_tally_rebuild() writes. */
async function recounted(): Promise<Tally[]> {
  return t.prisma.$queryRaw<Tally[]>`
    SELECT a."agencyId", a."noticeId", min(a."provinceId")::int AS "provinceId", count(*)::int AS "assigned",
      (count(*) FILTER (WHERE a."state" = 'completed'))::int AS "completed",
      (count(*) FILTER (WHERE a."state" = 'completed' AND a."dueOn" IS NOT NULL AND (a."completedOn" IS NULL OR a."completedOn" <= a."dueOn")))::int AS "completedOnTime",
      (count(*) FILTER (WHERE a."state" = 'completed' AND a."dueOn" IS NOT NULL AND a."completedOn" > a."dueOn"))::int AS "completedLate",
      (count(*) FILTER (WHERE a."dueOn" IS NULL))::int AS "noDeadline"
    FROM "Assignment" a GROUP BY a."agencyId", a."noticeId" ORDER BY 1, 2`;
}

async function expectConsistent() {
  expect(await running()).toEqual(await recounted());
}

/** A dated assignment of Long An's Sở Y tế (II.3.2, due 15/06/2021), and its notice. */
async function sampleAssignment() {
  return t.prisma.assignment.findFirstOrThrow({
    where: { agency: { name: "Sở Y tế", province: { name: "Long An" } }, dueOn: { not: null } },
    select: { id: true, agencyId: true, noticeId: true, directiveId: true },
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
});

afterAll(async () => {
  await t?.drop();
});

describe("running totals per agency and notice", () => {
  it("hold every seeded assignment once", async () => {
    const rows = await running();
    expect(rows.reduce((s, r) => s + r.assigned, 0)).toBe(await t.prisma.assignment.count());
    await expectConsistent();
  });

  it("follow completion on time, completion late, reopening and a moved deadline", async () => {
    const a = await sampleAssignment();
    const before = (await running()).find((r) => r.agencyId === a.agencyId && r.noticeId === a.noticeId)!;
    await t.prisma
      .$executeRaw`UPDATE "Assignment" SET "state" = 'completed', "completedOn" = '2021-06-14' WHERE id = ${a.id}`;
    await expectConsistent();
    const onTime = (await running()).find((r) => r.agencyId === a.agencyId && r.noticeId === a.noticeId)!;
    expect([onTime.completed, onTime.completedOnTime, onTime.completedLate]).toEqual([
      before.completed + 1,
      before.completedOnTime + 1,
      before.completedLate,
    ]);

    await t.prisma.$executeRaw`UPDATE "Assignment" SET "completedOn" = '2021-06-20' WHERE id = ${a.id}`; // finished after its day
    await expectConsistent();
    await t.prisma.$executeRaw`UPDATE "Assignment" SET "dueOn" = '2021-06-30' WHERE id = ${a.id}`; // an extension makes it on time
    await expectConsistent();
    await t.prisma.$executeRaw`UPDATE "Assignment" SET "dueOn" = NULL WHERE id = ${a.id}`; // the deadline removed
    await expectConsistent();
    await t.prisma.$executeRaw`UPDATE "Assignment" SET "dueOn" = '2021-06-15', "completedOn" = NULL WHERE id = ${a.id}`; // completed, day not given: on time
    await expectConsistent();
    await t.prisma
      .$executeRaw`UPDATE "Assignment" SET "state" = 'in_progress', "completedOn" = NULL, "dueOn" = '2021-06-15' WHERE id = ${a.id}`; // returned
    await expectConsistent();
    const back = (await running()).find((r) => r.agencyId === a.agencyId && r.noticeId === a.noticeId)!;
    expect(back).toEqual(before);
  });

  it("ignore changes that count for nothing, and follow several rows changed at once", async () => {
    const a = await sampleAssignment();
    await t.prisma
      .$executeRaw`UPDATE "Assignment" SET "version" = "version" + 1, "startedAt" = now() WHERE id = ${a.id}`;
    await expectConsistent();
    await t.prisma
      .$executeRaw`UPDATE "Assignment" SET "state" = 'completed', "completedOn" = "dueOn" + 3 WHERE "noticeId" = ${a.noticeId} AND "dueOn" IS NOT NULL`;
    await expectConsistent();
  });

  it("follow an assignment given to another agency, added, and removed", async () => {
    const a = await sampleAssignment();
    const province = await t.prisma.agency.findUniqueOrThrow({
      where: { id: a.agencyId },
      select: { provinceId: true },
    });
    // Two agencies of the province without a task from this directive.
    const free = await t.prisma.agency.findMany({
      where: { provinceId: province.provinceId, assignments: { none: { directiveId: a.directiveId } } },
      select: { id: true },
      take: 2,
      orderBy: { id: "asc" },
    });
    expect(free).toHaveLength(2);
    await t.prisma.$executeRaw`UPDATE "Assignment" SET "agencyId" = ${free[0]!.id} WHERE id = ${a.id}`;
    await expectConsistent();
    await t.prisma.$executeRaw`UPDATE "Assignment" SET "agencyId" = ${a.agencyId} WHERE id = ${a.id}`;
    await expectConsistent();
    const added = await t.prisma.assignment.create({
      data: {
        directiveId: a.directiveId,
        noticeId: a.noticeId,
        agencyId: free[1]!.id,
        provinceId: province.provinceId,
        role: "support",
        dueOn: null,
      },
    });
    await expectConsistent();
    await t.prisma.assignment.delete({ where: { id: added.id } });
    await expectConsistent();
  });

  it("lose a deleted directive's and a deleted notice's tasks (cascades), leaving no empty rows", async () => {
    const a = await sampleAssignment();
    await t.prisma.directive.delete({ where: { id: a.directiveId } });
    await expectConsistent();
    await t.prisma.notice.delete({ where: { id: a.noticeId } });
    await expectConsistent();
    expect((await running()).filter((r) => r.noticeId === a.noticeId)).toEqual([]);
  });

  it("are what assignment_tally_rebuild() writes", async () => {
    const before = await running();
    await t.prisma.$executeRaw`SELECT assignment_tally_rebuild()`;
    expect(await running()).toEqual(before);
  });
});
