import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { useDbForTests } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { confirmRegister, previewRegister, uploadRegister, type RegisterRequest } from "@/lib/imports/register";
import type { ColumnMapping } from "@/lib/imports/register-plan";
import { choicesOf } from "@/lib/imports/register-query";
import { noticeLife } from "@/lib/notices/life";
import { getNotice } from "@/lib/notices/queries";
import { toIsoDay } from "@/lib/time/calendar";
import { seedDemo } from "@/prisma/seed/demo";
import { xlsxOf } from "@/tests/helpers/sheets";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { signInAs } from "@/tests/helpers/test-session";
import { tableChecksums } from "@/tests/helpers/table-checksums";

// Importing the register of directives a province kept in Excel (sổ theo dõi), on a real
// database: the preview says what is wrong beside the right row (a name the registry lacks, with
// a proposal; a date that cannot be read; a notice already stored), nothing is stored before the
// confirmation, and the confirmation stores every notice, directive and assignment with their
// states and completion days in one transaction, or none of them. Imported notices say so.

let t: TestDatabase;
let secretariat: SessionUser;
let otherSecretariat: SessionUser;
let staff: SessionUser;
let provinceId: number;

const TITLE = ["SỔ THEO DÕI THỰC HIỆN KẾT LUẬN CỦA CHỦ TỊCH UBND TỈNH NĂM 2022"];
const HEADER = [
  "STT",
  "Số thông báo",
  "Ngày",
  "Nội dung",
  "Chủ trì",
  "Phối hợp",
  "Thời hạn",
  "Tình trạng",
  "Ngày hoàn thành",
];

const user = async (username: string) =>
  (await loadSessionUser(t.prisma, (await t.prisma.user.findUniqueOrThrow({ where: { username } })).id))!;

const GUESS: RegisterRequest = { mapping: null, choices: {} };

async function preview(bytes: Uint8Array, request: RegisterRequest = GUESS, actor = secretariat) {
  const { batchId } = await uploadRegister(t.prisma, actor, { name: "so-theo-doi.xlsx", bytes });
  const p = await previewRegister(t.prisma, actor, batchId, request);
  return { batchId, ...p, row: (line: number) => p.plan.rows.find((r) => r.line === line)! };
}

/** What an import stores, counted per table of the province. */
async function counts() {
  const [notices, directives, assignments, imported] = await Promise.all([
    t.prisma.notice.count({ where: { provinceId } }),
    t.prisma.directive.count({ where: { notice: { provinceId } } }),
    t.prisma.assignment.count({ where: { provinceId } }),
    t.prisma.auditLog.count({ where: { provinceId, action: "notice.import" } }),
  ]);
  return { notices, directives, assignments, imported };
}

const checksums = () => tableChecksums(t.sql, ["WriteBudget", "RegistryImport"]);

let duplicate: { number: string; day: string };
let group: { name: string; members: number };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
  secretariat = await user("longan.vanphong");
  otherSecretariat = await user("langson.vanphong");
  staff = await user("longan.syt");
  provinceId = secretariat.provinceId!;
  useDbForTests(t.prisma);
  const stored = await t.prisma.notice.findFirstOrThrow({
    where: { provinceId, number: { not: null }, issuedOn: { not: null } },
    select: { number: true, issuedOn: true },
  });
  duplicate = { number: stored.number!, day: toIsoDay(stored.issuedOn!).split("-").reverse().join("/") };
  const g = await t.prisma.agencyGroup.findFirstOrThrow({
    where: { provinceId, members: { some: {} } },
    select: { name: true, _count: { select: { members: true } } },
    orderBy: { id: "asc" },
  });
  group = { name: g.name, members: g._count.members };
}, 180_000);

afterAll(async () => {
  signInAs(null);
  await t?.drop();
});

