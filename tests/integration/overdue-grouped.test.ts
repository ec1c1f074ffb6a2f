import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { judge } from "@/lib/assignments/timeliness";
import { decideExtension, reportProgress, requestExtension, type Clock } from "@/lib/assignments/workflow";
import { createNotice } from "@/lib/notices/create";
import type { Deadline } from "@/lib/notices/draft";
import { reportPdf } from "@/lib/exports/pdf";
import { documentBytes } from "@/lib/exports/respond";
import { listDocument, reportModel } from "@/lib/reports/documents";
import { agencyTable, noticeProgress } from "@/lib/reports/running-totals";
import { listDirectiveGroups, listTasks, overdueSummary } from "@/lib/reports/task-lists";
import { BUCKETS, parseListQuery } from "@/lib/reports/list-query";
import { periodDeadline, RECURRENCES } from "@/lib/deadlines/period";
import { periodDueSql } from "@/lib/reports/scope";
import { seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

// Issue 12: the overdue view grouped by directive, and recurring directives judged per period.
// Long An's notice 875 on 2021-06-20: its one dated directive, II.3.2, is overdue for 23 agencies
// (tests/integration/overview.test.ts counts them by hand).

let t: TestDatabase;
const users: Record<string, SessionUser> = {};
const clockAt = (day: string): Clock => ({ today: () => day, now: () => new Date(`${day}T03:00:00Z`) });

async function userNamed(username: string): Promise<SessionUser> {
  const row = await t.prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  return (await loadSessionUser(t.prisma, row.id))!;
}

async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  return { pages: totalPages, text: text.replace(/\s+/g, " ") };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
  for (const u of ["longan.chutich", "longan.huyen", "langson.chutich", "quangninh.chutich", "quangninh.syt"])
    users[u] = await userNamed(u);
});

afterAll(async () => {
  await t?.drop();
});

/** Every overdue task of the grouped list, page after page. */
async function allGroups(user: SessionUser, day: string, q: { bucket?: (typeof BUCKETS)[number] } = {}) {
  const groups = [];
  for (let page = 1; ; page++) {
    const p = await listDirectiveGroups(t.prisma, user, day, { category: "overdue", ...q, page, pageSize: 2 });
    groups.push(...p.rows);
    if (page * p.pageSize >= p.total) return { groups, total: p.total, tasks: p.tasks };
  }
}

async function perAgency(user: SessionUser, day: string, q: { bucket?: (typeof BUCKETS)[number] } = {}) {
  return (await listTasks(t.prisma, user, day, { category: "overdue", ...q, page: 1, pageSize: 500 })).rows;
}

