import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencyBoard, boardAgencies } from "@/lib/assignments/board";
import { loadSessionUser, verifyCredentials, WRONG_CREDENTIALS } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { createNotice } from "@/lib/notices/create";
import { getNotice, searchNotices } from "@/lib/notices/queries";
import { parseNoticeSearch } from "@/lib/notices/search-query";
import { listTasks } from "@/lib/reports/task-lists";
import { DEMO_PASSWORD, seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

let t: TestDatabase;

async function userNamed(username: string): Promise<SessionUser> {
  const row = await t.prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  return (await loadSessionUser(t.prisma, row.id))!;
}

async function counts() {
  const p = t.prisma;
  return {
    provinces: await p.province.count(),
    agencies: await p.agency.count(),
    groups: await p.agencyGroupMember.count(),
    users: await p.user.count(),
    notices: await p.notice.count(),
    directives: await p.directive.count(),
    assignments: await p.assignment.count(),
    audit: await p.auditLog.count(),
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
});

afterAll(async () => {
  await t?.drop();
});

describe("demo data", () => {
  it("stores the four provinces, the five documents and a user per role", async () => {
    const c = await counts();
    expect(c.provinces).toBe(4);
    expect(c.notices).toBe(5);
    expect(c.directives).toBeGreaterThan(40);
    const roles = await t.prisma.user.groupBy({ by: ["role"], _count: true });
    expect(Object.fromEntries(roles.map((r) => [r.role, r._count]))).toMatchObject({
      secretariat: 4,
      chairman: 4,
      agency_staff: 12,
    });
  });

  it("changes nothing when run a second time", async () => {
    const before = await counts();
    const result = await seedDemo(t.prisma, () => {});
    expect(result).toEqual({ notices: 0, users: 0, agencies: 0, history: null });
    expect(await counts()).toEqual(before);
  });

  it("records every stored notice, directive and assignment in the audit log", async () => {
    const c = await counts();
    const logged = await t.prisma.auditLog.count({
      where: { action: { in: ["notice.create", "directive.create", "assignment.create"] } },
    });
    expect(logged).toBe(c.notices + c.directives + c.assignments);
  });
});

describe("sign-in", () => {
  it("lets a demo user in with the demo password, with province and agencies", async () => {
    const u = await verifyCredentials(t.prisma, { username: "longan.syt", password: DEMO_PASSWORD }, "10.0.0.1");
    expect(u.role).toBe("agency_staff");
    expect(u.provinceName).toBe("Long An");
    expect(u.agencyIds).toHaveLength(1);
  });

  it("says the same thing for a wrong password and an unknown login", async () => {
    await expect(verifyCredentials(t.prisma, { username: "longan.syt", password: "sai" }, "10.0.0.2")).rejects.toThrow(
      WRONG_CREDENTIALS,
    );
    await expect(verifyCredentials(t.prisma, { username: "khong.co.ai", password: "sai" }, "10.0.0.2")).rejects.toThrow(
      WRONG_CREDENTIALS,
    );
  });

  it("slows down repeated failures from one address, even with the right password afterwards", async () => {
    for (let i = 0; i < 5; i++) {
      await expect(
        verifyCredentials(t.prisma, { username: "laichau.congan", password: `sai-${i}` }, "10.0.0.3"),
      ).rejects.toThrow(WRONG_CREDENTIALS);
    }
    await expect(
      verifyCredentials(t.prisma, { username: "laichau.congan", password: DEMO_PASSWORD }, "10.0.0.3"),
    ).rejects.toThrow(/thử lại sau \d+ giây/);
    // Someone else's failures do not lock the user out of another address (tests/integration/sign-in-throttle.test.ts).
    await expect(
      verifyCredentials(t.prisma, { username: "laichau.congan", password: DEMO_PASSWORD }, "10.0.0.4"),
    ).resolves.toMatchObject({ username: "laichau.congan" });
  });

  it("refuses a deactivated user", async () => {
    await t.prisma.user.update({ where: { username: "quangninh.congan" }, data: { active: false } });
    await expect(
      verifyCredentials(t.prisma, { username: "quangninh.congan", password: DEMO_PASSWORD }, "10.0.0.5"),
    ).rejects.toThrow(WRONG_CREDENTIALS);
  });
});

describe("who sees what", () => {
  it("shows each province only its own notices", async () => {
    const all = parseNoticeSearch({});
    const longAn = await searchNotices(t.prisma, await userNamed("longan.vanphong"), "2021-06-20", all);
    expect(longAn.items.map((n) => n.number)).toEqual(["875/TB-VPUBND"]);
    const langSon = await searchNotices(t.prisma, await userNamed("langson.chutich"), "2021-06-20", all);
    expect(langSon.items).toHaveLength(2);
  });

  it("answers another province's notice as not found", async () => {
    const langSonNotice = await t.prisma.notice.findFirstOrThrow({
      where: { province: { name: "Lạng Sơn" } },
      select: { id: true },
    });
    await expect(getNotice(t.prisma, await userNamed("longan.chutich"), langSonNotice.id)).rejects.toThrow(
      NotFoundError,
    );
  });

  it("opens an agency's own board and no other agency's", async () => {
    const staff = await userNamed("longan.syt");
    const [own] = await boardAgencies(t.prisma, staff);
    const board = await agencyBoard(t.prisma, staff, own!.id);
    expect(board.agency.name).toBe("Sở Y tế");
    expect(board.items.length).toBeGreaterThan(3);
    expect(board.items.every((i) => i.notice.number === "875/TB-VPUBND")).toBe(true);

    const police = await t.prisma.agency.findFirstOrThrow({
      where: { name: "Công an tỉnh", province: { name: "Long An" } },
    });
    await expect(agencyBoard(t.prisma, staff, police.id)).rejects.toThrow(ForbiddenError);
    const otherHealth = await t.prisma.agency.findFirstOrThrow({
      where: { name: "Sở Y tế", province: { name: "Lạng Sơn" } },
    });
    await expect(agencyBoard(t.prisma, staff, otherHealth.id)).rejects.toThrow(ForbiddenError);
  });

  it("lets the secretariat open any board of its province but not of another", async () => {
    const sec = await userNamed("laichau.vanphong");
    const own = await t.prisma.agency.findFirstOrThrow({ where: { name: "Sở Y tế", province: { name: "Lai Châu" } } });
    const board = await agencyBoard(t.prisma, sec, own.id);
    expect(board.agency).toMatchObject({ id: own.id, name: "Sở Y tế" });
    const published = { agencyId: own.id, notice: { status: "published" as const } };
    expect(board.total).toBe(await t.prisma.assignment.count({ where: published }));
    expect(board.total).toBeGreaterThan(0);
    const other = await t.prisma.agency.findFirstOrThrow({ where: { name: "Sở Y tế", province: { name: "Long An" } } });
    await expect(agencyBoard(t.prisma, sec, other.id)).rejects.toThrow(ForbiddenError);
  });

  it("gives a user of several agencies each of their boards", async () => {
    const multi = await userNamed("longan.huyen");
    const agencies = await boardAgencies(t.prisma, multi);
    expect(agencies).toHaveLength(2);
    for (const a of agencies) {
      const board = await agencyBoard(t.prisma, multi, a.id);
      expect(board.agency.id).toBe(a.id);
      const count = await t.prisma.assignment.count({ where: { agencyId: a.id, notice: { status: "published" } } });
      expect(board.total).toBe(count);
    }
    expect(agencies.map((a) => a.id).sort()).toEqual([...multi.agencyIds].sort());
  });

  it("lists the chairman's overdue items, longest overdue first, none of them done or in the future", async () => {
    const items = (
      await listTasks(t.prisma, await userNamed("longan.chutich"), "2021-06-20", {
        category: "overdue",
        page: 1,
        pageSize: 200,
      })
    ).rows.map((r) => ({ ...r, dueOn: r.dueOn! }));
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.dueOn < "2021-06-20")).toBe(true);
    expect([...items].map((i) => i.dueOn)).toEqual([...items].map((i) => i.dueOn).sort());
    await expect(
      listTasks(t.prisma, await userNamed("longan.syt"), "2021-06-20", { category: "overdue", page: 1, pageSize: 50 }),
    ).rejects.toThrow(ForbiddenError);
  });
});

