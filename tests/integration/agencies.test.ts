import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  addGroupMemberAction,
  createAgencyAction,
  createGroupAction,
  deleteAgencyAction,
  mergeAgencyAction,
  removeGroupMemberAction,
  updateAgencyAction,
  updateGroupAction,
} from "@/lib/agencies/actions";
import { getAgency, listAgencies } from "@/lib/agencies/admin";
import { agencyHistory } from "@/lib/agencies/history";
import { registryForProvince } from "@/lib/agencies/queries";
import { agencyBoard, boardAgencies } from "@/lib/assignments/board";
import { assignmentTimeline } from "@/lib/assignments/detail";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { useDbForTests } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { proposeNotice } from "@/lib/intake/service";
import { createNotice } from "@/lib/notices/create";
import { resolveAgencyNames } from "@/lib/notices/edit-core";
import { agencyChoices } from "@/lib/users/agency-choices";
import { seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { signInAs } from "@/tests/helpers/test-session";

// The province's registry as its administrator and secretariat keep it (/quan-tri/co-quan),
// through the same gated actions the pages call. Every test checks what is stored (and what the
// rest of the app then sees: pickers, the extractor, boards, task histories), not only the answer.

let t: TestDatabase;
let admin: SessionUser;
let secretariat: SessionUser;
let langsonAdmin: SessionUser;
let provinceId: number;

const user = async (username: string) =>
  (await loadSessionUser(t.prisma, (await t.prisma.user.findUniqueOrThrow({ where: { username } })).id))!;

function form(values: Record<string, string | number | boolean | string[] | undefined>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === false) continue;
    if (Array.isArray(v)) for (const x of v) fd.append(k, x);
    else fd.append(k, v === true ? "on" : String(v));
  }
  return fd;
}

interface Result {
  ok: boolean;
  code?: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
  agency?: { id: number };
  groupId?: number;
}
async function as(
  who: SessionUser,
  fn: (p: unknown, fd: FormData) => Promise<unknown>,
  values: Parameters<typeof form>[0],
) {
  signInAs(who);
  try {
    return (await fn(null, form(values))) as Result;
  } finally {
    signInAs(null);
  }
}

const agencyRow = (id: number) => t.prisma.agency.findUniqueOrThrow({ where: { id } });

async function newAgency(name: string, shortName: string, extra: Record<string, string> = {}): Promise<number> {
  const r = await as(admin, createAgencyAction, { name, shortName, kind: "department", ...extra });
  expect(r, r.message).toMatchObject({ ok: true });
  return r.agency!.id;
}

const draftFor = (
  number: string,
  directives: { ref: string; text: string; agencies: [string, "lead" | "support"][] }[],
) => ({
  notice: {
    kind: "TB" as const,
    number,
    issuer: "UBND tỉnh Long An",
    place: "Long An",
    issuedOn: "2021-07-01",
    issuedPrecision: "day" as const,
    title: "Thông báo dùng cho kiểm thử danh mục",
    meetingOn: null,
    chair: null,
    signer: null,
    signingFormula: null,
    recipients: [],
    citations: [],
  },
  directives: directives.map((d) => ({
    ref: d.ref,
    text: d.text,
    urgent: false,
    deadline: {
      kind: "exact" as const,
      dueOn: "2021-07-20",
      dueAt: null,
      phrase: "chậm nhất ngày 20/7/2021",
      startOn: null,
      recurrence: null,
      target: null,
    },
    assignments: d.agencies.map(([agency, role]) => ({ agency, role, viaGroup: null, isNew: false })),
  })),
});

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
  useDbForTests(t.prisma);
  admin = await user("longan.quantri");
  secretariat = await user("longan.vanphong");
  langsonAdmin = await user("langson.quantri");
  provinceId = admin.provinceId!;
}, 180_000);

afterAll(async () => {
  signInAs(null);
  await t?.drop();
});

