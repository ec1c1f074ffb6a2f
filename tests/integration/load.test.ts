import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateLoad } from "@/prisma/load/generate";
import { createTestDatabase, usingRealPostgres, type TestDatabase } from "@/tests/helpers/test-database";

// `npm run db:load` at a small size: the generated rows hang together (each assignment's notice is
// its directive's, its agency is of its province) and the overview's running totals, which the
// bulk load writes with the triggers off, equal the totals counted again from the assignments.
// The loader talks to a server (COPY, VACUUM): PostgreSQL only, as in CI's PostgreSQL pass.

let t: TestDatabase;

describe.skipIf(!usingRealPostgres())("db:load", () => {
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("fills an empty database with consistent rows and running totals", async () => {
    const result = await generateLoad(t.url!, { provinces: 2, assignments: 5000, seed: 7, log: () => {} });
    expect(result.assignments).toBe(5000);
    const [check] = await t.prisma.$queryRaw<
      { assignments: number; tallied: number; wrongNotice: number; wrongProvince: number; mismatched: number }[]
    >`
      SELECT (SELECT count(*) FROM "Assignment")::int AS "assignments",
        (SELECT COALESCE(sum("assigned"), 0) FROM "AssignmentTally")::int AS "tallied",
        (SELECT count(*) FROM "Assignment" a JOIN "Directive" d ON d.id = a."directiveId" WHERE d."noticeId" <> a."noticeId")::int AS "wrongNotice",
        (SELECT count(*) FROM "Assignment" a JOIN "Agency" g ON g.id = a."agencyId" WHERE g."provinceId" <> a."provinceId")::int AS "wrongProvince",
        (SELECT count(*) FROM (
          SELECT a."agencyId", a."noticeId", count(*)::int AS n, (count(*) FILTER (WHERE a."state" = 'completed'))::int AS done,
            (count(*) FILTER (WHERE a."state" = 'completed' AND a."dueOn" IS NOT NULL AND a."completedOn" > a."dueOn"))::int AS late,
            (count(*) FILTER (WHERE a."dueOn" IS NULL))::int AS nodl
          FROM "Assignment" a GROUP BY 1, 2
          EXCEPT SELECT "agencyId", "noticeId", "assigned", "completed", "completedLate", "noDeadline" FROM "AssignmentTally"
        ) x)::int AS "mismatched"`;
    expect(check).toEqual({ assignments: 5000, tallied: 5000, wrongNotice: 0, wrongProvince: 0, mismatched: 0 });
    // The board's search columns, folded in JavaScript by the loader (its triggers are off), hold
    // what the migration's SQL fold writes.
    const [fold] = await t.prisma.$queryRaw<{ directives: number; wrongDirectives: number; wrongAgencies: number }[]>`
      SELECT (SELECT count(*) FROM "Directive" WHERE "searchText" <> '')::int AS "directives",
        (SELECT count(*) FROM "Directive" d JOIN "Notice" n ON n.id = d."noticeId"
          WHERE d."searchText" <> directive_search_text(d."text", d."ref", d."deadlinePhrase", n."number", n."title"))::int AS "wrongDirectives",
        (SELECT count(*) FROM "Agency" WHERE "searchShortName" <> notice_search_fold("shortName"))::int AS "wrongAgencies"`;
    expect(fold).toEqual({ directives: expect.any(Number), wrongDirectives: 0, wrongAgencies: 0 });
    expect(fold!.directives).toBe(await t.prisma.directive.count());
  });
});
