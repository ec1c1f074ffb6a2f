import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser, verifyCredentials, WRONG_CREDENTIALS } from "@/lib/auth/credentials";
import { sessionUser, startSession } from "@/lib/auth/sessions";
import type { SessionUser } from "@/lib/auth/user";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { createAccount, listAccounts, resetPassword, updateAccount } from "@/lib/users/accounts";
import { changeOwnPassword, ownAccount, updateOwnProfile } from "@/lib/users/own-account";
import { seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

// A province administrator keeps the province's accounts; everyone keeps their own password and
// e-mail choices. Every test checks what is stored (and who can then sign in), not only the answer.

let t: TestDatabase;
let admin: SessionUser;
let otherAdmin: SessionUser;
let secretariat: SessionUser;
let syt: { id: number };
let otherProvinceAgency: { id: number };
const NEW_PASSWORD = "sông Vàm Cỏ chảy qua Tân An";

const user = async (username: string) =>
  (await loadSessionUser(t.prisma, (await t.prisma.user.findUniqueOrThrow({ where: { username } })).id))!;

const fieldError = async (p: Promise<unknown>): Promise<Record<string, string[]>> => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ValidationError);
  return (e as ValidationError).fieldErrors;
};

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
  admin = await user("longan.quantri");
  otherAdmin = await user("langson.quantri");
  secretariat = await user("longan.vanphong");
  syt = await t.prisma.agency.findFirstOrThrow({ where: { name: "Sở Y tế", province: { name: "Long An" } } });
  otherProvinceAgency = await t.prisma.agency.findFirstOrThrow({
    where: { name: "Sở Y tế", province: { name: "Lạng Sơn" } },
  });
}, 180_000);

afterAll(async () => {
  await t?.drop();
});