describe("agencies of the province's registry", () => {
  it("creates an agency with its aliases and e-mail, audited, and lists it by a search without diacritics", async () => {
    const r = await as(secretariat, createAgencyAction, {
      name: "Sở Khoa học và Công nghệ",
      shortName: "SKHCN",
      kind: "department",
      aliases: "Sở KH&CN\n  Giám đốc Sở Khoa học và Công nghệ  \n\nSở KH&CN",
      email: "skhcn@longan.gov.vn",
    });
    expect(r).toMatchObject({ ok: true, message: "Đã thêm Sở Khoa học và Công nghệ." });
    const id = r.agency!.id;
    expect(await agencyRow(id)).toMatchObject({
      provinceId,
      shortName: "SKHCN",
      aliases: ["Sở KH&CN", "Giám đốc Sở Khoa học và Công nghệ"],
      email: "skhcn@longan.gov.vn",
      active: true,
      version: 1,
    });
    expect(
      await t.prisma.auditLog.count({ where: { entityType: "Agency", entityId: id, action: "agency.create" } }),
    ).toBe(1);
    const found = await listAgencies(t.prisma, admin, { q: "khoa hoc va cong" });
    expect(found.rows.map((a) => a.name)).toEqual(["Sở Khoa học và Công nghệ"]);
    expect((await listAgencies(t.prisma, admin, { q: "giam doc so khoa" })).total).toBe(1);
    expect((await listAgencies(t.prisma, admin, { kind: "police" })).rows.every((a) => a.kind === "police")).toBe(true);
  });

  it("pages a long list", async () => {
    const all = await listAgencies(t.prisma, admin, {});
    const second = await listAgencies(t.prisma, admin, { page: 2, pageSize: 10 });
    expect(all.total).toBeGreaterThan(20);
    expect(second.rows).toHaveLength(10);
    expect(second.rows[0]!.id).toBe(all.rows[10]!.id);
  });

  it("refuses a name or short name already used in the province, beside its field, and stores nothing", async () => {
    const before = await t.prisma.agency.count();
    const dupName = await as(admin, createAgencyAction, {
      name: "  sở   y TẾ ",
      shortName: "SYT2",
      kind: "department",
    });
    expect(dupName).toMatchObject({ ok: false, code: "invalid" });
    expect(dupName.fieldErrors!.name).toEqual(["Tỉnh đã có cơ quan “Sở Y tế”; vui lòng dùng tên khác."]);
    const dupShort = await as(admin, createAgencyAction, {
      name: "Sở Y tế dự phòng",
      shortName: "syt",
      kind: "department",
    });
    expect(dupShort.fieldErrors!.shortName).toEqual(["Tên viết tắt “SYT” đã dùng cho cơ quan khác của tỉnh."]);
    expect(await t.prisma.agency.count()).toBe(before);
    // The same name in another province is another agency.
    const otherProvince = await as(langsonAdmin, createAgencyAction, {
      name: "Sở Khoa học và Công nghệ",
      shortName: "SKHCN",
      kind: "department",
    });
    expect(otherProvince).toMatchObject({ ok: true });
  });

  it("edits with the version it was read at; a stale edit is refused in Vietnamese and changes nothing", async () => {
    const id = await newAgency("Ban Dân tộc tỉnh", "BDT");
    const edit = { agencyId: id, shortName: "BDT", kind: "department", active: true };
    const ok = await as(admin, updateAgencyAction, {
      ...edit,
      version: 1,
      name: "Ban Dân tộc",
      aliases: "Trưởng Ban Dân tộc",
    });
    expect(ok).toMatchObject({ ok: true, message: "Đã lưu cơ quan." });
    const stale = await as(secretariat, updateAgencyAction, { ...edit, version: 1, name: "Ban Dân tộc tỉnh Long An" });
    expect(stale).toMatchObject({
      ok: false,
      code: "conflict",
      message: "Cơ quan vừa được người khác sửa. Vui lòng tải lại trang rồi sửa tiếp.",
    });
    expect(await agencyRow(id)).toMatchObject({ name: "Ban Dân tộc", aliases: ["Trưởng Ban Dân tộc"], version: 2 });
    const dup = await as(admin, updateAgencyAction, { ...edit, version: 2, name: "Sở Y tế" });
    expect(dup).toMatchObject({ ok: false, code: "invalid" });
    const history = await agencyHistory(t.prisma, id, provinceId);
    expect(history.map((h) => h.label)).toEqual(["Sửa cơ quan", "Thêm cơ quan"]);
  });

  it("deactivates an agency: gone from every picker and from the extractor's registry, its history kept", async () => {
    const id = await newAgency("Trung tâm Y tế dự phòng tỉnh", "TTYTDP", { aliases: "TTYTDP tỉnh" });
    const group = await t.prisma.agencyGroup.findFirstOrThrow({
      where: { provinceId, name: { contains: "sở, ban, ngành" } },
    });
    await t.prisma.agencyGroupMember.create({ data: { groupId: group.id, agencyId: id } });
    const r = await as(admin, updateAgencyAction, {
      agencyId: id,
      version: 1,
      name: "Trung tâm Y tế dự phòng tỉnh",
      shortName: "TTYTDP",
      kind: "department",
    });
    expect(r).toMatchObject({ ok: true });
    expect((await agencyRow(id)).active).toBe(false);

    const registry = await registryForProvince(t.prisma, provinceId);
    expect(registry.agencies.map((a) => a.name)).not.toContain("Trung tâm Y tế dự phòng tỉnh");
    expect(registry.groups.flatMap((g) => g.members)).not.toContain("Trung tâm Y tế dự phòng tỉnh");
    expect((await agencyChoices(t.prisma, provinceId)).map((a) => a.id)).not.toContain(id);
    await expect(resolveAgencyNames(t.prisma, provinceId, ["TTYTDP"])).rejects.toThrow(ValidationError);
    await expect(
      createNotice(
        t.prisma,
        secretariat,
        provinceId,
        {
          draft: draftFor("1/TB-NGUNG", [
            {
              ref: "1",
              text: "Trung tâm Y tế dự phòng tỉnh giám sát dịch.",
              agencies: [["Trung tâm Y tế dự phòng tỉnh", "lead"]],
            },
          ]),
          sourceText: "x",
        },
        { status: "published", createNewAgencies: true },
      ),
    ).rejects.toThrow(/đã ngừng hoạt động/);
    const boards = await boardAgencies(t.prisma, secretariat);
    expect(boards.find((b) => b.id === id)?.active).toBe(false);
    expect((await listAgencies(t.prisma, admin, { status: "inactive" })).rows.map((a) => a.id)).toContain(id);
    expect((await listAgencies(t.prisma, admin, { status: "active" })).rows.map((a) => a.id)).not.toContain(id);
    expect((await agencyHistory(t.prisma, id, provinceId)).map((h) => h.label)).toEqual([
      "Ngừng hoạt động",
      "Thêm cơ quan",
    ]);
  });

  it("lets the extractor read the edited registry at once: a new alias is recognised in the next notice", async () => {
    const text = (who: string) =>
      `UBND TỈNH LONG AN\n\nSố: 77/TB-UBND\n\nLong An, ngày 06 tháng 9 năm 2021\n\n**THÔNG BÁO**\n\n**Kết luận của Chủ tịch UBND tỉnh**\n\nChủ tịch UBND tỉnh kết luận như sau:\n\n1. ${who} hoàn thành việc rà soát danh sách F1, chậm nhất đến ngày 20/9/2021 báo cáo UBND tỉnh.\n\nUBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.\n`;
    const leads = async (who: string) =>
      (await proposeNotice(t.prisma, secretariat, text(who))).draft.directives[0]?.assignments.map((a) => a.agency) ??
      [];
    expect(await leads("Tổ phản ứng nhanh Bến Lức")).not.toContain("UBND huyện Bến Lức");
    const benLuc = await t.prisma.agency.findFirstOrThrow({ where: { provinceId, name: "UBND huyện Bến Lức" } });
    const r = await as(secretariat, updateAgencyAction, {
      agencyId: benLuc.id,
      version: benLuc.version,
      name: benLuc.name,
      shortName: benLuc.shortName,
      kind: benLuc.kind,
      aliases: [...benLuc.aliases, "Tổ phản ứng nhanh Bến Lức"].join("\n"),
      active: true,
    });
    expect(r).toMatchObject({ ok: true });
    expect(await leads("Tổ phản ứng nhanh Bến Lức")).toContain("UBND huyện Bến Lức");
  });

  it("refuses to delete an agency that has tasks, and deletes one that never had any", async () => {
    const syt = await t.prisma.agency.findFirstOrThrow({ where: { provinceId, name: "Sở Y tế" } });
    const refused = await as(admin, deleteAgencyAction, { agencyId: syt.id, version: syt.version });
    expect(refused).toMatchObject({ ok: false, code: "conflict" });
    expect(refused.message).toMatch(/^Không thể xóa: cơ quan đã được giao \d+ nhiệm vụ/);
    expect(await t.prisma.agency.count({ where: { id: syt.id } })).toBe(1);

    const id = await newAgency("Cơ quan nhập nhầm", "NHAM");
    expect(await as(admin, deleteAgencyAction, { agencyId: id, version: 1 })).toMatchObject({
      ok: true,
      message: "Đã xóa Cơ quan nhập nhầm khỏi danh mục.",
    });
    expect(await t.prisma.agency.count({ where: { id } })).toBe(0);
    expect(
      await t.prisma.auditLog.count({ where: { entityType: "Agency", entityId: id, action: "agency.delete" } }),
    ).toBe(1);
  });

  it("keeps another province's agencies out of reach: not found, nothing changed", async () => {
    const syt = await t.prisma.agency.findFirstOrThrow({ where: { provinceId, name: "Sở Y tế" } });
    const before = await agencyRow(syt.id);
    await expect(getAgency(t.prisma, langsonAdmin, syt.id)).rejects.toThrow(NotFoundError);
    for (const [fn, values] of [
      [updateAgencyAction, { agencyId: syt.id, version: syt.version, name: "X y z", shortName: "X", kind: "other" }],
      [deleteAgencyAction, { agencyId: syt.id, version: syt.version }],
      [mergeAgencyAction, { agencyId: syt.id, version: syt.version, successorId: syt.id }],
    ] as const) {
      expect(await as(langsonAdmin, fn, values)).toMatchObject({ ok: false, code: "not_found" });
    }
    // A Long An agency cannot be merged into another province's.
    const lsSyt = await t.prisma.agency.findFirstOrThrow({
      where: { name: "Sở Y tế", province: { name: "Lạng Sơn" } },
    });
    const cross = await as(admin, mergeAgencyAction, { agencyId: syt.id, version: syt.version, successorId: lsSyt.id });
    expect(cross).toMatchObject({ ok: false, code: "invalid" });
    expect(await agencyRow(syt.id)).toEqual(before);
  });
});