describe("the overdue list grouped by directive", () => {
  it("lists II.3.2 of notice 875 once with its 23 agencies, and the figures equal the per-agency ones", async () => {
    const chair = users["longan.chutich"]!;
    const day = "2021-06-20";
    const grouped = await listDirectiveGroups(t.prisma, chair, day, { category: "overdue", page: 1, pageSize: 10 });
    expect(grouped.total).toBe(1);
    expect(grouped.tasks).toBe(23);
    const g = grouped.rows[0]!;
    expect(g.directive.ref).toBe("II.3.2");
    expect(g.tasks).toHaveLength(23);
    expect(new Set(g.tasks.map((x) => x.agency.name)).size).toBe(23);
    expect([g.maxDaysOverdue, g.minDaysOverdue, g.firstDueOn]).toEqual([5, 5, "2021-06-15"]);

    // The same tasks as the per-agency list, the summary and the per-agency table.
    const rows = await perAgency(chair, day);
    expect(g.tasks.map((x) => x.assignmentId).sort()).toEqual(rows.map((r) => r.assignmentId).sort());
    expect((await overdueSummary(t.prisma, chair, day)).total).toBe(grouped.tasks);
    const agencies = await agencyTable(t.prisma, chair, day);
    for (const a of agencies)
      expect(g.tasks.filter((x) => x.agency.id === a.agency.id).length, a.agency.name).toBe(a.overdue);

    // The row's per-agency detail: this directive's tasks, agency by agency.
    const detail = await listTasks(t.prisma, chair, day, {
      category: "overdue",
      directiveId: g.directive.id,
      page: 1,
      pageSize: 50,
    });
    expect(detail.total).toBe(23);
  });

  it("still equals the per-agency figures after an extension splits the days, bucket by bucket, in every province", async () => {
    const chair = users["longan.chutich"]!;
    // UBND TP Tân An asks for 17/6 and it is approved: 3 days overdue on 20/6, the other 22 five.
    const ta = await t.prisma.assignment.findFirstOrThrow({
      where: { agency: { name: "UBND thành phố Tân An" }, directive: { ref: "II.3.2" } },
      select: { id: true, version: true },
    });
    const clock = clockAt("2021-06-10");
    const ext = await requestExtension(
      t.prisma,
      users["longan.huyen"]!,
      { assignmentId: ta.id, version: ta.version, requestedDueOn: "2021-06-17", reason: "Chờ kit test." },
      clock,
    );
    await decideExtension(
      t.prisma,
      chair,
      { extensionId: ext.extensionId, version: ext.assignment.version, decision: "approve" },
      clock,
    );
    const g = (await listDirectiveGroups(t.prisma, chair, "2021-06-20", { category: "overdue", page: 1 })).rows[0]!;
    expect([g.tasks.length, g.maxDaysOverdue, g.minDaysOverdue]).toEqual([23, 5, 3]);
    expect(g.tasks.at(-1)!.agency.name).toBe("UBND thành phố Tân An"); // the most days overdue first

    for (const [who, day] of [
      ["longan.chutich", "2021-06-20"],
      ["longan.chutich", "2021-06-23"], // 22 in 8–30 days, Tân An in 1–7
      ["langson.chutich", "2021-09-20"],
    ] as const) {
      const u = users[who]!;
      const all = await allGroups(u, day);
      const rows = await perAgency(u, day);
      expect(all.tasks, `${who} ${day}`).toBe(rows.length);
      expect(all.groups.reduce((n, x) => n + x.tasks.length, 0)).toBe(rows.length);
      expect(all.total).toBe(new Set(rows.map((r) => r.directive.id)).size);
      const summary = await overdueSummary(t.prisma, u, day);
      expect(summary.total).toBe(all.tasks);
      for (const bucket of BUCKETS) {
        const b = await allGroups(u, day, { bucket });
        expect(b.tasks, `${who} ${day} ${bucket}`).toBe(summary.buckets[bucket]);
        expect(b.groups.flatMap((x) => x.tasks.map((y) => y.assignmentId)).sort()).toEqual(
          (await perAgency(u, day, { bucket })).map((r) => r.assignmentId).sort(),
        );
      }
      const notices = await noticeProgress(t.prisma, u, day);
      expect(notices.reduce((n, x) => n + x.overdue, 0)).toBe(all.tasks);
    }
    const split = await allGroups(chair, "2021-06-23", { bucket: "d1_7" });
    expect(split.groups.map((x) => x.tasks.map((y) => y.agency.name))).toEqual([["UBND thành phố Tân An"]]);
  });

  it("prints notice 875's report with the directive once, on few pages; the PDF list too, the spreadsheet a row per agency", async () => {
    const chair = users["longan.chutich"]!;
    const notice = await t.prisma.notice.findFirstOrThrow({ where: { number: "875/TB-VPUBND" }, select: { id: true } });
    const model = await reportModel(t.prisma, chair, "2021-06-20", { noticeId: notice.id });
    expect(model.summary.total).toBe(23);
    expect(model.overdueDirectives).toBe(1);
    expect(model.overdue.reduce((n, g) => n + g.tasks.length, 0)).toBe(model.summary.total);
    const { pages, text } = await pdfText(await reportPdf(model));
    expect(text.split("Đẩy nhanh việc tổ chức xét nghiệm ngẫu nhiên").length - 1).toBe(1);
    expect(text).toContain("23 cơ quan: ");
    expect(text).toContain("23 lượt nhiệm vụ quá hạn thuộc 1 nhiệm vụ");
    expect(pages).toBeLessThanOrEqual(3); // 10 pages when each of the 23 agencies repeated the text

    const q = parseListQuery({ category: "overdue", notice: String(notice.id) });
    const doc = await listDocument(t.prisma, chair, "2021-06-20", q);
    const pdf = await pdfText(await documentBytes(doc, "pdf"));
    expect(pdf.text.split("Đẩy nhanh việc tổ chức xét nghiệm ngẫu nhiên").length - 1).toBe(1);
    expect(pdf.text).toContain("23 lượt nhiệm vụ thuộc 1 nhiệm vụ");
    const csv = (await documentBytes(doc, "csv")).toString("utf8").trimEnd().split("\r\n");
    expect(csv).toHaveLength(1 + 23);
  });
});

