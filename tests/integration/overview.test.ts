import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { ForbiddenError } from "@/lib/errors";
import {
  confirmCompletion,
  decideExtension,
  requestExtension,
  submitCompletion,
  type Clock,
} from "@/lib/assignments/workflow";
import { createNotice } from "@/lib/notices/create";
import { overview } from "@/lib/reports/overview";
import { agencyTable, noticeProgress, noticeProgressPage } from "@/lib/reports/running-totals";
import { listTasks, overdueSummary } from "@/lib/reports/task-lists";
import { weeklySeries } from "@/lib/reports/weekly-series";
import type { AgencyRow } from "@/lib/reports/types";
import { overviewDocument, overviewTableIndex } from "@/lib/reports/documents";
import { documentBytes } from "@/lib/exports/respond";
import { seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

// The overview's figures against counts made by hand from prisma/seed/data/documents/*.ts and
// prisma/seed/data/registries.ts. After the seed every assignment is "not_started" and its dueOn
// is its directive's dueOn, so on a fixed day a task is overdue exactly when its directive's date
// is before that day.
//
// Group sizes (registries.ts, buildRegistry):
//   Long An "UBND các huyện, thị xã, thành phố" = 15 districts (TP Tân An, TX Kiến Tường and 13 huyện);
//   "Các sở, ban, ngành" = 12 departments (11 sở/văn phòng + BQL Khu kinh tế) + Công an, BCH Quân sự,
//   BĐBP = 15; "Thành viên Ban Chỉ đạo tỉnh" = those 15 + MTTQ, LĐLĐ, Tỉnh đoàn, Hội LHPN + Báo and
//   Đài Long An = 21. Lai Châu "UBND các huyện, thành phố" = TP Lai Châu + 7 huyện = 8.
//
// Long An, notice 875/TB-VPUBND (002): the only directive with a date is II.3.2, "phấn đấu đến ngày
// 15/6/2021 đạt 50% kế hoạch": lead BQL KKT, Sở LĐTBXH, Sở Công Thương, Sở KH&ĐT + 15 districts,
// support Sở Y tế, Công an tỉnh, LĐLĐ tỉnh, CDC → 4 + 15 + 4 = 23 assignments due 2021-06-15.
// All of Long An's assignments, directive by directive:
//   II.1, II.1.1, II.1.2, II.8.2: sở-ban-ngành + districts = 30 each → 120
//   II.2.1: 3 · II.2.2: 8 · II.2.3: 3 + 4 = 7 · II.3.1: 4 + 15 + 3 = 22 · II.3.2: 23
//   II.4.1, II.4.2, II.4.3: 15 each → 45 · II.5.1–II.5.4: 1 each → 4 · II.5.5: 2 · II.6: 2
//   II.7: 4 + 15 = 19 · II.8, II.8.3: 21 each → 42 · II.8.1: 1
//   120 + 3 + 8 + 7 + 22 + 23 + 45 + 4 + 2 + 2 + 19 + 42 + 1 = 298.
// Per agency (Long An):
//   Sở Y tế: II.1, II.1.1, II.1.2, II.8.2 (sở-ban-ngành) 4 + II.2.2 1 + II.2.3, II.3.1, II.3.2 (support) 3
//     + II.5.1–II.5.5 5 + II.8, II.8.3 (members) 2 + II.8.1 1 = 16; dated: II.3.2 only.
//   Công an tỉnh: 4 (sở-ban-ngành) + II.2.2 + II.2.3 + II.3.1 + II.3.2 + II.6 + 2 (members) = 11.
//   Sở Công Thương: 4 + II.2.2 + II.3.1 + II.3.2 + 2 (members) = 9.
//   UBND huyện Cần Giuộc: II.1, II.1.1, II.1.2, II.8.2 4 + II.2.1, II.2.3 (case districts) 2 + II.3.1, II.3.2 2
//     + II.4.1–II.4.3 3 + II.7 1 = 12.
// Lạng Sơn, notice of the 06/9/2021 meeting (000, no issue date: its period date is the meeting day):
//   2.3 Sở Y tế "trước ngày 15/9/2021" → due 2021-09-14; 3.1.1 UBND huyện Văn Lãng "đến hết ngày
//   15/9/2021" → 2021-09-15; 5 MTTQ tỉnh "để ngày 10/9/2021…" → 2021-09-10. Nothing else of 000 has a date.
//   Its Công văn (004, "tháng 01 năm 2022") has dates in 2022 only.
// Lai Châu (001): items 1 (8 districts) and 10 (Công an, BĐBP + 8 districts = 10) are due 2021-09-05
//   (the 2/9 holiday ends on the Sunday): 18 assignments.

let t: TestDatabase;
const users: Record<string, SessionUser> = {};

async function userNamed(username: string): Promise<SessionUser> {
  const row = await t.prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  return (await loadSessionUser(t.prisma, row.id))!;
}

const clockAt = (day: string): Clock => ({ today: () => day, now: () => new Date(`${day}T03:00:00Z`) });

async function assignmentOf(province: string, agency: string, ref: string) {
  return t.prisma.assignment.findFirstOrThrow({
    where: { agency: { name: agency, province: { name: province } }, directive: { ref } },
    select: { id: true, version: true },
  });
}

function rowOf(rows: AgencyRow[], name: string): AgencyRow {
  const row = rows.find((r) => r.agency.name === name);
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

const counts = (r: AgencyRow) => ({
  assigned: r.assigned,
  completedOnTime: r.completedOnTime,
  completedLate: r.completedLate,
  onTrack: r.onTrack,
  overdue: r.overdue,
  noDeadline: r.noDeadline,
  onTimeRate: r.onTimeRate,
});

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
  for (const u of [
    "longan.chutich",
    "longan.vanphong",
    "longan.syt",
    "longan.congan",
    "longan.huyen",
    "langson.chutich",
    "laichau.chutich",
    "quantri",
  ]) {
    users[u] = await userNamed(u);
  }
});

