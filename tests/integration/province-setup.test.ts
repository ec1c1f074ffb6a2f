import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registryForProvince } from "@/lib/agencies/queries";
import { loadSessionUser, verifyCredentials } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { extractNotice } from "@/lib/extract";
import { createProvince, listProvinces } from "@/lib/provinces/setup";
import { seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

// The system administrator sets up a province that is not seeded: its registry from the template
// of the common bodies plus the pasted units, and its first administrator.

let t: TestDatabase;
let sysadmin: SessionUser;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
  sysadmin = (await loadSessionUser(
    t.prisma,
    (await t.prisma.user.findUniqueOrThrow({ where: { username: "quantri" } })).id,
  ))!;
}, 180_000);

afterAll(async () => {
  await t?.drop();
});

const input = {
  name: "Bình Định",
  units: "TP Quy Nhơn\nthị xã An Nhơn\nhuyện Tuy Phước\nhuyện Phù Cát",
  adminLogin: "binhdinh.quantri",
  adminName: "Lê Văn Quản",
  adminEmail: undefined,
};

describe("setting a province up", () => {
  it("stores the province, its registry and its administrator, whose temporary password must be changed", async () => {
    const r = await createProvince(t.prisma, sysadmin, input);
    const registry = await registryForProvince(t.prisma, r.provinceId);
    const names = registry.agencies.map((a) => a.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "Sở Y tế",
        "Công an tỉnh",
        "Báo Bình Định",
        "UBND thành phố Quy Nhơn",
        "UBND thị xã An Nhơn",
        "UBND huyện Phù Cát",
      ]),
    );
    const districts = registry.groups.find((g) => g.name === "UBND các huyện, thị xã, thành phố");
    expect(districts?.members).toHaveLength(4);
    const admin = await verifyCredentials(
      t.prisma,
      { username: "binhdinh.quantri", password: r.temporaryPassword },
      "10.8.0.1",
    );
    expect(admin).toMatchObject({ role: "admin", provinceName: "Bình Định", mustChangePassword: true });
    expect((await listProvinces(t.prisma, sysadmin)).map((p) => p.name)).toContain("Bình Định");
    // The extractor reads that province's notices with that registry at once.
    const read = extractNotice(
      "UBND TỈNH BÌNH ĐỊNH\nTHÔNG BÁO\n1. Giao Sở Y tế chủ trì, phối hợp với UBND thành phố Quy Nhơn triển khai tiêm vắc xin.",
      registry,
    );
    expect(read.draft.directives[0]?.assignments.map((a) => a.agency)).toEqual(["Sở Y tế", "UBND thành phố Quy Nhơn"]);
  });

  it("refuses a province already there, unreadable units, and anyone but the system administrator", async () => {
    await expect(createProvince(t.prisma, sysadmin, { ...input, adminLogin: "binhdinh.khac" })).rejects.toThrow(
      /đã có trong hệ thống/,
    );
    const e = await createProvince(t.prisma, sysadmin, { ...input, name: "Phú Yên", units: "Tuy Hòa" }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fieldErrors.units?.[0]).toMatch(/dòng 1 “Tuy Hòa”/);
    const provincial = (await loadSessionUser(
      t.prisma,
      (await t.prisma.user.findUniqueOrThrow({ where: { username: "longan.quantri" } })).id,
    ))!;
    await expect(
      createProvince(t.prisma, provincial, { ...input, name: "Phú Yên", adminLogin: "phuyen.qt" }),
    ).rejects.toThrow(ForbiddenError);
    expect(await t.prisma.province.count({ where: { name: "Phú Yên" } })).toBe(0);
  });
});
