import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencyBoard } from "@/lib/assignments/board";
import { getAssignmentDetail } from "@/lib/assignments/detail";
import { assignmentsMissingOngoingReport, ongoingPeriodOf } from "@/lib/assignments/ongoing";
import { judge } from "@/lib/assignments/timeliness";
import { reportProgress } from "@/lib/assignments/workflow";
import { getDirectiveDetail } from "@/lib/notices/directive";
import { getNotice, searchNotices } from "@/lib/notices/queries";
import { parseNoticeSearch } from "@/lib/notices/search-query";
import { parseQueueView, QUEUE_FIRST, QUEUE_PAGE_SIZE, queuesFor } from "@/lib/queues/queues";
import { digestText } from "@/lib/reminders/message";
import { computeDigests } from "@/lib/reminders/run";
import { agencyTable } from "@/lib/reports/running-totals";
import { fromIsoDay, toIsoDay } from "@/lib/time/calendar";
import { createWorkflowFixture, fixedClock, type WorkflowFixture } from "@/tests/helpers/workflow-fixture";

// Ongoing tasks (no due day: "thường xuyên", "kịp thời" or none) report once per the province's
// period; without a report in the current period they show "Chưa báo cáo kỳ này" on the board, in
// the agency's queue and in the reminders, and the overview counts per agency how many reported.
// The fixture's directive 3 is Sở Y tế's ongoing task (f.noDeadline); directive 2 its weekly one.