describe("groups edited in place", () => {
  it("creates, renames and changes the members of a group; the extractor's registry follows each edit", async () => {
    const a = await newAgency("Ban Quản lý dự án tỉnh", "BQLDA");
    const b = await newAgency("Ban Quản lý các khu công nghiệp", "BQLKCN");
    const created = await as(admin, createGroupAction, { name: "Các ban quản lý", memberIds: [String(a)] });
    expect(created).toMatchObject({ ok: true });
    const groupId = created.groupId!;
    const groupOf = async () =>
      (await registryForProvince(t.prisma, provinceId)).groups.find((g) => g.name.includes("ban quản lý"));

    expect(
      await as(admin, updateGroupAction, {
        groupId,
        version: 1,
        name: "Các ban quản lý tỉnh",
        aliases: "các ban quản lý",
      }),
    ).toMatchObject({ ok: true });
    expect(await as(secretariat, addGroupMemberAction, { groupId, version: 2, agencyId: b })).toMatchObject({
      ok: true,
    });
    expect(await groupOf()).toEqual({
      name: "Các ban quản lý tỉnh",
      aliases: ["các ban quản lý"],
      members: ["Ban Quản lý các khu công nghiệp", "Ban Quản lý dự án tỉnh"],
    });
    // A form opened before the last change is refused.
    expect(await as(admin, removeGroupMemberAction, { groupId, version: 2, agencyId: a })).toMatchObject({
      ok: false,
      message: "Nhóm vừa được người khác sửa. Vui lòng tải lại trang rồi sửa tiếp.",
    });
    expect(await as(admin, removeGroupMemberAction, { groupId, version: 3, agencyId: a })).toMatchObject({ ok: true });
    expect((await groupOf())?.members).toEqual(["Ban Quản lý các khu công nghiệp"]);
    // Another group's name, an agency of another province, an empty group: refused.
    const taken = await t.prisma.agencyGroup.findFirstOrThrow({ where: { provinceId }, select: { name: true } });
    expect(
      await as(admin, createGroupAction, { name: taken.name.toUpperCase(), memberIds: [String(a)] }),
    ).toMatchObject({
      ok: false,
      code: "invalid",
    });
    const lsSyt = await t.prisma.agency.findFirstOrThrow({
      where: { name: "Sở Y tế", province: { name: "Lạng Sơn" } },
    });
    expect(await as(admin, addGroupMemberAction, { groupId, version: 4, agencyId: lsSyt.id })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await as(admin, createGroupAction, { name: "Nhóm trống" })).toMatchObject({ ok: false, code: "invalid" });
    expect(
      (
        await t.prisma.auditLog.findMany({
          where: { entityType: "AgencyGroup", entityId: groupId },
          orderBy: { id: "asc" },
        })
      ).map((r) => r.action),
    ).toEqual(["group.create", "group.update", "group.member_add", "group.member_remove"]);
  });
});