afterAll(async () => {
  await t?.drop();
});

describe("overview on the seed data, counted by hand", () => {
  it("Long An on 2021-06-20: the 23 assignments of II.3.2 are 5 days overdue", async () => {
    const u = users["longan.chutich"]!;
    expect(await overdueSummary(t.prisma, u, "2021-06-20", {})).toEqual({
      total: 23,
      buckets: { d1_7: 23, d8_30: 0, d31_90: 0, d90_plus: 0 },
    });
    const page = await listTasks(t.prisma, u, "2021-06-20", { category: "overdue", page: 1, pageSize: 10 });
    expect(page.total).toBe(23);
    expect(page.rows).toHaveLength(10);
    for (const r of page.rows) {
      expect(r).toMatchObject({
        dueOn: "2021-06-15",
        originalDueOn: "2021-06-15",
        daysOverdue: 5,
        state: "not_started",
      });
      expect(r.directive.ref).toBe("II.3.2");
      expect(r.directive.deadlinePhrase).toBe("phấn đấu đến ngày 15/6/2021 đạt 50% kế hoạch đề ra");
      expect(r.notice.number).toBe("875/TB-VPUBND");
    }
    const last = await listTasks(t.prisma, u, "2021-06-20", { category: "overdue", page: 3, pageSize: 10 });
    expect(last.rows).toHaveLength(3); // 23 = 10 + 10 + 3
    // Nothing falls due in the next 7 days; all of it did a week before.
    expect((await listTasks(t.prisma, u, "2021-06-20", { category: "due_soon", page: 1, pageSize: 50 })).total).toBe(0);
    expect((await listTasks(t.prisma, u, "2021-06-10", { category: "due_soon", page: 1, pageSize: 50 })).total).toBe(
      23,
    );
    expect((await listTasks(t.prisma, u, "2021-06-08", { category: "due_soon", page: 1, pageSize: 50 })).total).toBe(
      23,
    ); // 06-15 = 06-08 + 7
    expect((await listTasks(t.prisma, u, "2021-06-07", { category: "due_soon", page: 1, pageSize: 50 })).total).toBe(0);
    // 298 − 23 = 275 with no deadline.
    expect((await listTasks(t.prisma, u, "2021-06-20", { category: "assigned", page: 1, pageSize: 1 })).total).toBe(
      298,
    );
    expect((await listTasks(t.prisma, u, "2021-06-20", { category: "no_deadline", page: 1, pageSize: 1 })).total).toBe(
      275,
    );
  });

  it("moves the 23 through the buckets as the days pass", async () => {
    const u = users["longan.chutich"]!;
    const at = async (day: string) => (await overdueSummary(t.prisma, u, day, {})).buckets;
    expect(await at("2021-06-15")).toEqual({ d1_7: 0, d8_30: 0, d31_90: 0, d90_plus: 0 }); // due day itself: not overdue
    expect(await at("2021-06-16")).toEqual({ d1_7: 23, d8_30: 0, d31_90: 0, d90_plus: 0 }); // 1 day
    expect(await at("2021-06-22")).toEqual({ d1_7: 23, d8_30: 0, d31_90: 0, d90_plus: 0 }); // 7 days
    expect(await at("2021-06-23")).toEqual({ d1_7: 0, d8_30: 23, d31_90: 0, d90_plus: 0 }); // 8 days
    expect(await at("2021-07-15")).toEqual({ d1_7: 0, d8_30: 23, d31_90: 0, d90_plus: 0 }); // 30 days
    expect(await at("2021-07-16")).toEqual({ d1_7: 0, d8_30: 0, d31_90: 23, d90_plus: 0 }); // 31 days
    expect(await at("2021-09-13")).toEqual({ d1_7: 0, d8_30: 0, d31_90: 23, d90_plus: 0 }); // 90 days
    expect(await at("2021-09-14")).toEqual({ d1_7: 0, d8_30: 0, d31_90: 0, d90_plus: 23 }); // 91 days
    const list = await listTasks(t.prisma, u, "2021-09-14", {
      category: "overdue",
      bucket: "d90_plus",
      page: 1,
      pageSize: 5,
    });
    expect(list.total).toBe(23);
    expect(list.rows[0]!.daysOverdue).toBe(91);
    expect(
      (await listTasks(t.prisma, u, "2021-09-14", { category: "overdue", bucket: "d31_90", page: 1, pageSize: 5 }))
        .total,
    ).toBe(0);
  });

  it("Long An per agency on 2021-06-20", async () => {
    const rows = await agencyTable(t.prisma, users["longan.chutich"]!, "2021-06-20", {});
    // Every Long An agency with a task: 15 sở-ban-ngành + 15 districts + MTTQ, LĐLĐ, Tỉnh đoàn, Hội LHPN,
    // Báo, Đài (members) + CDC (II.2.2) = 37.
    expect(rows).toHaveLength(37);
    expect(rows.reduce((s, r) => s + r.assigned, 0)).toBe(298);
    expect(rows.reduce((s, r) => s + r.overdue, 0)).toBe(23);
    expect(counts(rowOf(rows, "Sở Y tế"))).toEqual({
      assigned: 16,
      completedOnTime: 0,
      completedLate: 0,
      onTrack: 0,
      overdue: 1,
      noDeadline: 15,
      onTimeRate: 0,
    });
    expect(counts(rowOf(rows, "Công an tỉnh"))).toEqual({
      assigned: 11,
      completedOnTime: 0,
      completedLate: 0,
      onTrack: 0,
      overdue: 1,
      noDeadline: 10,
      onTimeRate: 0,
    });
    expect(counts(rowOf(rows, "Sở Công Thương"))).toEqual({
      assigned: 9,
      completedOnTime: 0,
      completedLate: 0,
      onTrack: 0,
      overdue: 1,
      noDeadline: 8,
      onTimeRate: 0,
    });
    expect(counts(rowOf(rows, "UBND huyện Cần Giuộc"))).toEqual({
      assigned: 12,
      completedOnTime: 0,
      completedLate: 0,
      onTrack: 0,
      overdue: 1,
      noDeadline: 11,
      onTimeRate: 0,
    });
    // Sở Tài chính has only II.1, II.1.1, II.1.2, II.8.2, II.5.5, II.8, II.8.3: no date, nothing to judge.
    expect(counts(rowOf(rows, "Sở Tài chính"))).toEqual({
      assigned: 7,
      completedOnTime: 0,
      completedLate: 0,
      onTrack: 0,
      overdue: 0,
      noDeadline: 7,
      onTimeRate: null,
    });
    // Sorted server-side: by assigned, most first (Sở Y tế's 16 lead).
    const byAssigned = await agencyTable(
      t.prisma,
      users["longan.chutich"]!,
      "2021-06-20",
      {},
      { sort: "assigned", dir: "desc" },
    );
    expect(byAssigned[0]!.agency.name).toBe("Sở Y tế");
    const byName = await agencyTable(
      t.prisma,
      users["longan.chutich"]!,
      "2021-06-20",
      {},
      { sort: "name", dir: "asc" },
    );
    expect(byName.map((r) => r.agency.name)).toEqual(
      [...byName.map((r) => r.agency.name)].sort((a, b) => a.localeCompare(b, "vi")),
    );
    // Every number of a row is the total of the list behind it.
    const syt = rowOf(rows, "Sở Y tế").agency.id;
    expect(
      (
        await listTasks(t.prisma, users["longan.chutich"]!, "2021-06-20", {
          category: "no_deadline",
          agencyId: syt,
          page: 1,
          pageSize: 50,
        })
      ).total,
    ).toBe(15);
    expect(
      (
        await listTasks(t.prisma, users["longan.chutich"]!, "2021-06-20", {
          category: "assigned",
          agencyId: syt,
          page: 1,
          pageSize: 50,
        })
      ).total,
    ).toBe(16);
  });

  it("Lạng Sơn on 2021-09-20: three overdue, the longest first, with the notice's own words", async () => {
    const u = users["langson.chutich"]!;
    expect(await overdueSummary(t.prisma, u, "2021-09-20", {})).toEqual({
      total: 3,
      buckets: { d1_7: 2, d8_30: 1, d31_90: 0, d90_plus: 0 },
    });
    const list = await listTasks(t.prisma, u, "2021-09-20", { category: "overdue", page: 1, pageSize: 10 });
    expect(list.rows.map((r) => [r.agency.name, r.daysOverdue, r.dueOn, r.directive.deadlinePhrase])).toEqual([
      ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", 10, "2021-09-10", "để ngày 10/9/2021 chuyển quà cho thành phố Hà Nội"],
      ["Sở Y tế", 6, "2021-09-14", "trước ngày 15/9/2021"],
      ["UBND huyện Văn Lãng", 5, "2021-09-15", "đến hết ngày 15/9/2021"],
    ]);
    expect(list.rows[0]!.notice).toMatchObject({ issuedOn: null, issuedPrecision: "unknown", meetingOn: "2021-09-06" });
    // Due within 7 days of 2021-09-08 (09-08 … 09-15): all three.
    expect((await listTasks(t.prisma, u, "2021-09-08", { category: "due_soon", page: 1, pageSize: 10 })).total).toBe(3);
    // On 2021-09-20 the Công văn's 2022 dates are "in progress within the deadline".
    const notices = await noticeProgress(t.prisma, u, "2021-09-20", {});
    expect(notices).toHaveLength(2);
    expect(notices[0]!.notice.issuedOn).toBe("2022-01-01"); // the newest first
    expect(notices[1]!).toMatchObject({ completed: 0, overdue: 3 });
    expect(await noticeProgress(t.prisma, u, "2021-09-20", {}, { limit: 1 })).toEqual([notices[0]]);
    // The overview's screen: the most overdue first, a limited number, and how many there are in all.
    expect(await noticeProgressPage(t.prisma, u, "2021-09-20", {}, { limit: 1, order: "attention" })).toEqual({
      rows: [notices[1]],
      total: 2,
    });
    // Filters: the period of the meeting keeps notice 000 only; the Công văn alone has nothing overdue.
    const cvId = notices[0]!.notice.id;
    expect((await overdueSummary(t.prisma, u, "2021-09-20", { from: "2021-09-01", to: "2021-12-31" })).total).toBe(3);
    expect(
      (await noticeProgress(t.prisma, u, "2021-09-20", { from: "2021-09-01", to: "2021-12-31" })).map(
        (n) => n.notice.meetingOn,
      ),
    ).toEqual(["2021-09-06"]);
    expect((await overdueSummary(t.prisma, u, "2021-09-20", { noticeId: cvId })).total).toBe(0);
    expect((await overdueSummary(t.prisma, u, "2021-09-20", { from: "2021-10-01" })).total).toBe(0);
    // Weeks: 09-10 is in the week of Monday 09-06 (1 newly overdue), 09-14 and 09-15 in the week of 09-13 (2).
    const weeks = await weeklySeries(t.prisma, u, "2021-09-20", {}, 4);
    expect(weeks).toEqual([
      { weekStart: "2021-08-30", completed: 0, newlyOverdue: 0 },
      { weekStart: "2021-09-06", completed: 0, newlyOverdue: 1 },
      { weekStart: "2021-09-13", completed: 0, newlyOverdue: 2 },
      { weekStart: "2021-09-20", completed: 0, newlyOverdue: 0 },
    ]);
  });

  it("Lai Châu on 2021-09-20: the 18 tasks of the 2/9 holiday are 15 days overdue", async () => {
    const s = await overdueSummary(t.prisma, users["laichau.chutich"]!, "2021-09-20", {});
    expect(s).toEqual({ total: 18, buckets: { d1_7: 0, d8_30: 18, d31_90: 0, d90_plus: 0 } });
  });

  it("the whole overview in one call agrees with the parts", async () => {
    const o = await overview(t.prisma, users["longan.chutich"]!, "2021-06-20", {}, 5);
    expect(o.summary.total).toBe(23);
    expect(o.overdue.total).toBe(23);
    expect(o.overdue.rows).toHaveLength(5);
    expect(o.dueSoon.total).toBe(0);
    expect(o.notices).toEqual([expect.objectContaining({ assigned: 298, completed: 0, overdue: 23 })]);
    expect(o.weeks).toHaveLength(12);
    expect(o.weeks.at(-1)!.weekStart).toBe("2021-06-14"); // 2021-06-20 is a Sunday
    expect(o.weeks.at(-1)!.newlyOverdue).toBe(23);
  });
});