describe("the register's preview", () => {
  it("puts every problem beside its row, proposes a match for an unknown agency, and stores nothing", async () => {
    const before = await checksums();
    const p = await preview(
      await xlsxOf([
        TITLE,
        HEADER,
        [
          1,
          "101/TB-UBND",
          "05/01/2022",
          "Tiêm vắc xin mũi 3",
          "Sở Y tế",
          "Công an tỉnh",
          "Trước ngày 20/01/2022",
          "Đã hoàn thành",
          "18/01/2022",
        ],
        [
          2,
          "101/TB-UBND",
          "05/01/2022",
          "Kiểm tra 5K tại chợ",
          "So Giao duc va Dao tao tinh",
          "",
          "Thường xuyên",
          "Đang thực hiện",
          "",
        ],
        [3, "102/TB-UBND", "31/02/2022", "Báo cáo tình hình", "Sở Y tế", "", "", "", ""],
        [4, duplicate.number, duplicate.day, "Nhiệm vụ đã nhập", "Sở Y tế", "", "", "", ""],
        [
          5,
          "103/TB-UBND",
          "07/01/2022",
          "Rà soát doanh nghiệp",
          "Công an tỉnh",
          "Hội đồng không có thật",
          "khi nào xong",
          "Tạm dừng",
          "",
        ],
      ]),
    );
    // The header was found under the title; each column took its field from its header.
    expect(p.batch.headerLine).toBe(2);
    expect(p.mapping).toEqual(["", "number", "date", "content", "lead", "support", "deadline", "state", "completedOn"]);

    expect(p.row(3)).toMatchObject({ status: "ok", errors: [], lead: ["Sở Y tế"], support: ["Công an tỉnh"] });
    expect(p.row(3).deadline).toContain("19/01/2022");
    expect(p.row(4).status).toBe("error");
    expect(p.row(4).errors).toEqual([
      "Cơ quan “So Giao duc va Dao tao tinh” chưa có trong danh mục (đề xuất: Sở Giáo dục và Đào tạo); chọn cơ quan tương ứng hoặc bỏ qua ở bảng “Cơ quan chưa có trong danh mục”.",
    ]);
    expect(p.row(5)).toMatchObject({
      status: "error",
      errors: ["Không đọc được ngày “31/02/2022”; ghi theo dạng dd/mm/yyyy."],
    });
    expect(p.row(6).status).toBe("duplicate");
    expect(p.row(6).duplicateOf).toEqual(expect.any(Number));
    expect(p.row(6).warnings[0]).toContain(
      `Thông báo số ${duplicate.number} ngày ${duplicate.day} đã có trong hệ thống`,
    );
    expect(p.row(7).status).toBe("error");
    expect(p.row(7).errors).toEqual([
      expect.stringContaining("Cơ quan “Hội đồng không có thật” chưa có trong danh mục"),
      "Không đọc được thời hạn “khi nào xong”.",
      expect.stringContaining("Không hiểu tình trạng “Tạm dừng”"),
    ]);
    expect(p.plan.unknown.map((u) => [u.text, u.lines, u.proposal?.name ?? null])).toEqual([
      ["So Giao duc va Dao tao tinh", [4], "Sở Giáo dục và Đào tạo"],
      ["Hội đồng không có thật", [7], null],
    ]);
    expect(p.plan.counts).toMatchObject({ ok: 1, error: 3, duplicate: 1 });

    // A file with errors is refused whole; nothing but the upload itself was kept.
    await expect(
      confirmRegister(t.prisma, secretariat, {
        batchId: p.batchId,
        fingerprint: p.plan.fingerprint,
        publish: true,
        ...GUESS,
      }),
    ).rejects.toThrow(ValidationError);
    expect(await checksums()).toEqual(before);
  });

  it("asks for the columns it cannot guess, and reads them once mapped", async () => {
    const bytes = await xlsxOf([
      ["Văn bản", "Việc phải làm", "Đơn vị làm", "Hạn"],
      ["104/TB-UBND ngày 10/01/2022", "Lập danh sách F0", "Sở Y tế", "15/01/2022"],
    ]);
    const guessed = await preview(bytes);
    expect(guessed.mapping).toEqual(["", "", "", "deadline"]);
    expect(guessed.plan.mappingErrors).toEqual([
      "Chưa chọn cột nào là “Số thông báo”.",
      "Chưa chọn cột nào là “Nội dung”.",
      "Chưa chọn cột nào là “Chủ trì”.",
    ]);
    expect(guessed.plan.rows).toEqual([]);
    const mapping: ColumnMapping = ["number", "content", "lead", "deadline"];
    const mapped = await previewRegister(t.prisma, secretariat, guessed.batchId, { mapping, choices: {} });
    expect(mapped.plan.mappingErrors).toEqual([]);
    // The date written after the number is the notice's date.
    expect(mapped.plan.rows[0]).toMatchObject({ status: "ok", number: "104/TB-UBND", date: "2022-01-10" });
    const twice = await previewRegister(t.prisma, secretariat, guessed.batchId, {
      mapping: ["number", "content", "lead", "lead"],
      choices: {},
    });
    expect(twice.plan.mappingErrors).toEqual(["Trường “Chủ trì” được chọn cho 2 cột; mỗi trường chỉ một cột."]);
  });
});

