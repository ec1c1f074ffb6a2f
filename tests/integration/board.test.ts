import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencyBoard } from "@/lib/assignments/board";
import { reportProgress } from "@/lib/assignments/workflow";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { createNotice } from "@/lib/notices/create";
import { addDirectiveAgencies, updateDirective } from "@/lib/notices/edit";
import { directiveSearchText, searchFold } from "@/lib/notices/search-fold";
import { seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

let t: TestDatabase;
let staff: SessionUser;
let healthId: number;
const TODAY = "2021-09-20"; // a Monday
const clock = { today: () => TODAY, now: () => new Date(`${TODAY}T09:00:00+07:00`) };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
  const u = await t.prisma.user.findUniqueOrThrow({ where: { username: "laichau.syt" } });
  staff = (await loadSessionUser(t.prisma, u.id))!;
  healthId = staff.agencyIds[0]!;
  const province = await t.prisma.province.findUniqueOrThrow({ where: { name: "Lai Châu" } });
  const deadline = (kind: "exact" | "recurring", dueOn: string | null, phrase: string) => ({
    kind,
    dueOn,
    dueAt: null,
    phrase,
    startOn: null,
    recurrence: kind === "recurring" ? ("weekly" as const) : null,
    target: null,
  });
  await createNotice(
    t.prisma,
    null,
    province.id,
    {
      sourceText: "thử",
      draft: {
        notice: {
          kind: "TB",
          number: "12/TB-UBND",
          issuer: "UBND tỉnh Lai Châu",
          place: "Lai Châu",
          issuedOn: "2021-09-15",
          issuedPrecision: "day",
          title: "Thông báo thử bảng việc",
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
            text: "Báo cáo hằng tuần số ca F0 điều trị tại nhà",
            urgent: false,
            deadline: deadline("recurring", null, "hằng tuần"),
            assignments: [{ agency: "Sở Y tế", role: "lead", viaGroup: null, isNew: false }],
          },
          {
            ref: "2",
            text: "Hoàn thành lắp đặt bồn oxy",
            urgent: false,
            deadline: deadline("exact", "2021-09-24", "chậm nhất ngày 24/9/2021"),
            assignments: [{ agency: "Sở Y tế", role: "lead", viaGroup: null, isNew: false }],
          },
          {
            ref: "3",
            text: "Tập huấn lực lượng dự bị",
            urgent: false,
            deadline: deadline("exact", "2021-09-29", "đến ngày 29/9/2021"),
            assignments: [
              { agency: "Sở Y tế", role: "support", viaGroup: null, isNew: false },
              { agency: "Công an tỉnh", role: "lead", viaGroup: null, isNew: false },
            ],
          },
        ],
      },
    },
    { status: "published", createNewAgencies: false },
  );
});
afterAll(async () => t?.drop());

describe("an agency's board", () => {
  it("finds tasks by words typed without diacritics", async () => {
    const b = await agencyBoard(t.prisma, staff, healthId, { q: "lap dat bon oxy" }, TODAY);
    expect(b.items.map((i) => i.directive.text)).toEqual(["Hoàn thành lắp đặt bồn oxy"]);
    expect(b.total).toBeGreaterThan(3);
    expect(b).toMatchObject({ matched: 1, truncated: false });
    expect(b.notices.length).toBe(b.noticeTotal); // a small board lists every notice
  });

  it("narrows by due window, role and notice, counting each column under the other filters", async () => {
    const week = await agencyBoard(t.prisma, staff, healthId, { due: "week" }, TODAY);
    expect(week.items.map((i) => i.directive.ref)).toEqual(["2"]);
    expect(week).toMatchObject({ matched: 1, truncated: false });
    const month = await agencyBoard(t.prisma, staff, healthId, { due: "month" }, TODAY);
    expect(month.items.map((i) => i.directive.ref).sort()).toEqual(["2", "3"]);
    const support = await agencyBoard(t.prisma, staff, healthId, { role: "support", due: "month" }, TODAY);
    expect(support.items.map((i) => i.otherAgencies)).toEqual([[{ shortName: expect.any(String), role: "lead" }]]);
    const done = await agencyBoard(t.prisma, staff, healthId, { state: "completed", due: "month" }, TODAY);
    expect(done.items).toEqual([]);
    expect(done.counts).toEqual({ not_started: 2, in_progress: 0, submitted: 0, completed: 0 });
  });

  it("asks a recurring directive for this period's report until it is given", async () => {
    const before = await agencyBoard(t.prisma, staff, healthId, { q: "hang tuan" }, TODAY);
    const weekly = before.items[0]!;
    expect(weekly.periodicReportMissing).toBe(true);
    const row = await t.prisma.assignment.findUniqueOrThrow({ where: { id: weekly.id }, select: { version: true } });
    await reportProgress(
      t.prisma,
      staff,
      { assignmentId: weekly.id, version: row.version, text: "Tuần này 12 ca F0 điều trị tại nhà." },
      clock,
    );
    const after = await agencyBoard(t.prisma, staff, healthId, { q: "hang tuan" }, TODAY);
    expect(after.items[0]).toMatchObject({ state: "in_progress", periodicReportMissing: false });
  });
});