describe("merging an agency into its successor", () => {
  it("moves the open tasks with an entry in each task's history, keeps the completed ones, ends the agency", async () => {
    const a = await newAgency("UBND huyện Thủ Thừa cũ", "UBND Thủ Thừa cũ");
    const b = await newAgency("UBND huyện Thủ Thừa mới", "UBND Thủ Thừa mới");
    const group = await t.prisma.agencyGroup.findFirstOrThrow({
      where: { provinceId, name: { startsWith: "UBND các huyện" } },
    });
    await t.prisma.agencyGroupMember.create({ data: { groupId: group.id, agencyId: a } });
    const staff = await t.prisma.user.create({
      data: {
        username: "longan.thuthua",
        name: "Cán bộ Thủ Thừa",
        role: "agency_staff",
        provinceId,
        passwordHash: "x",
        agencies: { create: [{ agencyId: a }] },
      },
    });
    const noticeId = await createNotice(
      t.prisma,
      secretariat,
      provinceId,
      {
        draft: draftFor("5/TB-SAPNHAP", [
          {
            ref: "1",
            text: "UBND huyện Thủ Thừa cũ lập chốt kiểm soát.",
            agencies: [["UBND huyện Thủ Thừa cũ", "lead"]],
          },
          { ref: "2", text: "UBND huyện Thủ Thừa cũ báo cáo số ca.", agencies: [["UBND huyện Thủ Thừa cũ", "lead"]] },
          {
            ref: "3",
            text: "UBND huyện Thủ Thừa mới chủ trì, phối hợp với UBND huyện Thủ Thừa cũ tiêm vắc xin.",
            agencies: [
              ["UBND huyện Thủ Thừa mới", "lead"],
              ["UBND huyện Thủ Thừa cũ", "support"],
            ],
          },
        ]),
        sourceText: "kiểm thử sáp nhập",
      },
      { status: "published", createNewAgencies: false },
    );
    const tasks = await t.prisma.assignment.findMany({
      where: { noticeId },
      select: { id: true, agencyId: true, directive: { select: { id: true, ref: true } } },
    });
    const task = (ref: string, agencyId: number) =>
      tasks.find((x) => x.directive.ref === ref && x.agencyId === agencyId)!;
    const open = task("1", a);
    const done = task("2", a);
    await t.prisma.assignment.update({
      where: { id: done.id },
      data: { state: "completed", completedOn: new Date("2021-07-15"), confirmedAt: new Date() },
    });

    const aRow = await agencyRow(a);
    const r = await as(admin, mergeAgencyAction, {
      agencyId: a,
      version: aRow.version,
      successorId: b,
      moveUsers: true,
    });
    expect(r).toMatchObject({
      ok: true,
      moved: 1,
      message:
        "Đã chuyển 1 nhiệm vụ đang thực hiện của UBND huyện Thủ Thừa cũ sang UBND huyện Thủ Thừa mới. 1 nhiệm vụ UBND huyện Thủ Thừa mới đã có trên cùng chỉ đạo nên giữ ở lại. 1 tài khoản chuyển sang UBND huyện Thủ Thừa mới.",
    });

    const after = (id: number) => t.prisma.assignment.findUniqueOrThrow({ where: { id } });
    expect(await after(open.id)).toMatchObject({ agencyId: b, version: 2 });
    expect(await after(done.id)).toMatchObject({ agencyId: a, state: "completed" });
    expect(await after(task("3", a).id)).toMatchObject({ agencyId: a });
    const ended = await agencyRow(a);
    expect(ended).toMatchObject({ active: false, successorId: b });
    expect(ended.endedAt).toBeInstanceOf(Date);

    // The task's history, as its page shows it, says where it went.
    const timeline = await assignmentTimeline(t.prisma, secretariat, open.directive.id);
    expect(timeline[0]).toMatchObject({
      action: "assignment.succession",
      label: "Chuyển sang cơ quan kế nhiệm: từ UBND huyện Thủ Thừa cũ sang UBND huyện Thủ Thừa mới",
      agencyName: "UBND huyện Thủ Thừa mới",
      actorName: admin.name,
    });
    // B's board carries it; A's keeps what A completed.
    const boardB = await agencyBoard(t.prisma, secretariat, b, {}, "2021-07-05");
    expect(boardB.items.map((i) => i.id)).toContain(open.id);
    const boardA = await agencyBoard(t.prisma, secretariat, a, {}, "2021-07-05");
    expect(boardA.items.map((i) => i.id)).toEqual(expect.arrayContaining([done.id]));
    expect(boardA.items.map((i) => i.id)).not.toContain(open.id);
    // B took A's place in the group; the staff account works for B.
    expect(
      await t.prisma.agencyGroupMember.findMany({ where: { groupId: group.id, agencyId: { in: [a, b] } } }),
    ).toEqual([{ groupId: group.id, agencyId: b }]);
    expect((await loadSessionUser(t.prisma, staff.id))?.agencyIds).toEqual([b]);
    // Both agencies' histories tell it; A's page names its successor.
    expect((await agencyHistory(t.prisma, a, provinceId))[0]!.label).toBe(
      "Sáp nhập, chuyển công việc sang cơ quan kế nhiệm: UBND huyện Thủ Thừa mới (1 nhiệm vụ)",
    );
    expect((await agencyHistory(t.prisma, b, provinceId))[0]!.label).toBe(
      "Tiếp nhận công việc của cơ quan sáp nhập: UBND huyện Thủ Thừa cũ (1 nhiệm vụ)",
    );
    const detail = await getAgency(t.prisma, admin, a);
    expect(detail).toMatchObject({ status: "ended", successor: { id: b, name: "UBND huyện Thủ Thừa mới" } });
    expect((await getAgency(t.prisma, admin, b)).predecessors.map((p) => p.id)).toEqual([a]);
    // The running totals followed the move.
    const tally = await t.prisma.assignmentTally.findMany({ where: { noticeId }, orderBy: { agencyId: "asc" } });
    expect(tally.map((x) => [x.agencyId, x.assigned, x.completed])).toEqual([
      [a, 2, 1],
      [b, 2, 0],
    ]);
    // Ended: cannot be merged again nor reactivated; gone from the successor choices.
    expect(await as(admin, mergeAgencyAction, { agencyId: a, version: ended.version, successorId: b })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect((await agencyChoices(t.prisma, provinceId)).map((c) => c.id)).not.toContain(a);
  });

  it("refuses an inactive successor or the agency itself, and a stale form", async () => {
    const a = await newAgency("Đội kiểm tra liên ngành", "DKTLN");
    const inactive = await newAgency("Đội cũ", "DOICU");
    await t.prisma.agency.update({ where: { id: inactive }, data: { active: false } });
    const self = await as(admin, mergeAgencyAction, { agencyId: a, version: 1, successorId: a });
    expect(self.fieldErrors!.successorId).toHaveLength(1);
    const toInactive = await as(admin, mergeAgencyAction, { agencyId: a, version: 1, successorId: inactive });
    expect(toInactive.fieldErrors!.successorId).toEqual([
      "Cơ quan tiếp nhận đã ngừng hoạt động; hãy chọn một cơ quan đang hoạt động.",
    ]);
    const syt = await t.prisma.agency.findFirstOrThrow({ where: { provinceId, name: "Sở Y tế" } });
    expect(await as(admin, mergeAgencyAction, { agencyId: a, version: 9, successorId: syt.id })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await agencyRow(a)).toMatchObject({ active: true, successorId: null, endedAt: null });
  });
});

// Every registry action for every role, through the gate: the province's administrator and
// secretariat may; the chairman, agency staff and the system administrator may not (forbidden);
// another province's administrator does not even find Long An's records.
describe("permission matrix of the registry actions", () => {
  type Outcome = "ok" | "forbidden" | "not_found";
  const roles = ["longan.quantri", "longan.vanphong", "longan.chutich", "longan.syt", "langson.quantri", "quantri"];
  const expected: Record<string, Outcome> = {
    "longan.quantri": "ok",
    "longan.vanphong": "ok",
    "longan.chutich": "forbidden",
    "longan.syt": "forbidden",
    "langson.quantri": "not_found",
    quantri: "forbidden",
  };
  let n = 0;
  const fresh = async () => {
    n++;
    const agency = await t.prisma.agency.create({
      data: { provinceId, name: `Cơ quan ma trận ${n}`, shortName: `MT${n}`, kind: "other" },
    });
    const successor = await t.prisma.agency.create({
      data: { provinceId, name: `Cơ quan kế nhiệm ${n}`, shortName: `KN${n}`, kind: "other" },
    });
    const group = await t.prisma.agencyGroup.create({
      data: { provinceId, name: `Nhóm ma trận ${n}`, members: { create: [{ agencyId: agency.id }] } },
    });
    return { agency, successor, group };
  };
  const cases: Record<
    string,
    [
      (p: unknown, fd: FormData) => Promise<unknown>,
      (f: Awaited<ReturnType<typeof fresh>>) => Parameters<typeof form>[0],
    ]
  > = {
    update: [
      updateAgencyAction,
      (f) => ({
        agencyId: f.agency.id,
        version: 1,
        name: `${f.agency.name} (sửa)`,
        shortName: f.agency.shortName,
        kind: "other",
        active: true,
      }),
    ],
    delete: [deleteAgencyAction, (f) => ({ agencyId: f.agency.id, version: 1 })],
    merge: [mergeAgencyAction, (f) => ({ agencyId: f.agency.id, version: 1, successorId: f.successor.id })],
    updateGroup: [updateGroupAction, (f) => ({ groupId: f.group.id, version: 1, name: `${f.group.name} (sửa)` })],
    addMember: [addGroupMemberAction, (f) => ({ groupId: f.group.id, version: 1, agencyId: f.successor.id })],
    removeMember: [removeGroupMemberAction, (f) => ({ groupId: f.group.id, version: 1, agencyId: f.agency.id })],
  };

  for (const role of roles) {
    for (const [name, [fn, values]] of Object.entries(cases)) {
      it(`${role} · ${name} → ${expected[role]}`, async () => {
        const f = await fresh();
        const r = await as(await user(role), fn, values(f));
        const stored = await t.prisma.auditLog.count({
          where: {
            OR: [
              { entityType: "Agency", entityId: f.agency.id },
              { entityType: "AgencyGroup", entityId: f.group.id },
            ],
          },
        });
        if (expected[role] === "ok") {
          expect(r, r.message).toMatchObject({ ok: true });
          expect(stored).toBeGreaterThan(0);
        } else {
          expect(r).toMatchObject({ ok: false, code: expected[role] });
          expect(stored).toBe(0);
          expect(await agencyRow(f.agency.id)).toMatchObject({ name: f.agency.name, version: 1, active: true });
        }
      });
    }
    it(`${role} · create → ${expected[role] === "not_found" ? "ok, in its own province" : expected[role]}`, async () => {
      const who = await user(role);
      n++;
      const r = await as(who, createAgencyAction, { name: `Cơ quan mới ${n}`, shortName: `M${n}`, kind: "other" });
      // Members from Long An: the group is made in the creator's own province, so for Lạng Sơn's
      // administrator they are another province's agencies.
      const syt = await t.prisma.agency.findFirstOrThrow({ where: { provinceId, name: "Sở Y tế" } });
      const g = await as(who, createGroupAction, { name: `Nhóm mới ${n}`, memberIds: [String(syt.id)] });
      const outcome = expected[role] === "not_found" ? "ok" : expected[role];
      if (outcome === "ok") {
        expect(r).toMatchObject({ ok: true });
        expect((await t.prisma.agency.findFirstOrThrow({ where: { name: `Cơ quan mới ${n}` } })).provinceId).toBe(
          who.provinceId,
        );
        expect(g).toMatchObject(who.provinceId === provinceId ? { ok: true } : { ok: false, code: "invalid" });
      } else {
        expect(r).toMatchObject({ ok: false, code: outcome });
        expect(g).toMatchObject({ ok: false, code: outcome });
        expect(await t.prisma.agencyGroup.count({ where: { name: `Nhóm mới ${n}` } })).toBe(0);
        expect(await t.prisma.agency.count({ where: { name: `Cơ quan mới ${n}` } })).toBe(0);
      }
    });
  }

  it("answers the registry pages with the 404 page for the chairman, agency staff and other provinces", async () => {
    const { agency } = await fresh();
    const pages = [
      [await import("@/app/(app)/quan-tri/co-quan/page"), {}],
      [await import("@/app/(app)/quan-tri/co-quan/moi/page"), {}],
      [await import("@/app/(app)/quan-tri/co-quan/nhom/page"), {}],
      [await import("@/app/(app)/quan-tri/co-quan/[id]/page"), { id: String(agency.id) }],
    ] as const;
    const render = async (who: string, mod: (typeof pages)[number][0], params: Record<string, string>) => {
      signInAs(await user(who));
      try {
        await mod.default({ params: Promise.resolve(params), searchParams: Promise.resolve({}) });
        return "rendered";
      } catch (error) {
        return String((error as { digest?: string }).digest);
      } finally {
        signInAs(null);
      }
    };
    for (const [mod, params] of pages) {
      for (const who of ["longan.chutich", "longan.syt", "quantri"])
        expect(await render(who, mod, params)).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
      for (const who of ["longan.quantri", "longan.vanphong"]) expect(await render(who, mod, params)).toBe("rendered");
    }
    expect(await render("langson.quantri", pages[3][0], pages[3][1])).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    vi.restoreAllMocks();
  });
});