describe("the categories move with the workflow (Long An, today 2021-06-20)", () => {
  const today = "2021-06-20";
  const clock = clockAt(today);

  it("completed on time, completed late, and an approved extension", async () => {
    const chair = users["longan.chutich"]!;
    // Sở Y tế finishes II.3.2 on 14/6 (before its 15/6 date), Công an on 18/6 (late); the secretariat confirms.
    const syt = await assignmentOf("Long An", "Sở Y tế", "II.3.2");
    const s1 = await submitCompletion(
      t.prisma,
      users["longan.syt"]!,
      { assignmentId: syt.id, version: syt.version, completedOn: "2021-06-14", text: "Đã xét nghiệm 50% kế hoạch." },
      clock,
    );
    await confirmCompletion(
      t.prisma,
      users["longan.vanphong"]!,
      { assignmentId: syt.id, version: s1.assignment.version },
      clock,
    );
    const ca = await assignmentOf("Long An", "Công an tỉnh", "II.3.2");
    const s2 = await submitCompletion(
      t.prisma,
      users["longan.congan"]!,
      { assignmentId: ca.id, version: ca.version, completedOn: "2021-06-18", text: "Đã hoàn thành." },
      clock,
    );
    await confirmCompletion(
      t.prisma,
      users["longan.vanphong"]!,
      { assignmentId: ca.id, version: s2.assignment.version },
      clock,
    );
    // UBND TP Tân An asks until 30/6; the chairman approves.
    const ta = await assignmentOf("Long An", "UBND thành phố Tân An", "II.3.2");
    const ext = await requestExtension(
      t.prisma,
      users["longan.huyen"]!,
      { assignmentId: ta.id, version: ta.version, requestedDueOn: "2021-06-30", reason: "Chờ kit test." },
      clock,
    );
    await decideExtension(
      t.prisma,
      chair,
      { extensionId: ext.extensionId, version: ext.assignment.version, decision: "approve" },
      clock,
    );

    // 23 − 3 overdue.
    expect(await overdueSummary(t.prisma, chair, today, {})).toEqual({
      total: 20,
      buckets: { d1_7: 20, d8_30: 0, d31_90: 0, d90_plus: 0 },
    });
    const rows = await agencyTable(t.prisma, chair, today, {});
    expect(counts(rowOf(rows, "Sở Y tế"))).toEqual({
      assigned: 16,
      completedOnTime: 1,
      completedLate: 0,
      onTrack: 0,
      overdue: 0,
      noDeadline: 15,
      onTimeRate: 1,
    });
    expect(counts(rowOf(rows, "Công an tỉnh"))).toEqual({
      assigned: 11,
      completedOnTime: 0,
      completedLate: 1,
      onTrack: 0,
      overdue: 0,
      noDeadline: 10,
      onTimeRate: 0,
    });
    expect(counts(rowOf(rows, "UBND thành phố Tân An"))).toMatchObject({ onTrack: 1, overdue: 0, onTimeRate: null });

    const onTime = await listTasks(t.prisma, chair, today, { category: "completed_on_time", page: 1, pageSize: 10 });
    expect(onTime.rows.map((r) => [r.agency.name, r.completedOn])).toEqual([["Sở Y tế", "2021-06-14"]]);
    const late = await listTasks(t.prisma, chair, today, { category: "completed_late", page: 1, pageSize: 10 });
    expect(late.rows.map((r) => [r.agency.name, r.completedOn, r.daysOverdue])).toEqual([
      ["Công an tỉnh", "2021-06-18", null],
    ]);
    // The extension: the new date governs, the notice's date is kept beside it.
    const onTrack = await listTasks(t.prisma, chair, today, { category: "on_track", page: 1, pageSize: 10 });
    expect(onTrack.rows.map((r) => [r.agency.name, r.dueOn, r.originalDueOn])).toEqual([
      ["UBND thành phố Tân An", "2021-06-30", "2021-06-15"],
    ]);
    expect(
      (await listTasks(t.prisma, chair, "2021-06-25", { category: "due_soon", page: 1, pageSize: 10 })).total,
    ).toBe(1);

    // Week of 14/6: two completions (14/6, 18/6); 21 became overdue on 16/6 (23 − Sở Y tế on time − Tân An extended;
    // Công an, completed after its date, did become overdue).
    const weeks = await weeklySeries(t.prisma, chair, today, {}, 2);
    expect(weeks).toEqual([
      { weekStart: "2021-06-07", completed: 0, newlyOverdue: 0 },
      { weekStart: "2021-06-14", completed: 2, newlyOverdue: 21 },
    ]);
    const notice = (await noticeProgress(t.prisma, chair, today, {}))[0]!;
    expect(notice).toMatchObject({ assigned: 298, completed: 2, overdue: 20 });
  });
});