// ───────────── recurring directives ─────────────

const WEEKLY: Deadline = {
  kind: "recurring",
  dueOn: "2021-06-04", // the first Friday after the issue day (Tuesday 01/6)
  dueAt: null,
  phrase: "báo cáo hằng tuần vào thứ Sáu",
  startOn: null,
  recurrence: "weekly",
  target: null,
};
const MONTHLY: Deadline = {
  ...WEEKLY,
  dueOn: "2021-06-30",
  phrase: "báo cáo định kỳ hằng tháng",
  recurrence: "monthly",
};

describe("a recurring directive is judged per period", () => {
  let weekly: { syt: number; ca: number };
  let monthlyId: number;

  beforeAll(async () => {
    const chair = users["quangninh.chutich"]!;
    const noticeId = await createNotice(
      t.prisma,
      null,
      chair.provinceId!,
      {
        sourceText: "Thông báo có báo cáo định kỳ",
        draft: {
          notice: {
            kind: "TB",
            number: "12/TB-BCĐ",
            issuer: "Ban Chỉ đạo tỉnh Quảng Ninh",
            place: "Quảng Ninh",
            issuedOn: "2021-06-01",
            issuedPrecision: "day",
            title: "Báo cáo định kỳ",
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
              text: "Báo cáo tình hình tiêm chủng hằng tuần vào thứ Sáu",
              urgent: false,
              deadline: WEEKLY,
              assignments: [
                { agency: "Sở Y tế", role: "lead", viaGroup: null, isNew: false },
                { agency: "Công an tỉnh", role: "lead", viaGroup: null, isNew: false },
              ],
            },
            {
              ref: "2",
              text: "Báo cáo kết quả định kỳ hằng tháng",
              urgent: false,
              deadline: MONTHLY,
              assignments: [{ agency: "Sở Y tế", role: "lead", viaGroup: null, isNew: false }],
            },
          ],
        },
      },
      { status: "published", createNewAgencies: false },
    );
    const of = async (ref: string, agency: string) =>
      (
        await t.prisma.assignment.findFirstOrThrow({
          where: { noticeId, directive: { ref }, agency: { name: agency } },
          select: { id: true },
        })
      ).id;
    weekly = { syt: await of("1", "Sở Y tế"), ca: await of("1", "Công an tỉnh") };
    monthlyId = await of("2", "Sở Y tế");
  });

  const overdueOf = async (day: string) =>
    (await listTasks(t.prisma, users["quangninh.chutich"]!, day, { category: "overdue", page: 1, pageSize: 50 })).rows;

  it("before its first due day it is due like any task", async () => {
    const soon = await listTasks(t.prisma, users["quangninh.chutich"]!, "2021-06-02", {
      category: "due_soon",
      page: 1,
      pageSize: 50,
    });
    expect(soon.rows.filter((r) => r.directive.ref === "1").map((r) => r.currentDueOn)).toEqual([
      "2021-06-04",
      "2021-06-04",
    ]);
    expect((await overdueOf("2021-06-05")).map((r) => [r.directive.ref, r.daysOverdue])).toEqual([
      ["1", 1],
      ["1", 1],
    ]);
  });

  it("months later the weekly report is due this Friday, not 94 days overdue", async () => {
    // Monday 06/9/2021: 94 days after the first Friday; this week's report is due Friday 10/9.
    const day = "2021-09-06";
    expect((await overdueOf(day)).filter((r) => r.directive.recurrence)).toEqual([]);
    const chair = users["quangninh.chutich"]!;
    const onTrack = await listTasks(t.prisma, chair, day, { category: "on_track", page: 1, pageSize: 50 });
    const mine = onTrack.rows.filter((r) => r.directive.ref === "1");
    expect(mine.map((r) => [r.dueOn, r.currentDueOn, r.timeliness, r.daysOverdue])).toEqual([
      ["2021-06-04", "2021-09-10", "on_track", null],
      ["2021-06-04", "2021-09-10", "on_track", null],
    ]);
    const soon = await listDirectiveGroups(t.prisma, chair, day, { category: "due_soon", page: 1 });
    expect(soon.rows.find((g) => g.directive.ref === "1")?.tasks).toHaveLength(2);
    // The monthly report is due at the month's end, 30/9.
    expect(onTrack.rows.find((r) => r.assignmentId === monthlyId)?.currentDueOn).toBe("2021-09-30");
  });

  it("a period's report sent makes it done; the agency that did not send it is late by days, not months", async () => {
    const staff = users["quangninh.syt"]!;
    const row = await t.prisma.assignment.findUniqueOrThrow({ where: { id: weekly.syt }, select: { version: true } });
    await reportProgress(
      t.prisma,
      staff,
      { assignmentId: weekly.syt, version: row.version, text: "Báo cáo tuần 06/9 – 12/9/2021." },
      clockAt("2021-09-08"),
    );
    // Saturday 11/9: Công an has not reported this week: 1 day late. Sở Y tế has.
    const late = (await overdueOf("2021-09-11")).filter((r) => r.directive.ref === "1");
    expect(late.map((r) => [r.agency.name, r.currentDueOn, r.daysOverdue])).toEqual([
      ["Công an tỉnh", "2021-09-10", 1],
    ]);
    const chair = users["quangninh.chutich"]!;
    const summary = await overdueSummary(t.prisma, chair, "2021-09-11");
    const all = await perAgency(chair, "2021-09-11");
    expect(summary.total).toBe(all.length);
    expect(all.every((r) => r.daysOverdue! <= 92)).toBe(true); // nothing of the weekly report counts from June
    const rows = await agencyTable(t.prisma, chair, "2021-09-11");
    const syt = rows.find((r) => r.agency.name === "Sở Y tế")!;
    expect(all.filter((r) => r.agency.name === "Sở Y tế").length).toBe(syt.overdue);
    const grouped = await listDirectiveGroups(t.prisma, chair, "2021-09-11", { category: "overdue", page: 1 });
    expect(grouped.rows.find((g) => g.directive.ref === "1")?.tasks.map((x) => x.agency.name)).toEqual([
      "Công an tỉnh",
    ]);
    // The next week the report is asked again: Sở Y tế's is due Friday 17/9, not done.
    const next = await listTasks(t.prisma, chair, "2021-09-13", { category: "due_soon", page: 1, pageSize: 50 });
    expect(
      next.rows
        .filter((r) => r.directive.ref === "1")
        .map((r) => r.assignmentId)
        .sort(),
    ).toEqual([weekly.syt, weekly.ca].sort());
  });

  it("the one judge says the same for a board card", () => {
    const base = {
      state: "in_progress" as const,
      dueOn: "2021-06-04",
      completedOn: null,
      recurrence: "weekly" as const,
    };
    expect(judge(base, "2021-09-06")).toBe("on_track");
    expect(judge(base, "2021-09-11")).toBe("overdue");
    expect(judge({ ...base, periodReported: true }, "2021-09-11")).toBe("on_track");
    expect(judge({ ...base, recurrence: null }, "2021-09-06")).toBe("overdue");
  });
});

describe("the SQL of the per-period due day", () => {
  it("agrees with periodDeadline for every recurrence, first due day and today", async () => {
    const firsts = ["2021-06-04", "2021-06-30", "2021-05-30", "2021-01-31", "2021-03-31", "2021-12-31", "2021-02-15"];
    const todays = ["2021-06-01", "2021-06-30", "2021-07-01", "2021-09-11", "2022-02-28", "2024-02-29", "2021-12-31"];
    const cases = RECURRENCES.flatMap((r) => firsts.flatMap((f) => todays.map((d) => [r, f, d] as const)));
    for (const [r, first, day] of cases) {
      const [row] = await t.prisma.$queryRaw<{ due: string }[]>`
        SELECT (${periodDueSql(day)})::text AS "due"
        FROM (SELECT ${first}::date AS "dueOn") a, (SELECT ${r}::text AS "recurrence") d`;
      expect(row!.due, `${r} ${first} ${day}`).toBe(periodDeadline(r, first, day).dueOn);
    }
  });
});