describe("the board's search after a change", () => {
  let sec: SessionUser;
  // The stored search words are what the app's fold makes of the directive's and its notice's words.
  const storedMatchesFold = async (id: number) => {
    const stored = await t.prisma.directive.findUniqueOrThrow({
      where: { id },
      select: {
        searchText: true,
        text: true,
        ref: true,
        deadlinePhrase: true,
        notice: { select: { number: true, title: true } },
      },
    });
    expect(stored.searchText).toBe(directiveSearchText(stored, stored.notice));
  };
  // The directives of one agency's board (read by the secretariat, who may open every board) found by `q`.
  const found = async (q: string, agencyId = healthId) =>
    (await agencyBoard(t.prisma, sec, agencyId, { view: "list", q }, TODAY)).items.map((i) => i.directive.id);

  it("finds an edited directive by its new words and its notice's new number, not by the old ones, and by an agency added to it", async () => {
    const province = await t.prisma.province.findUniqueOrThrow({ where: { name: "Lai Châu" } });
    const secUser = await t.prisma.user.findFirstOrThrow({ where: { provinceId: province.id, role: "secretariat" } });
    sec = (await loadSessionUser(t.prisma, secUser.id))!;
    const noticeId = await createNotice(
      t.prisma,
      null,
      province.id,
      {
        sourceText: "thử",
        draft: {
          notice: {
            kind: "TB",
            number: "4321/TB-UBND",
            issuer: "UBND tỉnh Lai Châu",
            place: "Lai Châu",
            issuedOn: "2021-09-16",
            issuedPrecision: "day",
            title: "Thông báo thử tìm kiếm",
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
              text: "Rà soát danh sách người cách ly tập trung",
              urgent: false,
              deadline: {
                kind: "none",
                dueOn: null,
                dueAt: null,
                phrase: "",
                startOn: null,
                recurrence: null,
                target: null,
              },
              assignments: [{ agency: "Sở Y tế", role: "lead", viaGroup: null, isNew: false }],
            },
          ],
        },
      },
      { status: "published", createNewAgencies: false },
    );
    const directive = await t.prisma.directive.findFirstOrThrow({
      where: { noticeId },
      select: { id: true, version: true, text: true },
    });
    await storedMatchesFold(directive.id);
    expect(await found("ra soat cach ly tap trung")).toEqual([directive.id]);
    expect(await found("4321/tb")).toEqual([directive.id]);
    expect(await found("phun khu khuan")).toEqual([]);

    // The secretariat rewrites it after publication: found by the new words only.
    await updateDirective(t.prisma, sec, {
      directiveId: directive.id,
      version: directive.version,
      ref: "1",
      text: "Phun khử khuẩn khu cách ly",
      urgent: false,
      deadline: { kind: "none", dueOn: null, dueAt: null, phrase: "", startOn: null, recurrence: null, target: null },
    });
    await storedMatchesFold(directive.id); // folded in SQL by the trigger
    expect(await found("phun khu khuan")).toEqual([directive.id]);
    expect(await found("ra soat danh sach")).not.toContain(directive.id);

    // The notice's number changes: its directives are found by the new one.
    await t.prisma.notice.update({ where: { id: noticeId }, data: { number: "4399/TB-UBND" } });
    await storedMatchesFold(directive.id);
    expect(await found("4399/tb")).toEqual([directive.id]);
    expect(await found("4321/tb")).not.toContain(directive.id);

    // An agency is added to the directive: Sở Y tế's board finds the task by that agency's short name,
    // the added agency's own board does not find it by its own name.
    const words = searchFold("Phun khử khuẩn khu cách ly 1 4399/TB-UBND Thông báo thử tìm kiếm");
    const agencies = await t.prisma.agency.findMany({
      where: { provinceId: province.id, active: true, id: { not: healthId } },
      select: { id: true, name: true, shortName: true },
      orderBy: { id: "asc" },
    });
    const other = agencies.find((g) => g.shortName.length >= 3 && !words.includes(searchFold(g.shortName)))!;
    const before = await found(other.shortName);
    expect(before).not.toContain(directive.id);
    const fresh = await t.prisma.directive.findUniqueOrThrow({
      where: { id: directive.id },
      select: { version: true },
    });
    await addDirectiveAgencies(t.prisma, sec, {
      directiveId: directive.id,
      version: fresh.version,
      agencies: [other.name],
      role: "support",
    });
    expect(await found(other.shortName)).toContain(directive.id);
    expect(await found(`${other.shortName.toLowerCase()} phun`)).toEqual([directive.id]);
    expect(await found(other.shortName, other.id)).not.toContain(directive.id);
    expect(await found("phun khu khuan", other.id)).toEqual([directive.id]);
  });
});

describe("a directive's page", () => {
  it("lists every agency's assignment with its state, for whoever may read the notice", async () => {
    const { getDirectiveDetail } = await import("@/lib/notices/directive");
    const directive = await t.prisma.directive.findFirstOrThrow({ where: { text: "Tập huấn lực lượng dự bị" } });
    const d = await getDirectiveDetail(t.prisma, staff, directive.id, TODAY);
    expect(d.assignments.map((a) => [a.agency.name, a.role, a.canOpen])).toEqual([
      ["Công an tỉnh", "lead", false],
      ["Sở Y tế", "support", true],
    ]);
    const other = await t.prisma.user.findUniqueOrThrow({ where: { username: "longan.chutich" } });
    await expect(
      getDirectiveDetail(t.prisma, (await loadSessionUser(t.prisma, other.id))!, directive.id, TODAY),
    ).rejects.toThrow(/không tồn tại/);
  });
});