describe("who sees the overview", () => {
  it("refuses agency staff", async () => {
    const staff = users["longan.syt"]!;
    await expect(overdueSummary(t.prisma, staff, "2021-06-20", {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      listTasks(t.prisma, staff, "2021-06-20", { category: "overdue", page: 1, pageSize: 10 }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(agencyTable(t.prisma, staff, "2021-06-20", {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(noticeProgress(t.prisma, staff, "2021-06-20", {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(weeklySeries(t.prisma, staff, "2021-06-20", {})).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("shows another province nothing of this one, even asked for its notice or agency", async () => {
    const other = users["langson.chutich"]!;
    const longAnNotice = await t.prisma.notice.findFirstOrThrow({
      where: { number: "875/TB-VPUBND" },
      select: { id: true },
    });
    const longAnSyt = await t.prisma.agency.findFirstOrThrow({
      where: { name: "Sở Y tế", province: { name: "Long An" } },
      select: { id: true },
    });
    expect(await overdueSummary(t.prisma, other, "2021-06-20", { noticeId: longAnNotice.id })).toEqual({
      total: 0,
      buckets: { d1_7: 0, d8_30: 0, d31_90: 0, d90_plus: 0 },
    });
    expect(
      (
        await listTasks(t.prisma, other, "2021-06-20", {
          category: "assigned",
          agencyId: longAnSyt.id,
          page: 1,
          pageSize: 10,
        })
      ).total,
    ).toBe(0);
    expect(await noticeProgress(t.prisma, other, "2021-06-20", { noticeId: longAnNotice.id })).toEqual([]);
    const names = (await agencyTable(t.prisma, other, "2021-06-20", {})).map((r) => r.agency.id);
    expect(names).not.toContain(longAnSyt.id);
    const all = await listTasks(t.prisma, other, "2021-06-20", { category: "assigned", page: 1, pageSize: 500 });
    expect(all.rows.every((r) => r.notice.id !== longAnNotice.id)).toBe(true);
  });

  it("gives a system administrator with no province nothing", async () => {
    const admin = users["quantri"]!;
    expect((await overdueSummary(t.prisma, admin, "2021-06-20", {})).total).toBe(0);
    expect(
      (await listTasks(t.prisma, admin, "2021-06-20", { category: "assigned", page: 1, pageSize: 10 })).total,
    ).toBe(0);
    expect(await agencyTable(t.prisma, admin, "2021-06-20", {})).toEqual([]);
  });
});

describe("draft notices count nowhere", () => {
  it("adds nothing to the per-agency and per-notice figures until published", async () => {
    const chair = users["laichau.chutich"]!;
    const before = [
      await agencyTable(t.prisma, chair, "2021-09-20", {}),
      await noticeProgressPage(t.prisma, chair, "2021-09-20", {}, { limit: 5, order: "attention" }),
    ];
    await createNotice(
      t.prisma,
      null,
      chair.provinceId!,
      {
        sourceText: "nháp",
        draft: {
          notice: {
            kind: "TB",
            number: "99/TB-UBND",
            issuer: "UBND tỉnh Lai Châu",
            place: "Lai Châu",
            issuedOn: "2021-09-01",
            issuedPrecision: "day",
            title: "Thông báo nháp",
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
              text: "Việc của bản nháp",
              urgent: false,
              deadline: {
                kind: "exact",
                dueOn: "2021-09-05",
                dueAt: null,
                phrase: "trước ngày 05/9/2021",
                startOn: null,
                recurrence: null,
                target: null,
              },
              assignments: [{ agency: "Sở Y tế", role: "lead", viaGroup: null, isNew: false }],
            },
          ],
        },
      },
      { status: "draft", createNewAgencies: false },
    );
    expect([
      await agencyTable(t.prisma, chair, "2021-09-20", {}),
      await noticeProgressPage(t.prisma, chair, "2021-09-20", {}, { limit: 5, order: "attention" }),
    ]).toEqual(before);
  });
});

describe("the overview's CSV files, one table each", () => {
  it("gives the table the address names, with the rows of the screen's figures", async () => {
    const chair = users["langson.chutich"]!;
    const doc = await overviewDocument(t.prisma, chair, "2021-09-20", {});
    const agencies = await agencyTable(t.prisma, chair, "2021-09-20", {}, { sort: "overdue", dir: "desc" });
    const linesOf = async (table: string | null) =>
      (await documentBytes(doc, "csv", overviewTableIndex(table)!)).toString("utf8").slice(1).trimEnd().split("\r\n");

    const overdue = await linesOf(null);
    expect(overdue).toEqual(await linesOf("qua-han"));
    expect(overdue).toHaveLength(1 + 3); // header + Lạng Sơn's three overdue tasks on 20/09/2021
    const byAgency = await linesOf("co-quan");
    expect(byAgency).toHaveLength(1 + agencies.length);
    expect(byAgency[0]).toMatch(/^STT,"Cơ quan, đơn vị",Được giao,/);
    expect(byAgency[1]).toContain(agencies[0]!.agency.name);
    expect((await linesOf("theo-tuan")).length).toBe(1 + 12);
    expect(overviewTableIndex("khong-co")).toBeNull();
  });
});