describe("accounts kept by the province's administrator", () => {
  it("creates an agency-staff account whose temporary password works once and must then be changed", async () => {
    const r = await createAccount(t.prisma, admin, {
      username: "longan.syt.lan",
      name: "Trần Thị Lan",
      role: "agency_staff",
      agencyIds: [syt.id],
      email: "lan@syt.longan.gov.vn",
    });
    expect(r.temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(r.account).toMatchObject({
      username: "longan.syt.lan",
      mustChangePassword: true,
      agencies: [{ id: syt.id }],
    });
    const signedIn = await verifyCredentials(
      t.prisma,
      { username: "longan.syt.lan", password: r.temporaryPassword },
      "10.9.0.1",
    );
    expect(signedIn).toMatchObject({ mustChangePassword: true, agencyIds: [syt.id], provinceName: "Long An" });
    const row = await t.prisma.user.findUniqueOrThrow({ where: { username: "longan.syt.lan" } });
    expect(row.passwordHash).not.toContain(r.temporaryPassword);
    expect(
      await t.prisma.auditLog.count({ where: { entityType: "User", entityId: row.id, action: "user.create" } }),
    ).toBe(1);
  });

  it("refuses a login already used, an agency staff with no agency or another province's, agencies for other roles", async () => {
    const base = { name: "Ai Đó", email: undefined };
    expect(
      await fieldError(
        createAccount(t.prisma, admin, { ...base, username: "longan.syt", role: "secretariat", agencyIds: [] }),
      ),
    ).toEqual({ username: ["Tên đăng nhập “longan.syt” đã có người dùng."] });
    expect(
      (
        await fieldError(
          createAccount(t.prisma, admin, { ...base, username: "longan.moi1", role: "agency_staff", agencyIds: [] }),
        )
      ).agencyIds,
    ).toEqual(["Chọn ít nhất một cơ quan, đơn vị cho cán bộ."]);
    expect(
      (
        await fieldError(
          createAccount(t.prisma, admin, {
            ...base,
            username: "longan.moi2",
            role: "agency_staff",
            agencyIds: [otherProvinceAgency.id],
          }),
        )
      ).agencyIds,
    ).toEqual(["Có cơ quan không thuộc tỉnh hoặc đã ngừng hoạt động."]);
    expect(
      (
        await fieldError(
          createAccount(t.prisma, admin, { ...base, username: "longan.moi3", role: "chairman", agencyIds: [syt.id] }),
        )
      ).agencyIds,
    ).toHaveLength(1);
    expect(await t.prisma.user.count({ where: { username: { startsWith: "longan.moi" } } })).toBe(0);
  });

  it("lets only the province's own administrator see or change its accounts", async () => {
    const target = await t.prisma.user.findUniqueOrThrow({ where: { username: "longan.congan" } });
    await expect(resetPassword(t.prisma, otherAdmin, { userId: target.id, version: target.version })).rejects.toThrow(
      NotFoundError,
    );
    await expect(listAccounts(t.prisma, secretariat)).rejects.toThrow(ForbiddenError);
    await expect(
      createAccount(t.prisma, secretariat, {
        username: "x.y.z",
        name: "Ai Đó",
        role: "admin",
        agencyIds: [],
        email: undefined,
      }),
    ).rejects.toThrow(ForbiddenError);
    const lists = await listAccounts(t.prisma, otherAdmin);
    expect(lists.rows.every((r) => r.username.startsWith("langson."))).toBe(true);
  });

  it("searches without diacritics", async () => {
    const r = await listAccounts(t.prisma, admin, { q: "tran thi lan" });
    expect(r.rows.map((x) => x.username)).toEqual(["longan.syt.lan"]);
    expect((await listAccounts(t.prisma, admin, { q: "so y te" })).rows.map((x) => x.username)).toContain("longan.syt");
  });

  it("deactivating ends the account's sessions at once; a stale form is refused; no one locks themself out", async () => {
    const target = await t.prisma.user.findUniqueOrThrow({
      where: { username: "longan.syt.lan" },
      include: { agencies: true },
    });
    const sid = await startSession(t.prisma, target.id, { address: null, userAgent: null });
    expect(await sessionUser(t.prisma, sid)).not.toBeNull();
    const input = {
      userId: target.id,
      version: target.version,
      username: target.username,
      name: target.name,
      role: target.role,
      email: target.email ?? undefined,
      agencyIds: target.agencies.map((a) => a.agencyId),
      active: false,
    };
    const after = await updateAccount(t.prisma, admin, input);
    expect(after.active).toBe(false);
    expect(await sessionUser(t.prisma, sid)).toBeNull();
    expect((await t.prisma.userSession.findUniqueOrThrow({ where: { id: sid } })).endReason).toBe("deactivated");
    await expect(updateAccount(t.prisma, admin, { ...input, active: true })).rejects.toThrow(ConflictError);
    const me = await t.prisma.user.findUniqueOrThrow({ where: { id: admin.id } });
    await expect(
      updateAccount(t.prisma, admin, {
        userId: me.id,
        version: me.version,
        username: me.username,
        name: me.name,
        role: "admin",
        email: undefined,
        agencyIds: [],
        active: false,
      }),
    ).rejects.toThrow(/Không thể tự khóa/);
  });

  it("a reset ends the sessions, the old password stops working and the temporary one must be changed", async () => {
    const target = await t.prisma.user.findUniqueOrThrow({ where: { username: "longan.congan" } });
    const sid = await startSession(t.prisma, target.id, { address: null, userAgent: null });
    const r = await resetPassword(t.prisma, admin, { userId: target.id, version: target.version });
    expect(r.sessionsEnded).toBeGreaterThanOrEqual(1);
    expect(await sessionUser(t.prisma, sid)).toBeNull();
    await expect(
      verifyCredentials(t.prisma, { username: "longan.congan", password: "demo@123" }, "10.9.0.2"),
    ).rejects.toThrow(WRONG_CREDENTIALS);
    const u = await verifyCredentials(
      t.prisma,
      { username: "longan.congan", password: r.temporaryPassword },
      "10.9.0.2",
    );
    expect(u.mustChangePassword).toBe(true);
    expect(await t.prisma.auditLog.count({ where: { entityId: target.id, action: "user.password_reset" } })).toBe(1);
  });
});

describe("one's own account", () => {
  it("changes the password with the current one, by the policy; the other sessions end, this one goes on", async () => {
    const me = await user("longan.chutich");
    const here = await startSession(t.prisma, me.id, { address: null, userAgent: null });
    const elsewhere = await startSession(t.prisma, me.id, { address: null, userAgent: null });
    expect(
      await fieldError(
        changeOwnPassword(t.prisma, me, { current: "sai", next: NEW_PASSWORD, repeat: NEW_PASSWORD }, here),
      ),
    ).toEqual({
      current: ["Mật khẩu hiện tại không đúng."],
    });
    expect(
      (
        await fieldError(
          changeOwnPassword(t.prisma, me, { current: "demo@123", next: "longan.chutich!!", repeat: "x" }, here),
        )
      ).next,
    ).toEqual(["Mật khẩu không được chứa tên đăng nhập."]);
    const r = await changeOwnPassword(
      t.prisma,
      me,
      { current: "demo@123", next: NEW_PASSWORD, repeat: NEW_PASSWORD },
      here,
    );
    expect(r.otherSessionsEnded).toBe(1);
    expect(await sessionUser(t.prisma, here)).not.toBeNull();
    expect(await sessionUser(t.prisma, elsewhere)).toBeNull();
    expect(
      await verifyCredentials(t.prisma, { username: "longan.chutich", password: NEW_PASSWORD }, "10.9.0.3"),
    ).toMatchObject({
      mustChangePassword: false,
    });
  });

  it("keeps the e-mail and the kinds of notification wanted by e-mail", async () => {
    const me = await user("longan.syt");
    await updateOwnProfile(t.prisma, me, { email: "syt@longan.gov.vn", emailKinds: ["assigned", "reminder"] });
    const mine = await ownAccount(t.prisma, me);
    expect(mine).toMatchObject({ email: "syt@longan.gov.vn", emailKinds: ["assigned", "reminder"] });
    const row = await t.prisma.user.findUniqueOrThrow({ where: { id: me.id } });
    expect(row.emailOptOut.sort()).toEqual(["explanation", "extension", "returned", "waiting", "webhook"]);
  });
});