describe("confirming the register", () => {
  // One register written per assignment: notice 201 has two directives, the second on two rows
  // (one agency each); notice 202 is dated and due by Excel day numbers; a name the registry lacks
  // is mapped to an agency, another is skipped; a row of a notice already stored is skipped.
  async function register(extra: (string | number | Date)[][] = []) {
    return xlsxOf([
      HEADER,
      [
        1,
        "201/TB-UBND",
        "10/01/2022",
        "Tiêm vắc xin cho trẻ em",
        "Sở Y tế",
        `Công an tỉnh; ${group.name}`,
        "Trước ngày 20/01/2022",
        "Đã hoàn thành",
        "18/01/2022",
      ],
      [2, "201/TB-UBND", "10/01/2022", "Kiểm tra 5K", "Công an tỉnh", "", "Thường xuyên", "Đang thực hiện", ""],
      [
        3,
        "201/TB-UBND",
        "10/01/2022",
        "Kiểm tra 5K",
        "Trung tâm Y tế dự phòng cũ",
        "Ban không rõ",
        "Thường xuyên",
        "Chưa thực hiện",
        "",
      ],
      [4, "202/TB-UBND", 44578, "Báo cáo số ca mắc", "Sở Y tế", "", 44592, "Hoàn thành quá hạn", 44600],
      [5, duplicate.number, duplicate.day, "Nhiệm vụ đã nhập", "Sở Y tế", "", "", "", ""],
      ...extra,
    ]);
  }

  it("stores every notice, directive and assignment with its state and completion day, marked as imported", async () => {
    const cdc = await t.prisma.agency.findFirstOrThrow({
      where: { provinceId, name: "Sở Y tế" },
      select: { id: true },
    });
    const first = await preview(await register());
    expect(first.plan.counts.error).toBe(1);
    const keys = Object.fromEntries(first.plan.unknown.map((u) => [u.text, u.key]));
    const choices = { [keys["Trung tâm Y tế dự phòng cũ"]!]: cdc.id, [keys["Ban không rõ"]!]: 0 };
    const p = await previewRegister(t.prisma, secretariat, first.batchId, { mapping: null, choices });
    const row = (line: number) => p.plan.rows.find((r) => r.line === line)!;
    expect(p.plan.rows.map((r) => r.status)).toEqual(["ok", "ok", "ok", "ok", "duplicate"]);
    expect(row(4).lead).toEqual(["Sở Y tế"]);
    expect(row(4).warnings).toEqual(["Bỏ qua “Ban không rõ” theo lựa chọn của bạn."]);
    expect(row(5)).toMatchObject({ date: "2022-01-17", completedOn: "2022-02-08" });
    expect(row(5).deadline).toContain("31/01/2022");

    // By hand: 2 notices; 201 has 2 directives (rows 2 and 3–4), 202 one. Assignments: row 2 has
    // Sở Y tế, Công an tỉnh and the group's members (Sở Y tế or Công an tỉnh among them count
    // once); rows 3–4 Công an tỉnh and Sở Y tế; row 5 Sở Y tế.
    const members = await t.prisma.agencyGroupMember.findMany({
      where: { group: { provinceId, name: group.name }, agency: { active: true } },
      select: { agency: { select: { name: true } } },
    });
    const row2 = new Set(["Sở Y tế", "Công an tỉnh", ...members.map((m) => m.agency.name)]).size;
    expect(p.plan.counts).toMatchObject({ notices: 2, directives: 3, assignments: row2 + 2 + 1 });

    const before = await counts();
    const stored = await checksums();
    // The preview stored nothing.
    expect(await counts()).toEqual(before);
    // The page lists both names with the choice in force, and carries them to the confirmation.
    expect(p.plan.unknown.map((u) => [u.text, u.chosen])).toEqual([
      ["Trung tâm Y tế dự phòng cũ", cdc.id],
      ["Ban không rõ", 0],
    ]);
    const { confirmRegisterAction } = await import("@/lib/imports/actions");
    const form = new FormData();
    form.append("batchId", String(first.batchId));
    form.append("fingerprint", p.plan.fingerprint);
    form.append("columns", p.mapping.join(","));
    form.append("agencies", choicesOf(p.plan.unknown).join("|"));
    form.append("publish", "on");
    signInAs(secretariat);
    const r = await confirmRegisterAction(null, form);
    signInAs(null);
    expect(r).toMatchObject({
      ok: true,
      message: `Đã nhập 2 thông báo, 3 nhiệm vụ, ${row2 + 3} lượt giao cơ quan; 1 dòng trùng thông báo đã có được bỏ qua.`,
      notices: 2,
      directives: 3,
      assignments: row2 + 3,
      duplicates: 1,
    });
    expect(await counts()).toEqual({
      notices: before.notices + 2,
      directives: before.directives + 3,
      assignments: before.assignments + row2 + 3,
      imported: before.imported + 2,
    });
    expect(await checksums()).not.toEqual(stored);

    const n201 = await t.prisma.notice.findFirstOrThrow({
      where: { provinceId, number: "201/TB-UBND" },
      select: {
        id: true,
        importId: true,
        status: true,
        issuedOn: true,
        directives: {
          orderBy: { position: "asc" },
          select: {
            text: true,
            deadlineKind: true,
            dueOn: true,
            deadlinePhrase: true,
            assignments: {
              select: { role: true, state: true, completedOn: true, agency: { select: { name: true } } },
              orderBy: { id: "asc" },
            },
          },
        },
      },
    });
    expect(n201).toMatchObject({ importId: first.batchId, status: "published" });
    expect(toIsoDay(n201.issuedOn!)).toBe("2022-01-10");
    const [vaccines, checks] = n201.directives;
    expect(vaccines).toMatchObject({ deadlineKind: "before", deadlinePhrase: "Trước ngày 20/01/2022" });
    expect(toIsoDay(vaccines!.dueOn!)).toBe("2022-01-19");
    expect(new Set(vaccines!.assignments.map((a) => a.state))).toEqual(new Set(["completed"]));
    expect(vaccines!.assignments.map((a) => toIsoDay(a.completedOn!))).toEqual(
      vaccines!.assignments.map(() => "2022-01-18"),
    );
    expect(vaccines!.assignments.find((a) => a.agency.name === "Sở Y tế")!.role).toBe("lead");
    // Two rows of one content are one directive, each agency with its own row's state.
    expect(checks).toMatchObject({ text: "Kiểm tra 5K", deadlineKind: "ongoing", dueOn: null });
    expect(checks!.assignments.map((a) => [a.agency.name, a.role, a.state])).toEqual([
      ["Công an tỉnh", "lead", "in_progress"],
      ["Sở Y tế", "lead", "not_started"],
    ]);
    const n202 = await t.prisma.notice.findFirstOrThrow({
      where: { provinceId, number: "202/TB-UBND" },
      select: { directives: { select: { dueOn: true, assignments: { select: { state: true, completedOn: true } } } } },
    });
    expect(toIsoDay(n202.directives[0]!.dueOn!)).toBe("2022-01-31");
    expect(n202.directives[0]!.assignments.map((a) => [a.state, toIsoDay(a.completedOn!)])).toEqual([
      ["completed", "2022-02-08"],
    ]);

    // The notice's page: its badge and its history say it was imported, from which file.
    const detail = await getNotice(t.prisma, secretariat, n201.id);
    expect(detail.importedFrom).toBe("so-theo-doi.xlsx");
    const life = await noticeLife(t.prisma, secretariat, n201.id);
    expect(life.history.map((h) => h.label)).toContain("Nhập từ sổ theo dõi so-theo-doi.xlsx");
    expect(life.sourceText).toContain("Nhập từ sổ theo dõi “so-theo-doi.xlsx”");

    // Once confirmed, the same upload is not imported twice; and the file again finds its notices stored.
    await expect(
      confirmRegister(t.prisma, secretariat, {
        batchId: first.batchId,
        fingerprint: p.plan.fingerprint,
        publish: true,
        mapping: null,
        choices,
      }),
    ).rejects.toThrow(ConflictError);
    const again = await preview(await register(), { mapping: null, choices });
    expect(again.plan.rows.map((r) => r.status)).toEqual([
      "duplicate",
      "duplicate",
      "duplicate",
      "duplicate",
      "duplicate",
    ]);
  });

  it("stores nothing when one row fails inside the transaction", async () => {
    const p = await preview(
      await xlsxOf([
        HEADER,
        [1, "301/TB-UBND", "12/01/2022", "Nhiệm vụ thứ nhất", "Sở Y tế", "", "", "", ""],
        [2, "302/TB-UBND", "12/01/2022", "Nhiệm vụ thứ hai", "Công an tỉnh", "", "", "", ""],
        [3, "303/TB-UBND", "12/01/2022", "Nhiệm vụ hỏng", "Sở Y tế", "", "", "", ""],
      ]),
    );
    expect(p.plan.counts).toMatchObject({ ok: 3, error: 0, notices: 3 });
    // The database refuses the third notice's directive, after the first two notices were written.
    await t.sql.exec(`
      CREATE FUNCTION refuse_broken_directive() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.text = 'Nhiệm vụ hỏng' THEN RAISE EXCEPTION 'broken directive'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER refuse_broken_directive BEFORE INSERT ON "Directive" FOR EACH ROW EXECUTE FUNCTION refuse_broken_directive();
    `);
    const before = await checksums();
    try {
      await expect(
        confirmRegister(t.prisma, secretariat, {
          batchId: p.batchId,
          fingerprint: p.plan.fingerprint,
          publish: true,
          ...GUESS,
        }),
      ).rejects.toThrow();
    } finally {
      await t.sql.exec(`DROP TRIGGER refuse_broken_directive ON "Directive"; DROP FUNCTION refuse_broken_directive();`);
    }
    expect(await checksums()).toEqual(before);
    expect(await t.prisma.notice.count({ where: { provinceId, number: { in: ["301/TB-UBND", "302/TB-UBND"] } } })).toBe(
      0,
    );
    // The upload is still unconfirmed: fixed, it imports.
    const batch = await t.prisma.registryImport.findUniqueOrThrow({ where: { id: p.batchId } });
    expect(batch.confirmedAt).toBeNull();
    await confirmRegister(t.prisma, secretariat, {
      batchId: p.batchId,
      fingerprint: p.plan.fingerprint,
      publish: false,
      ...GUESS,
    });
    expect(
      await t.prisma.notice.count({
        where: { provinceId, number: { in: ["301/TB-UBND", "302/TB-UBND", "303/TB-UBND"] }, status: "draft" },
      }),
    ).toBe(3);
  });

  it("refuses a preview the registry changed since", async () => {
    const p = await preview(
      await xlsxOf([HEADER, [1, "401/TB-UBND", "13/01/2022", "Nhiệm vụ", "Sở Y tế", "", "", "", ""]]),
    );
    const syt = await t.prisma.agency.findFirstOrThrow({ where: { provinceId, name: "Sở Y tế" } });
    await t.prisma.agency.update({
      where: { id: syt.id },
      data: { name: "Sở Y tế tỉnh Long An", aliases: [...syt.aliases, "Sở Y tế"] },
    });
    try {
      const before = await checksums();
      await expect(
        confirmRegister(t.prisma, secretariat, {
          batchId: p.batchId,
          fingerprint: p.plan.fingerprint,
          publish: true,
          ...GUESS,
        }),
      ).rejects.toThrow(ConflictError);
      expect(await checksums()).toEqual(before);
    } finally {
      await t.prisma.agency.update({ where: { id: syt.id }, data: { name: syt.name, aliases: syt.aliases } });
    }
  });
});