let f: WorkflowFixture;
const p = () => f.t.prisma;
const version = async (id: number) =>
  (await p().assignment.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const setPeriod = (period: "weekly" | "monthly" | "quarterly") =>
  p().province.update({ where: { id: f.provinceId }, data: { ongoingReportPeriod: period } });
const missing = async (id: number, day: string, period: "weekly" | "monthly" | "quarterly") =>
  (await assignmentsMissingOngoingReport(p(), [id], ongoingPeriodOf(period, day).period)).has(id);

let noticeId: number;

beforeAll(async () => {
  f = await createWorkflowFixture();
  noticeId = (await p().assignment.findUniqueOrThrow({ where: { id: f.lead }, select: { noticeId: true } })).noticeId;
});

afterAll(async () => {
  await f?.t.drop();
});

describe("the rule: a report in the current period", () => {
  it("reads the province's period: none, last period's, this period's; weekly, monthly, quarterly", async () => {
    const syt = await f.user("longan.syt");
    await setPeriod("monthly");
    // No report at all: missing in every period length; a recurring or dated task never is.
    for (const period of ["weekly", "monthly", "quarterly"] as const)
      expect(await missing(f.noDeadline, "2021-07-07", period)).toBe(true);
    expect(await missing(f.recurring, "2021-07-07", "monthly")).toBe(false);
    expect(await missing(f.lead, "2021-07-07", "monthly")).toBe(false);

    // The task page offers "Báo cáo kỳ này" for the province's period.
    const june = fixedClock("2021-06-20");
    const before = await getAssignmentDetail(p(), syt, f.noDeadline, june);
    expect(before.periodic).toMatchObject({ ongoing: true, missing: true, label: "tháng 06/2021" });

    // Reported in June (last period, seen from July).
    await reportProgress(
      p(),
      syt,
      { assignmentId: f.noDeadline, version: await version(f.noDeadline), text: "Tháng 6: theo dõi hằng ngày." },
      june,
    );
    const report = await p().progressReport.findFirstOrThrow({
      where: { assignmentId: f.noDeadline },
      select: { kind: true, periodStart: true },
    });
    expect(report.kind).toBe("periodic");
    expect(toIsoDay(report.periodStart!)).toBe("2021-06-01");
    expect((await getAssignmentDetail(p(), syt, f.noDeadline, june)).periodic).toMatchObject({ missing: false });
    expect(await missing(f.noDeadline, "2021-06-30", "monthly")).toBe(false);
    expect(await missing(f.noDeadline, "2021-07-01", "monthly")).toBe(true);
    // Quarter II began on 01/04: a report filed for June's period is not the quarter's report…
    expect(await missing(f.noDeadline, "2021-06-20", "quarterly")).toBe(true);

    // …but a report written in the quarter is: a plain progress report counts by when it was made
    // (Vietnamese days: 23:30 on Sunday 04/07 belongs to the week before Monday 05/07).
    const sundayNight = await p().progressReport.create({
      data: {
        assignmentId: f.noDeadline,
        kind: "progress",
        text: "Cập nhật cuối tuần.",
        createdAt: new Date("2021-07-04T23:30:00+07:00"),
      },
      select: { id: true },
    });
    expect(await missing(f.noDeadline, "2021-07-04", "weekly")).toBe(false);
    expect(await missing(f.noDeadline, "2021-07-05", "weekly")).toBe(true);
    expect(await missing(f.noDeadline, "2021-07-07", "monthly")).toBe(false);
    expect(await missing(f.noDeadline, "2021-07-07", "quarterly")).toBe(false);
    await p().progressReport.delete({ where: { id: sundayNight.id } });
    expect(await missing(f.noDeadline, "2021-07-07", "monthly")).toBe(true);
  });
});

describe("where the agency sees it", () => {
  it("marks the board card, lists the task in the queue and reminds of it, until this period's report is sent", async () => {
    await setPeriod("monthly");
    const syt = await f.user("longan.syt");
    const agencyId = (
      await p().assignment.findUniqueOrThrow({ where: { id: f.noDeadline }, select: { agencyId: true } })
    ).agencyId;
    const day = "2021-07-28"; // 3 days before the month's last day: a reminder day by 7, 3, 0
    await p().province.update({
      where: { id: f.provinceId },
      data: { reminderDaysBefore: [7, 3, 0], overdueReminderEveryDays: 7 },
    });

    const card = async () =>
      (await agencyBoard(p(), syt, agencyId, { notice: noticeId }, day)).items.find((i) => i.id === f.noDeadline)!;
    const queue = async () =>
      (await queuesFor(p(), syt, day, new Date("2021-07-28T09:00:00+07:00"))).find(
        (s) => s.kind === "ongoingUnreported",
      )!;
    const digest = async (on: string) =>
      (await computeDigests(p(), on, f.provinceId)).find((d) => d.agency.id === agencyId);

    const unreported = async (on: string, q?: string) =>
      (await agencyBoard(p(), syt, agencyId, { notice: noticeId, due: "unreported", q }, on)).items.map((i) => i.id);

    // Before July's report.
    expect((await card()).periodicReportMissing).toBe(true);
    // The board's filter "Thường xuyên chưa báo cáo kỳ này" (also through the search's path).
    expect(await unreported(day)).toEqual([f.noDeadline]);
    expect(await unreported(day, "theo doi dien bien")).toEqual([f.noDeadline]);
    const board = await agencyBoard(p(), syt, agencyId, { notice: noticeId }, day);
    expect(board.items.find((i) => i.id === f.lead)!.periodicReportMissing).toBe(false);
    const q = await queue();
    const entry = q.items.find((t) => t.assignmentId === f.noDeadline);
    expect(entry?.note).toBe("Chưa báo cáo tháng 07/2021 (kỳ kết thúc 31/07/2021)");
    expect(entry?.days).toBe(3);
    expect(q.items.some((t) => t.assignmentId === f.lead || t.assignmentId === f.recurring)).toBe(false);

    const d = await digest(day);
    const line = d?.lines.find((l) => l.assignmentId === f.noDeadline);
    expect(line).toMatchObject({ bucket: "ongoing", dueOn: "2021-07-31", period: "tháng 07/2021" });
    const text = digestText({
      agencyName: d!.agency.name,
      provinceName: d!.agency.provinceName,
      day,
      lines: d!.lines,
      boardUrl: "http://localhost/co-quan/1",
    });
    expect(text).toMatch(/IV?\. CHƯA BÁO CÁO KỲ NÀY: \d+ nhiệm vụ/);
    expect(text).toContain("Báo cáo tháng 07/2021 trước hết ngày 31/07/2021 (“thường xuyên”) · Còn 3 ngày");
    // Not a reminder day of the period: no such line.
    expect(
      (await digest("2021-07-26"))?.lines.some((l) => l.bucket === "ongoing" && l.assignmentId === f.noDeadline) ??
        false,
    ).toBe(false);

    // The agency sends July's report from the task page: every place agrees at once.
    await reportProgress(
      p(),
      syt,
      { assignmentId: f.noDeadline, version: await version(f.noDeadline), text: "Tháng 7: ổn định." },
      fixedClock("2021-07-27"),
    );
    expect((await card()).periodicReportMissing).toBe(false);
    expect(await unreported(day)).toEqual([]);
    expect(await unreported(day, "theo doi dien bien")).toEqual([]);
    expect((await queue()).items.some((t) => t.assignmentId === f.noDeadline)).toBe(false);
    expect((await digest(day))?.lines.some((l) => l.assignmentId === f.noDeadline) ?? false).toBe(false);
    // August is a new period.
    expect(
      (await agencyBoard(p(), syt, agencyId, { notice: noticeId }, "2021-08-02")).items.find(
        (i) => i.id === f.noDeadline,
      )!.periodicReportMissing,
    ).toBe(true);
  });
});

describe("the chairman's overview", () => {
  it("counts per agency the ongoing tasks reported this period out of all, as counting them one by one", async () => {
    await setPeriod("monthly");
    const day = "2021-07-20";
    const clock = fixedClock("2021-07-15");
    // A few reports: this period by several agencies, one last period, one made in July without a period.
    const ongoingTasks = await p().assignment.findMany({
      where: {
        provinceId: f.provinceId,
        dueOn: null,
        state: { not: "completed" },
        directive: { recurrence: null, notice: { status: "published" } },
      },
      orderBy: { id: "asc" },
      select: {
        id: true,
        agencyId: true,
        agency: { select: { users: { select: { user: { select: { username: true } } } } } },
      },
    });
    const withStaff = ongoingTasks.filter((a) => a.agency.users.length > 0);
    expect(withStaff.length).toBeGreaterThan(3);
    for (const a of withStaff.slice(0, 3)) {
      const staff = await f.user(a.agency.users[0]!.user.username);
      await reportProgress(
        p(),
        staff,
        { assignmentId: a.id, version: await version(a.id), text: "Báo cáo tháng 7." },
        clock,
      );
    }
    const others = ongoingTasks.filter((a) => !withStaff.slice(0, 3).includes(a));
    await p().progressReport.create({
      data: { assignmentId: others[0]!.id, kind: "periodic", text: "Tháng 6.", periodStart: fromIsoDay("2021-06-01") },
    });
    await p().progressReport.create({
      data: {
        assignmentId: others[1]!.id,
        kind: "progress",
        text: "Trong tháng 7.",
        createdAt: new Date("2021-07-02T08:00:00+07:00"),
      },
    });

    const chairman = await f.user("longan.chutich");
    const rows = await agencyTable(p(), chairman, day);

    // By hand: every assignment of Long An's published notices, its directive and its reports.
    const all = await p().assignment.findMany({
      where: { provinceId: f.provinceId, notice: { status: "published" } },
      select: {
        id: true,
        agencyId: true,
        dueOn: true,
        state: true,
        directive: { select: { recurrence: true, startOn: true } },
        reports: { select: { kind: true, periodStart: true, createdAt: true } },
      },
    });
    const from = new Date("2021-07-01T00:00:00+07:00").getTime();
    const to = new Date("2021-08-01T00:00:00+07:00").getTime();
    const expected = new Map<number, { ongoing: number; reported: number }>();
    for (const a of all) {
      const isOngoing =
        a.dueOn === null &&
        a.state !== "completed" &&
        a.directive.recurrence === null &&
        !(a.directive.startOn && toIsoDay(a.directive.startOn) > "2021-07-31");
      if (!isOngoing) continue;
      const reported = a.reports.some(
        (r) =>
          (r.createdAt.getTime() >= from && r.createdAt.getTime() < to) ||
          (r.kind === "periodic" && r.periodStart !== null && toIsoDay(r.periodStart) === "2021-07-01"),
      );
      const e = expected.get(a.agencyId) ?? { ongoing: 0, reported: 0 };
      e.ongoing++;
      if (reported) e.reported++;
      expected.set(a.agencyId, e);
    }
    let total = 0;
    let reportedTotal = 0;
    for (const r of rows) {
      const e = expected.get(r.agency.id) ?? { ongoing: 0, reported: 0 };
      expect({ agency: r.agency.name, ongoing: r.ongoing, reported: r.ongoingReported }).toEqual({
        agency: r.agency.name,
        ongoing: e.ongoing,
        reported: e.reported,
      });
      total += r.ongoing;
      reportedTotal += r.ongoingReported;
    }
    // Every ongoing task is in some agency's row; 3 reported by the workflow + the one made in July
    // (+ Sở Y tế's July report from the test above).
    expect(total).toBe([...expected.values()].reduce((n, e) => n + e.ongoing, 0));
    expect(total).toBeGreaterThan(200);
    expect(reportedTotal).toBe([...expected.values()].reduce((n, e) => n + e.reported, 0));
    expect(reportedTotal).toBeGreaterThanOrEqual(4);
    expect(reportedTotal).toBeLessThan(total);
  });
});

describe("recurring directives are judged per period, never by their first due day", () => {
  it("the board's Quá hạn filter, the task page's Đánh giá, the notice and directive pages' overdue agencies", async () => {
    const syt = await f.user("longan.syt");
    const agencyId = (
      await p().assignment.findUniqueOrThrow({ where: { id: f.recurring }, select: { agencyId: true } })
    ).agencyId;
    // The weekly report: first due Friday 02/07/2021, so each Friday.
    const directiveId = (
      await p().assignment.findUniqueOrThrow({ where: { id: f.recurring }, select: { directiveId: true } })
    ).directiveId;
    await p().directive.update({ where: { id: directiveId }, data: { dueOn: fromIsoDay("2021-07-02") } });
    await p().assignment.update({ where: { id: f.recurring }, data: { dueOn: fromIsoDay("2021-07-02") } });

    const overdueOnBoard = async (day: string) =>
      (await agencyBoard(p(), syt, agencyId, { notice: noticeId, due: "overdue" }, day)).items.map((i) => i.id);
    const overdueInNotice = async (day: string) => {
      const n = await getNotice(p(), syt, noticeId, day);
      const d = n.directives.find((x) => x.id === directiveId)!;
      return d.assignments.filter((a) => judge(a, day) === "overdue").length;
    };
    const noticeListOverdue = async (day: string) =>
      (await searchNotices(p(), syt, day, parseNoticeSearch({}), 1000)).items.find((n) => n.id === noticeId)!
        .overdueCount;
    const assessment = async (day: string) =>
      (await getAssignmentDetail(p(), syt, f.recurring, fixedClock(day))).timeliness;
    const onDirectivePage = async (day: string) =>
      (await getDirectiveDetail(p(), syt, directiveId, day)).assignments.map((a) => a.timeliness);

    // Wednesday 07/07: this week's report is due Friday 09/07, not late; the first due day passed.
    expect(await overdueOnBoard("2021-07-07")).not.toContain(f.recurring);
    expect(await assessment("2021-07-07")).toBe("on_track");
    expect(await onDirectivePage("2021-07-07")).toEqual(["on_track"]);
    expect(await overdueInNotice("2021-07-07")).toBe(0);
    const listedWed = await noticeListOverdue("2021-07-07");

    // Saturday 10/07 without this week's report: late, everywhere.
    expect(await overdueOnBoard("2021-07-10")).toContain(f.recurring);
    expect(await assessment("2021-07-10")).toBe("overdue");
    expect(await onDirectivePage("2021-07-10")).toEqual(["overdue"]);
    expect(await overdueInNotice("2021-07-10")).toBe(1);
    expect(await noticeListOverdue("2021-07-10")).toBe(listedWed + 1);

    // The week's report sent on Saturday: judged by this period, no longer late.
    await reportProgress(
      p(),
      syt,
      { assignmentId: f.recurring, version: await version(f.recurring), text: "Tuần 05/07 – 11/07: 2 ca." },
      fixedClock("2021-07-10"),
    );
    expect(await overdueOnBoard("2021-07-10")).not.toContain(f.recurring);
    expect(await assessment("2021-07-10")).toBe("on_track");
    expect(await onDirectivePage("2021-07-10")).toEqual(["on_track"]);
    expect(await overdueInNotice("2021-07-10")).toBe(0);
    // A search narrows the same way (the board's other path).
    expect(
      (await agencyBoard(p(), syt, agencyId, { notice: noticeId, due: "overdue", q: "hang tuan" }, "2021-07-10")).items,
    ).toEqual([]);
    expect(
      (
        await agencyBoard(p(), syt, agencyId, { notice: noticeId, due: "overdue", q: "hang tuan" }, "2021-07-17")
      ).items.map((i) => i.id),
    ).toEqual([f.recurring]);
  });
});

describe("a long work queue", () => {
  it("shows its first items among the others, and pages when opened on its own", async () => {
    // A person working for every district: most of Long An's ongoing tasks are addressed to them.
    const one = await f.user("longan.huyen");
    const districts = await p().agency.findMany({
      where: { provinceId: one.provinceId!, kind: "district" },
      select: { id: true },
    });
    await p().userAgency.createMany({
      data: districts.map((d) => ({ userId: one.id, agencyId: d.id })),
      skipDuplicates: true,
    });
    const staff = await f.user("longan.huyen");
    const day = "2021-07-28";
    const at = new Date("2021-07-28T09:00:00+07:00");
    const of = async (view?: Parameters<typeof queuesFor>[4]) =>
      (await queuesFor(p(), staff, day, at, view)).find((s) => s.kind === "ongoingUnreported")!;
    const first = await of();
    expect(first.total).toBeGreaterThan(QUEUE_FIRST);
    expect(first).toMatchObject({ open: false, offset: 0 });
    expect(first.items).toHaveLength(QUEUE_FIRST);
    const page1 = await of({ open: "ongoingUnreported" });
    expect(page1.items).toHaveLength(Math.min(QUEUE_PAGE_SIZE, first.total));
    expect(page1.items.slice(0, QUEUE_FIRST).map((t) => t.assignmentId)).toEqual(
      first.items.map((t) => t.assignmentId),
    );
    const last = Math.ceil(first.total / QUEUE_PAGE_SIZE);
    const end = await of({ open: "ongoingUnreported", page: last });
    expect(end).toMatchObject({ open: true, offset: (last - 1) * QUEUE_PAGE_SIZE, total: first.total });
    expect(end.items).toHaveLength(first.total - (last - 1) * QUEUE_PAGE_SIZE);
    // Past the end: nothing, and still the whole count.
    expect(await of({ open: "ongoingUnreported", page: last + 1 })).toMatchObject({ items: [], total: first.total });
    expect(parseQueueView({ xem: "constructor", trang: "-1" })).toEqual({ open: undefined, page: undefined });
  });
});
