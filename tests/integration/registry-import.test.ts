import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser, verifyCredentials } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { toXlsx } from "@/lib/exports/xlsx";
import { confirmImport, previewImport, uploadImport } from "@/lib/imports/batches";
import { agencyRegistryDocument, userListDocument } from "@/lib/imports/exports";
import type { ImportKind } from "@/lib/imports/plan";
import { applyAccountPlan, planUserImport } from "@/lib/imports/users-store";
import { useDbForTests } from "@/lib/db/client";
import { seedDemo } from "@/prisma/seed/demo";
import { csvOf, xlsxOf } from "@/tests/helpers/sheets";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { signInAs } from "@/tests/helpers/test-session";
import { tableChecksums } from "@/tests/helpers/table-checksums";

// Importing a province's agencies and accounts from its own lists, on a real database: the
// preview classifies each row and says what is wrong beside it; a confirmation stores every row
// or none, refuses a preview that no longer matches the data, and never reaches another province;
// the files the app exports import back with every row unchanged.

let t: TestDatabase;
let admin: SessionUser;
let otherAdmin: SessionUser;
let secretariat: SessionUser;
let systemAdmin: SessionUser;

const AGENCY_HEADER = ["Tên đầy đủ", "Tên viết tắt", "Loại", "Tên gọi khác", "Nhóm", "E-mail", "Đang hoạt động"];
const USER_HEADER = ["Tên đăng nhập", "Họ tên", "Vai trò", "Cơ quan", "E-mail", "Đang hoạt động"];

const user = async (username: string) =>
  (await loadSessionUser(t.prisma, (await t.prisma.user.findUniqueOrThrow({ where: { username } })).id))!;

async function previewOf(actor: SessionUser, kind: ImportKind, name: string, bytes: Uint8Array) {
  const { batchId } = await uploadImport(t.prisma, actor, kind, { name, bytes });
  return { batchId, ...(await previewImport(t.prisma, actor, kind, batchId)) };
}

const byLine = (p: Awaited<ReturnType<typeof previewOf>>) => new Map(p.preview.rows.map((r) => [r.line, r]));
const checksums = () => tableChecksums(t.sql, ["WriteBudget", "RegistryImport"]);

/** The row of an agency as the registry export writes it. */
async function exportedAgencyRow(name: string): Promise<string[]> {
  const doc = await agencyRegistryDocument(t.prisma, admin.provinceId!);
  return doc.sheets[0]!.rows.find((r) => r[0] === name)!.map(String);
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
  admin = await user("longan.quantri");
  otherAdmin = await user("langson.quantri");
  secretariat = await user("longan.vanphong");
  systemAdmin = await user("quantri");
  useDbForTests(t.prisma);
}, 180_000);

afterAll(async () => {
  signInAs(null);
  await t?.drop();
});