describe("who may import", () => {
  const bytes = () => xlsxOf([HEADER, [1, "501/TB-UBND", "14/01/2022", "Nhiệm vụ", "Sở Y tế", "", "", "", ""]]);

  it("refuses agency staff, and hides an upload from another user or province", async () => {
    await expect(uploadRegister(t.prisma, staff, { name: "so.xlsx", bytes: await bytes() })).rejects.toThrow(
      ForbiddenError,
    );
    const { batchId } = await uploadRegister(t.prisma, secretariat, { name: "so.xlsx", bytes: await bytes() });
    await expect(previewRegister(t.prisma, staff, batchId, GUESS)).rejects.toThrow(ForbiddenError);
    await expect(previewRegister(t.prisma, otherSecretariat, batchId, GUESS)).rejects.toThrow(NotFoundError);
    await expect(
      confirmRegister(t.prisma, otherSecretariat, { batchId, fingerprint: "0".repeat(32), publish: true, ...GUESS }),
    ).rejects.toThrow(NotFoundError);
  });

  it("through the gate: staff are refused the actions, the page and the template; the secretariat gets them", async () => {
    const actions = await import("@/lib/imports/actions");
    const registerPage = (await import("@/app/(app)/thong-bao/nhap-so-theo-doi/page")).default;
    const template = (await import("@/app/api/nhap-so-theo-doi/mau/route")).GET;
    const file = new File([Buffer.from(await bytes())], "so.xlsx");
    const ctx = { params: Promise.resolve({}) };
    const exit = (render: Promise<unknown>) =>
      render.then(
        () => "rendered",
        (e: { digest?: string }) => (e.digest === "NEXT_HTTP_ERROR_FALLBACK;404" ? 404 : e.digest),
      );
    signInAs(staff);
    const fd = new FormData();
    fd.append("file", file);
    expect(await actions.uploadRegisterAction(null, fd)).toMatchObject({ ok: false, code: "forbidden" });
    const confirm = new FormData();
    for (const [k, v] of Object.entries({ batchId: "1", fingerprint: "0".repeat(32), columns: "number", agencies: "" }))
      confirm.append(k, v);
    expect(await actions.confirmRegisterAction(null, confirm)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await exit(registerPage({ params: Promise.resolve({}), searchParams: Promise.resolve({}) }))).toBe(404);
    expect((await template(new Request("http://x/api/nhap-so-theo-doi/mau"), ctx)).status).toBe(403);

    signInAs(secretariat);
    const up = new FormData();
    up.append("file", file);
    const r = (await actions.uploadRegisterAction(null, up)) as { ok: boolean; batchId: number };
    expect(r.ok).toBe(true);
    expect(
      await exit(
        registerPage({ params: Promise.resolve({}), searchParams: Promise.resolve({ lan: String(r.batchId) }) }),
      ),
    ).toBe("rendered");
    const res = await template(new Request("http://x/api/nhap-so-theo-doi/mau"), ctx);
    expect(res.status).toBe(200);
    // The template imports as it is: its example rows preview without problems.
    const sample = await preview(new Uint8Array(await res.arrayBuffer()));
    expect(sample.plan.mappingErrors).toEqual([]);
    expect(sample.plan.rows.map((x) => [x.status, x.errors])).toEqual([
      ["ok", []],
      ["ok", []],
    ]);
    signInAs(null);
  });
});