describe("storing a notice", () => {
  const draft = {
    notice: {
      kind: "TB" as const,
      number: "1/TB-TEST",
      issuer: "UBND tỉnh Long An",
      place: "Long An",
      issuedOn: "2021-07-01",
      issuedPrecision: "day" as const,
      title: "Thông báo thử",
      meetingOn: null,
      chair: null,
      signer: null,
      signingFormula: null,
      recipients: [],
      citations: [],
    },
    directives: [
      {
        ref: "1",
        text: "Việc thử",
        urgent: false,
        deadline: {
          kind: "exact" as const,
          dueOn: "2021-07-10",
          dueAt: null,
          phrase: "chậm nhất ngày 10/7/2021",
          startOn: null,
          recurrence: null,
          target: null,
        },
        assignments: [
          { agency: "Sở Y tế", role: "lead" as const, viaGroup: null, isNew: false },
          { agency: "Cơ quan chưa có", role: "support" as const, viaGroup: null, isNew: true },
        ],
      },
    ],
  };

  it("refuses an unknown agency that was not accepted, and stores nothing", async () => {
    const before = await counts();
    const province = await t.prisma.province.findUniqueOrThrow({ where: { name: "Long An" } });
    await expect(
      createNotice(
        t.prisma,
        await userNamed("longan.vanphong"),
        province.id,
        { draft, sourceText: "x" },
        { status: "published", createNewAgencies: false },
      ),
    ).rejects.toThrow(ValidationError);
    expect(await counts()).toEqual(before);
  });

  it("refuses a secretariat of another province", async () => {
    const province = await t.prisma.province.findUniqueOrThrow({ where: { name: "Long An" } });
    await expect(
      createNotice(
        t.prisma,
        await userNamed("langson.vanphong"),
        province.id,
        { draft, sourceText: "x" },
        { status: "published", createNewAgencies: true },
      ),
    ).rejects.toThrow(ForbiddenError);
  });

  it("creates an accepted new agency and one assignment per agency, in one go", async () => {
    const province = await t.prisma.province.findUniqueOrThrow({ where: { name: "Long An" } });
    const id = await createNotice(
      t.prisma,
      await userNamed("longan.vanphong"),
      province.id,
      { draft, sourceText: "x" },
      { status: "published", createNewAgencies: true },
    );
    const stored = await getNotice(t.prisma, await userNamed("longan.chutich"), id);
    expect(stored.directives[0]!.assignments.map((a) => [a.agencyName, a.role, a.dueOn])).toEqual([
      ["Sở Y tế", "lead", "2021-07-10"],
      ["Cơ quan chưa có", "support", "2021-07-10"],
    ]);
  });

  it("keeps the audit log append-only", async () => {
    await expect(t.prisma.auditLog.updateMany({ data: { action: "sửa" } })).rejects.toThrow();
    await expect(t.prisma.auditLog.deleteMany({})).rejects.toThrow();
  });
});