describe("importing the agency registry", () => {
  it("previews each row as new, changed (with what changes), unchanged or refused, and stores nothing", async () => {
    const police = await exportedAgencyRow("Công an tỉnh");
    const before = await checksums();
    const p = await previewOf(
      admin,
      "agencies",
      "co-quan.xlsx",
      await xlsxOf([
        AGENCY_HEADER,
        [
          "Sở Y tế",
          "SYT",
          "Sở, ban, ngành",
          "Sở YT; Giám đốc Sở Y tế",
          "Thành viên Ban Chỉ đạo tỉnh",
          "syt@longan.gov.vn",
          "Có",
        ],
        [
          "Bệnh viện Đa khoa Long An",
          "BVĐK",
          "Khác",
          "BVĐK tỉnh",
          "Thành viên Ban Chỉ đạo tỉnh; Tổ phản ứng nhanh",
          "",
          "Có",
        ],
        police,
        ["Bệnh viện Phổi", "BVP", "Bệnh viện", "", "", "", "Có"],
        ["Trung tâm Y tế dự phòng", "", "Khác", "", "", "", "Có"],
        ["Benh vien da khoa LONG AN", "BVĐK2", "Khác", "", "", "", "Có"],
        ["Ban Dân tộc", "SYT", "Sở, ban, ngành", "", "", "khong-phai-email", "Có lẽ"],
      ]),
    );
    const rows = byLine(p);
    expect(rows.get(2)).toMatchObject({ status: "changed", label: "Sở Y tế" });
    expect(rows.get(2)!.changes.map((c) => c.field)).toEqual(expect.arrayContaining(["Tên gọi khác", "E-mail"]));
    expect(rows.get(2)!.changes.find((c) => c.field === "E-mail")).toEqual({
      field: "E-mail",
      before: "",
      after: "syt@longan.gov.vn",
    });
    expect(rows.get(3)).toMatchObject({ status: "new", errors: [] });
    expect(rows.get(4)).toMatchObject({ status: "unchanged", changes: [] });
    expect(rows.get(5)!.errors).toEqual([expect.stringContaining("Loại “Bệnh viện” không có")]);
    expect(rows.get(6)!.errors).toEqual(["Thiếu tên viết tắt."]);
    expect(rows.get(7)!.errors).toEqual(["Cơ quan này đã có ở dòng 3 của tệp."]);
    expect(rows.get(8)!.errors).toEqual([
      "Tên viết tắt “SYT” đã dùng ở dòng 2 của tệp.",
      "E-mail “khong-phai-email” không hợp lệ.",
      "Cột “Đang hoạt động” ghi “Có” hoặc “Không”, không phải “Có lẽ”.",
    ]);
    expect(p.preview.counts).toEqual({ new: 1, changed: 1, unchanged: 1, error: 4 });
    expect(p.preview.notes).toContain("Nhóm mới sẽ được tạo: “Tổ phản ứng nhanh”.");

    // A file with errors is refused whole at confirmation.
    await expect(
      confirmImport(t.prisma, admin, "agencies", { batchId: p.batchId, fingerprint: p.preview.fingerprint }),
    ).rejects.toThrow(ValidationError);
    expect(await checksums()).toEqual(before);
  });

  it("stores a corrected file in one go: the agencies, the new group, memberships, and an audit row for each", async () => {
    const p = await previewOf(
      admin,
      "agencies",
      "co-quan-da-sua.csv",
      csvOf(
        [
          AGENCY_HEADER,
          [
            "Sở Y tế",
            "SYT",
            "Sở, ban, ngành",
            "Sở YT; Giám đốc Sở Y tế",
            "Thành viên Ban Chỉ đạo tỉnh",
            "syt@longan.gov.vn",
            "Có",
          ],
          [
            "Bệnh viện Đa khoa Long An",
            "BVĐK",
            "Khác",
            "BVĐK tỉnh",
            "Thành viên Ban Chỉ đạo tỉnh; Tổ phản ứng nhanh",
            "",
            "Có",
          ],
        ],
        { sep: ";", bom: true },
      ),
    );
    expect(p.preview.counts).toEqual({ new: 1, changed: 1, unchanged: 0, error: 0 });
    const syt = await t.prisma.agency.findFirstOrThrow({ where: { provinceId: admin.provinceId!, name: "Sở Y tế" } });
    const r = await confirmImport(t.prisma, admin, "agencies", {
      batchId: p.batchId,
      fingerprint: p.preview.fingerprint,
    });
    expect(r).toMatchObject({ created: 1, updated: 1, groupsCreated: 1, passwords: [] });

    const cdc = await t.prisma.agency.findFirstOrThrow({
      where: { provinceId: admin.provinceId!, name: "Bệnh viện Đa khoa Long An" },
      select: {
        id: true,
        shortName: true,
        kind: true,
        aliases: true,
        memberships: { select: { group: { select: { name: true } } } },
      },
    });
    expect(cdc).toMatchObject({ shortName: "BVĐK", kind: "other", aliases: ["BVĐK tỉnh"] });
    expect(cdc.memberships.map((m) => m.group.name).sort()).toEqual([
      "Thành viên Ban Chỉ đạo tỉnh",
      "Tổ phản ứng nhanh",
    ]);
    const sytAfter = await t.prisma.agency.findUniqueOrThrow({ where: { id: syt.id } });
    expect(sytAfter).toMatchObject({
      email: "syt@longan.gov.vn",
      aliases: ["Sở YT", "Giám đốc Sở Y tế"],
      version: syt.version + 1,
    });
    // The agency's groups are exactly those the file lists: Sở Y tế left "Các sở, ban, ngành".
    const sytGroups = await t.prisma.agencyGroupMember.findMany({
      where: { agencyId: syt.id },
      select: { group: { select: { name: true } } },
    });
    expect(sytGroups.map((g) => g.group.name)).toEqual(["Thành viên Ban Chỉ đạo tỉnh"]);
    const actions = (await t.prisma.auditLog.findMany({ where: { actorId: admin.id }, select: { action: true } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(["agency.create", "agency.update", "agencyGroup.create", "agencyGroup.members"]),
    );

    // The same upload cannot be confirmed twice.
    await expect(
      confirmImport(t.prisma, admin, "agencies", { batchId: p.batchId, fingerprint: p.preview.fingerprint }),
    ).rejects.toThrow(ConflictError);
  });

  it("refuses a confirmation when the data changed since the preview, and stores nothing", async () => {
    const p = await previewOf(
      admin,
      "agencies",
      "co-quan.xlsx",
      await xlsxOf([
        AGENCY_HEADER.slice(0, 3),
        ["Sở Nội vụ", "SNV", "Sở, ban, ngành"],
        ["Ban Quản lý dự án", "BQLDA", "Khác"],
      ]),
    );
    expect(p.preview.counts).toMatchObject({ new: 1, unchanged: 1 });
    // Meanwhile someone else renames Sở Nội vụ's short name.
    await t.prisma.agency.updateMany({
      where: { provinceId: admin.provinceId!, name: "Sở Nội vụ" },
      data: { shortName: "S.NV", version: { increment: 1 } },
    });
    const before = await checksums();
    const error = await confirmImport(t.prisma, admin, "agencies", {
      batchId: p.batchId,
      fingerprint: p.preview.fingerprint,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toContain("Dữ liệu đã thay đổi từ lúc xem trước");
    expect(await checksums()).toEqual(before);
    // A fingerprint the client made up is refused the same way.
    await expect(
      confirmImport(t.prisma, admin, "agencies", { batchId: p.batchId, fingerprint: "0".repeat(32) }),
    ).rejects.toThrow(ConflictError);
  });
});

describe("deactivating through a list", () => {
  it("stops an agency without open tasks, refuses one that has some, and gives no account an inactive agency", async () => {
    const header = ["Tên đầy đủ", "Tên viết tắt", "Đang hoạt động"];
    const first = await previewOf(
      admin,
      "agencies",
      "ngung.xlsx",
      await xlsxOf([header, ["Sở Y tế", "SYT", "Không"], ["Hội Cựu chiến binh tỉnh", "Hội CCB", "Không"]]),
    );
    const rows = byLine(first);
    expect(rows.get(2)!.errors).toEqual([expect.stringContaining("nhiệm vụ chưa hoàn thành")]);
    expect(rows.get(3)).toMatchObject({
      status: "changed",
      changes: [{ field: "Đang hoạt động", before: "Có", after: "Không" }],
    });

    const p = await previewOf(
      admin,
      "agencies",
      "ngung.xlsx",
      await xlsxOf([header, ["Hội Cựu chiến binh tỉnh", "Hội CCB", "Không"]]),
    );
    await confirmImport(t.prisma, admin, "agencies", { batchId: p.batchId, fingerprint: p.preview.fingerprint });
    const ccb = await t.prisma.agency.findFirstOrThrow({
      where: { provinceId: admin.provinceId!, shortName: "Hội CCB" },
    });
    expect(ccb.active).toBe(false);
    expect(ccb.endedAt).not.toBeNull();
    expect(
      await t.prisma.auditLog.count({ where: { entityType: "Agency", entityId: ccb.id, action: "agency.deactivate" } }),
    ).toBe(1);

    const u = await previewOf(
      admin,
      "users",
      "nguoi-dung.xlsx",
      await xlsxOf([
        ["Tên đăng nhập", "Họ tên", "Vai trò", "Cơ quan"],
        ["longan.ccb", "Cựu Chiến Binh", "Cán bộ", "Hội CCB"],
      ]),
    );
    expect(byLine(u).get(2)!.errors).toEqual([
      "Cơ quan “Hội CCB” đã ngừng hoạt động; không giao thêm người dùng cho cơ quan này.",
    ]);
  });
});

describe("importing the accounts", () => {
  it("puts every error beside its row: login twice or in another province, bad role, unknown agency, no name, bad e-mail", async () => {
    const p = await previewOf(
      admin,
      "users",
      "nguoi-dung.xlsx",
      await xlsxOf([
        USER_HEADER,
        ["longan.bv.binh", "Trần Văn Bình", "Cán bộ cơ quan, đơn vị", "BVĐK", "binh@cdc.longan.vn", "Có"],
        ["longan.congan", "Nguyễn Công An", "Cán bộ cơ quan, đơn vị", "CAT", "", "Có"],
        ["LONGAN.BV.BINH", "Trần Văn Bình", "Cán bộ cơ quan, đơn vị", "BVĐK", "", "Có"],
        ["langson.syt", "Người Lạng Sơn", "Văn phòng", "", "", "Có"],
        ["longan.a", "Ai Đó", "Giám đốc", "", "", "Có"],
        ["longan.xyz", "Ai Đó", "Cán bộ cơ quan, đơn vị", "XYZ", "", "Có"],
        ["longan.khongten", "", "Văn phòng", "", "e-mail-sai", "Có"],
        ["longan.lanhdao2", "Lê Lãnh Đạo", "Lãnh đạo Ban Chỉ đạo", "SYT", "", "Có"],
        ["longan.khongcq", "Không Cơ Quan", "Cán bộ cơ quan, đơn vị", "", "", "Có"],
      ]),
    );
    const rows = byLine(p);
    expect(rows.get(2)).toMatchObject({ status: "new", errors: [] });
    expect(rows.get(4)!.errors).toEqual(["Tên đăng nhập “longan.bv.binh” đã có ở dòng 2 của tệp."]);
    expect(rows.get(5)!.errors).toEqual([
      "Tên đăng nhập “langson.syt” đã có người dùng ở tỉnh khác; hãy chọn tên khác.",
    ]);
    expect(rows.get(6)!.errors).toEqual([expect.stringContaining("Vai trò “Giám đốc” không có")]);
    expect(rows.get(7)!.errors).toEqual([
      "Không có cơ quan “XYZ” trong danh mục của tỉnh (ghi tên viết tắt như trong danh mục cơ quan).",
    ]);
    expect(rows.get(8)!.errors).toEqual(["Vui lòng nhập họ tên.", "E-mail “e-mail-sai” không hợp lệ."]);
    expect(rows.get(9)!.errors).toEqual(["Chỉ cán bộ cơ quan, đơn vị mới gắn với cơ quan."]);
    expect(rows.get(10)!.errors).toEqual(["Cán bộ cơ quan, đơn vị cần ít nhất một cơ quan (cột “Cơ quan”)."]);
    expect(rows.get(3)).toMatchObject({ status: "changed", errors: [] });
    expect(p.preview.counts).toEqual({ new: 1, changed: 1, unchanged: 0, error: 7 });
  });

  it("creates accounts with a temporary password each (to be changed at sign-in), updates the others, audits both", async () => {
    const congan = await t.prisma.user.findUniqueOrThrow({ where: { username: "longan.congan" } });
    const p = await previewOf(
      admin,
      "users",
      "nguoi-dung.csv",
      csvOf([
        USER_HEADER,
        ["longan.bv.binh", "Trần Văn Bình", "Cán bộ cơ quan, đơn vị", "BVĐK", "binh@cdc.longan.vn", "Có"],
        ["longan.vp2", "Phạm Thu Hà", "Văn phòng", "", "", ""],
        ["longan.congan", "Nguyễn Công An", "Cán bộ", "Công an tỉnh; SYT", "", "Có"],
      ]),
    );
    const rows = byLine(p);
    expect(rows.get(4)!.changes).toEqual([
      { field: "Họ tên", before: congan.name, after: "Nguyễn Công An" },
      { field: "Cơ quan", before: "CAT", after: "CAT; SYT" },
    ]);
    const r = await confirmImport(t.prisma, admin, "users", { batchId: p.batchId, fingerprint: p.preview.fingerprint });
    expect(r).toMatchObject({ created: 2, updated: 1 });
    expect(r.passwords.map((x) => x.username)).toEqual(["longan.bv.binh", "longan.vp2"]);
    const binh = r.passwords[0]!;
    expect(binh.temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const signedIn = await verifyCredentials(
      t.prisma,
      { username: binh.username, password: binh.temporaryPassword },
      "10.9.0.2",
    );
    expect(signedIn).toMatchObject({ mustChangePassword: true, provinceName: "Long An", role: "agency_staff" });
    const stored = await t.prisma.user.findUniqueOrThrow({
      where: { username: "longan.bv.binh" },
      select: { id: true, passwordHash: true, agencies: { select: { agency: { select: { shortName: true } } } } },
    });
    expect(stored.passwordHash).not.toContain(binh.temporaryPassword);
    expect(stored.agencies.map((a) => a.agency.shortName)).toEqual(["BVĐK"]);
    const updated = await t.prisma.user.findUniqueOrThrow({
      where: { id: congan.id },
      select: { name: true, version: true },
    });
    expect(updated).toEqual({ name: "Nguyễn Công An", version: congan.version + 1 });
    expect(
      await t.prisma.auditLog.count({ where: { entityType: "User", entityId: stored.id, action: "user.create" } }),
    ).toBe(1);
    expect(
      await t.prisma.auditLog.count({ where: { entityType: "User", entityId: congan.id, action: "user.update" } }),
    ).toBe(1);
  });

  it("refuses a login another province took after the preview, storing none of the file's rows", async () => {
    const p = await previewOf(
      admin,
      "users",
      "nguoi-dung.xlsx",
      await xlsxOf([
        USER_HEADER,
        ["longan.vp3", "Đỗ Văn Ba", "Văn phòng", "", "", "Có"],
        ["longan.race", "Đua Tranh", "Văn phòng", "", "", "Có"],
      ]),
    );
    expect(p.preview.counts.new).toBe(2);
    await t.prisma.user.create({
      data: {
        username: "longan.race",
        name: "Người Lạng Sơn",
        role: "secretariat",
        provinceId: otherAdmin.provinceId,
        passwordHash: "x",
      },
    });
    await expect(
      confirmImport(t.prisma, admin, "users", { batchId: p.batchId, fingerprint: p.preview.fingerprint }),
    ).rejects.toThrow(ValidationError);
    expect(await t.prisma.user.count({ where: { username: "longan.vp3" } })).toBe(0);
  });

  it("writes all rows or none when a write fails inside the transaction", async () => {
    const table = {
      format: "csv" as const,
      present: ["username", "name", "role"] as ("username" | "name" | "role")[],
      ignored: [],
      rows: [
        { line: 2, values: { username: "longan.atom1", name: "Một Hai", role: "Văn phòng" } },
        { line: 3, values: { username: "longan.atom2", name: "Hai Ba", role: "Văn phòng" } },
      ],
    };
    const plan = await planUserImport(t.prisma, admin, admin.provinceId!, table);
    expect(plan.ops).toHaveLength(2);
    // The second account's password is missing: its write fails after the first was made.
    const only = new Map([
      ["longan.atom1", { username: "longan.atom1", name: "Một Hai", temporaryPassword: "x", hash: "x" }],
    ]);
    await expect(
      t.prisma.$transaction((tx) => applyAccountPlan(tx, admin, admin.provinceId!, plan, only)),
    ).rejects.toThrow(ConflictError);
    expect(await t.prisma.user.count({ where: { username: { startsWith: "longan.atom" } } })).toBe(0);
  });
});

describe("who may import what", () => {
  it("keeps an upload to its own user and province; the secretariat imports agencies but not accounts", async () => {
    const bytes = await xlsxOf([USER_HEADER, ["longan.vp9", "Chín Văn Phòng", "Văn phòng", "", "", "Có"]]);
    const { batchId } = await uploadImport(t.prisma, admin, "users", { name: "a.xlsx", bytes });
    await expect(previewImport(t.prisma, otherAdmin, "users", batchId)).rejects.toThrow(NotFoundError);
    await expect(
      confirmImport(t.prisma, otherAdmin, "users", { batchId, fingerprint: "0".repeat(32) }),
    ).rejects.toThrow(NotFoundError);
    await expect(previewImport(t.prisma, admin, "agencies", batchId)).rejects.toThrow(NotFoundError);
    await expect(uploadImport(t.prisma, secretariat, "users", { name: "a.xlsx", bytes })).rejects.toThrow(
      ForbiddenError,
    );
    await expect(previewImport(t.prisma, secretariat, "users", batchId)).rejects.toThrow(ForbiddenError);
    await expect(uploadImport(t.prisma, systemAdmin, "users", { name: "a.xlsx", bytes })).rejects.toThrow(
      ForbiddenError,
    );
    const agencies = await xlsxOf([AGENCY_HEADER.slice(0, 3), ["Sở Ngoại vụ", "SNgV", "Sở, ban, ngành"]]);
    const own = await uploadImport(t.prisma, secretariat, "agencies", { name: "b.xlsx", bytes: agencies });
    expect((await previewImport(t.prisma, secretariat, "agencies", own.batchId)).preview.counts.error).toBe(0);
    await expect(previewImport(t.prisma, admin, "agencies", own.batchId)).rejects.toThrow(NotFoundError);
  });
});

describe("export, then import back", () => {
  for (const province of ["longan", "langson"]) {
    it(`shows every row of ${province}'s exported registry and account list unchanged`, async () => {
      const actor = await user(`${province}.quantri`);
      const registry = await toXlsx(await agencyRegistryDocument(t.prisma, actor.provinceId!));
      const agencies = await previewOf(actor, "agencies", "danh-muc.xlsx", new Uint8Array(registry));
      expect(agencies.preview.rows.filter((r) => r.status !== "unchanged")).toEqual([]);
      expect(agencies.preview.counts.unchanged).toBe(
        await t.prisma.agency.count({ where: { provinceId: actor.provinceId! } }),
      );

      const list = await toXlsx(await userListDocument(t.prisma, actor.provinceId!));
      const users = await previewOf(actor, "users", "nguoi-dung.xlsx", new Uint8Array(list));
      expect(users.preview.rows.filter((r) => r.status !== "unchanged")).toEqual([]);
      expect(users.preview.counts.unchanged).toBe(
        await t.prisma.user.count({ where: { provinceId: actor.provinceId! } }),
      );
    });
  }
});

describe("through the gate, by role", () => {
  const pageExit = async (render: Promise<unknown>) =>
    render.then(
      () => "rendered",
      (e: { digest?: string }) => (e.digest === "NEXT_HTTP_ERROR_FALLBACK;404" ? 404 : e.digest),
    );

  it("lets agency staff and the chairman neither upload, confirm, download nor open the import pages", async () => {
    const actions = await import("@/lib/imports/actions");
    const agenciesPage = (await import("@/app/(app)/quan-tri/co-quan/nhap/page")).default;
    const usersPage = (await import("@/app/(app)/quan-tri/nguoi-dung/nhap/page")).default;
    const exportUsers = (await import("@/app/api/quan-tri/nguoi-dung/xuat/route")).GET;
    const exportAgencies = (await import("@/app/api/quan-tri/co-quan/xuat/route")).GET;
    const file = new File(
      [Buffer.from(await xlsxOf([USER_HEADER, ["longan.x1", "Ai Đó", "Văn phòng", "", "", "Có"]]))],
      "a.xlsx",
    );
    const props = { params: Promise.resolve({}), searchParams: Promise.resolve({}) };
    const ctx = { params: Promise.resolve({}) };
    for (const login of ["longan.syt", "longan.chutich"]) {
      signInAs(await user(login));
      for (const upload of [actions.uploadUserListAction, actions.uploadAgencyListAction]) {
        const fd = new FormData();
        fd.append("file", file);
        expect(await upload(null, fd)).toMatchObject({ ok: false, code: "forbidden" });
      }
      const confirm = new FormData();
      confirm.append("batchId", "1");
      confirm.append("fingerprint", "0".repeat(32));
      expect(await actions.confirmAgencyListAction(null, confirm)).toMatchObject({ ok: false, code: "forbidden" });
      expect(await pageExit(agenciesPage(props))).toBe(404);
      expect(await pageExit(usersPage(props))).toBe(404);
      expect((await exportUsers(new Request("http://x/api/quan-tri/nguoi-dung/xuat"), ctx)).status).toBe(403);
      expect((await exportAgencies(new Request("http://x/api/quan-tri/co-quan/xuat"), ctx)).status).toBe(403);
    }
    // The province's administrator goes through: upload, then the preview page of that upload.
    signInAs(admin);
    const fd = new FormData();
    fd.append("file", file);
    const r = (await actions.uploadUserListAction(null, fd)) as { ok: boolean; batchId: number };
    expect(r.ok).toBe(true);
    const shown = await usersPage({
      params: Promise.resolve({}),
      searchParams: Promise.resolve({ lan: String(r.batchId) }),
    });
    expect(shown).toBeTruthy();
    const exported = await exportUsers(new Request("http://x/api/quan-tri/nguoi-dung/xuat"), ctx);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toContain("spreadsheetml");
    // Another province's administrator sees that upload as missing.
    signInAs(otherAdmin);
    expect(
      await pageExit(
        usersPage({ params: Promise.resolve({}), searchParams: Promise.resolve({ lan: String(r.batchId) }) }),
      ),
    ).toBe(404);
    signInAs(null);
  });
});
