import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAssignmentDetail, assignmentTimeline } from "@/lib/assignments/detail";
import { assignmentsMissingPeriodicReport } from "@/lib/assignments/periodic";
import { judge } from "@/lib/assignments/timeliness";
import {
  addComment,
  confirmCompletion,
  decideExtension,
  reportProgress,
  requestExtension,
  returnCompletion,
  startAssignment,
  submitCompletion,
} from "@/lib/assignments/workflow";
import { readAttachment } from "@/lib/attachments/store";
import { ConflictError, NotFoundError } from "@/lib/errors";
import {
  createWorkflowFixture,
  DUE,
  fixedClock,
  PDF_BYTES,
  type WorkflowFixture,
} from "@/tests/helpers/workflow-fixture";
import { toIsoDay } from "@/lib/time/calendar";

let f: WorkflowFixture;

beforeAll(async () => {
  f = await createWorkflowFixture();
});

afterAll(async () => {
  await f?.t.drop();
});

async function version(id: number): Promise<number> {
  return (await f.t.prisma.assignment.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

describe("an agency's task from first report to confirmation", () => {
  it("reports with an evidence file, is returned with a reason, reports again and is confirmed", async () => {
    const syt = await f.user("longan.syt");
    const sec = await f.user("longan.vanphong");
    const clock = fixedClock("2021-07-05");

    const reported = await reportProgress(
      f.t.prisma,
      syt,
      {
        assignmentId: f.lead,
        version: 1,
        text: "Đã truy vết 120 trường hợp F1.",
        evidenceNumber: "512/SYT-NV",
        evidenceDate: "2021-07-04",
        attachment: new File([PDF_BYTES], "bao-cao.pdf"),
      },
      clock,
    );
    // A first report starts the task.
    expect(reported.assignment).toMatchObject({ state: "in_progress", version: 2 });
    expect(reported.attachment).toMatchObject({
      fileName: "bao-cao.pdf",
      mimeType: "application/pdf",
      size: PDF_BYTES.byteLength,
    });

    const file = await readAttachment(f.t.prisma, syt, reported.attachment!.id);
    expect(Buffer.from(file.data).equals(Buffer.from(PDF_BYTES))).toBe(true);

    const submitted = await submitCompletion(
      f.t.prisma,
      syt,
      {
        assignmentId: f.lead,
        version: 2,
        text: "Đã hoàn thành truy vết.",
        evidenceNumber: "530/SYT-NV",
        evidenceDate: "2021-07-08",
        completedOn: "2021-07-08",
      },
      fixedClock("2021-07-09"),
    );
    expect(submitted.assignment).toMatchObject({ state: "submitted", completedOn: "2021-07-08" });

    const returned = await returnCompletion(f.t.prisma, sec, {
      assignmentId: f.lead,
      version: submitted.assignment.version,
      reason: "Thiếu danh sách F1 kèm theo.",
    });
    expect(returned.assignment).toMatchObject({
      state: "in_progress",
      returnReason: "Thiếu danh sách F1 kèm theo.",
      completedOn: null,
    });

    const again = await submitCompletion(
      f.t.prisma,
      syt,
      {
        assignmentId: f.lead,
        version: returned.assignment.version,
        text: "Bổ sung danh sách F1.",
        completedOn: "2021-07-12",
      },
      fixedClock("2021-07-12"),
    );
    expect(again.assignment.returnReason).toBeNull();

    const confirmed = await confirmCompletion(
      f.t.prisma,
      sec,
      { assignmentId: f.lead, version: again.assignment.version },
      fixedClock("2021-07-13"),
    );
    expect(confirmed.assignment.state).toBe("completed");
    expect(confirmed.assignment.confirmedAt).not.toBeNull();
    // Finished on 12/07 against a due date of 10/07: completed late.
    expect(judge(confirmed.assignment, "2021-07-20")).toBe("completed_late");

    const detail = await getAssignmentDetail(f.t.prisma, sec, f.lead, fixedClock("2021-07-20"));
    expect(detail.timeliness).toBe("completed_late");
    expect(detail.reports.map((r) => r.kind)).toEqual(["completion", "completion", "progress"]);
    expect(detail.reports[2]!.attachment?.fileName).toBe("bao-cao.pdf");

    const events = await assignmentTimeline(f.t.prisma, sec, f.directiveId);
    expect(events.map((e) => e.action).slice(0, 6)).toEqual([
      "assignment.confirm",
      "report.completion",
      "assignment.submit",
      "assignment.return",
      "report.completion",
      "assignment.submit",
    ]);
    expect(events[0]!.actorName).toBe(sec.name);

    // A completed task takes no more work.
    await expect(
      reportProgress(
        f.t.prisma,
        syt,
        { assignmentId: f.lead, version: confirmed.assignment.version, text: "Thêm" },
        clock,
      ),
    ).rejects.toThrow(ConflictError);
  });

  it("judges a task confirmed within its due date as completed on time", async () => {
    const congan = await f.user("longan.congan");
    const sec = await f.user("longan.vanphong");
    const started = await startAssignment(
      f.t.prisma,
      congan,
      { assignmentId: f.support, version: 1 },
      fixedClock("2021-07-02"),
    );
    expect(started.assignment.state).toBe("in_progress");
    await expect(startAssignment(f.t.prisma, congan, { assignmentId: f.support, version: 2 })).rejects.toThrow(
      /đã được bắt đầu/,
    );
    const submitted = await submitCompletion(
      f.t.prisma,
      congan,
      { assignmentId: f.support, version: 2, text: "Đã phối hợp xong.", completedOn: DUE },
      fixedClock(DUE),
    );
    const confirmed = await confirmCompletion(f.t.prisma, sec, {
      assignmentId: f.support,
      version: submitted.assignment.version,
    });
    expect(judge(confirmed.assignment, "2021-08-01")).toBe("completed_on_time");
  });
});

describe("extensions", () => {
  let assignmentId: number;

  beforeAll(async () => {
    // A fresh due-dated assignment: Sở Y tế's part of a Long An demo directive.
    const a = await f.t.prisma.assignment.findFirstOrThrow({
      where: {
        provinceId: f.provinceId,
        agency: { name: "Sở Y tế" },
        dueOn: { not: null },
        state: "not_started",
        id: { not: f.lead },
      },
      select: { id: true },
    });
    assignmentId = a.id;
  });

  it("approves a later date: the new date governs, the original is kept on the request and the directive", async () => {
    const syt = await f.user("longan.syt");
    const chair = await f.user("longan.chutich");
    const before = await f.t.prisma.assignment.findUniqueOrThrow({
      where: { id: assignmentId },
      select: { dueOn: true, version: true, directive: { select: { dueOn: true } } },
    });
    const original = toIsoDay(before.dueOn!);
    const clock = fixedClock(original);
    const asked = await requestExtension(
      f.t.prisma,
      syt,
      { assignmentId, version: before.version, requestedDueOn: "2021-12-31", reason: "Chờ kết quả xét nghiệm." },
      clock,
    );
    expect(asked.status).toBe("pending");
    // One pending request at a time.
    await expect(
      requestExtension(
        f.t.prisma,
        syt,
        { assignmentId, version: asked.assignment.version, requestedDueOn: "2022-01-31", reason: "Lần nữa" },
        clock,
      ),
    ).rejects.toThrow(/đang chờ quyết định/);

    const decided = await decideExtension(
      f.t.prisma,
      chair,
      { extensionId: asked.extensionId, version: asked.assignment.version, decision: "approve" },
      clock,
    );
    expect(decided.assignment.dueOn).toBe("2021-12-31");
    const request = await f.t.prisma.extensionRequest.findUniqueOrThrow({
      where: { id: asked.extensionId },
      select: { originalDueOn: true, status: true, decidedById: true },
    });
    expect(toIsoDay(request.originalDueOn!)).toBe(original);
    expect(request).toMatchObject({ status: "approved", decidedById: chair.id });
    const directive = await f.t.prisma.assignment.findUniqueOrThrow({
      where: { id: assignmentId },
      select: { directive: { select: { dueOn: true } } },
    });
    expect(directive.directive.dueOn).toEqual(before.directive.dueOn);

    // Deciding twice is refused.
    await expect(
      decideExtension(
        f.t.prisma,
        chair,
        { extensionId: asked.extensionId, version: decided.assignment.version, decision: "refuse", note: "x" },
        clock,
      ),
    ).rejects.toThrow(/đã được quyết định/);

    const detail = await getAssignmentDetail(f.t.prisma, syt, assignmentId, clock);
    expect(detail.extensions[0]).toMatchObject({
      status: "approved",
      originalDueOn: original,
      requestedDueOn: "2021-12-31",
    });
    expect(detail.directive.dueOn).toBe(before.directive.dueOn ? toIsoDay(before.directive.dueOn) : null);
    expect(detail.assignment.dueOn).toBe("2021-12-31");
  });

  it("refuses with a note: the date in force stays", async () => {
    const syt = await f.user("longan.syt");
    const sec = await f.user("longan.vanphong");
    const clock = fixedClock("2021-12-01");
    const v = await version(assignmentId);
    const asked = await requestExtension(
      f.t.prisma,
      syt,
      { assignmentId, version: v, requestedDueOn: "2022-03-31", reason: "Thiếu nhân lực." },
      clock,
    );
    await expect(
      decideExtension(
        f.t.prisma,
        sec,
        { extensionId: asked.extensionId, version: asked.assignment.version, decision: "refuse" },
        clock,
      ),
    ).rejects.toThrow(/lý do không đồng ý/);
    const refused = await decideExtension(
      f.t.prisma,
      sec,
      {
        extensionId: asked.extensionId,
        version: asked.assignment.version,
        decision: "refuse",
        note: "Cần hoàn thành đúng hạn.",
      },
      clock,
    );
    expect(refused.status).toBe("refused");
    expect(refused.assignment.dueOn).toBe("2021-12-31");
    const request = await f.t.prisma.extensionRequest.findUniqueOrThrow({
      where: { id: asked.extensionId },
      select: { originalDueOn: true, decisionNote: true },
    });
    expect(toIsoDay(request.originalDueOn!)).toBe("2021-12-31");
    expect(request.decisionNote).toBe("Cần hoàn thành đúng hạn.");
  });

  it("has nothing to extend on a task without a deadline", async () => {
    const syt = await f.user("longan.syt");
    await expect(
      requestExtension(
        f.t.prisma,
        syt,
        { assignmentId: f.noDeadline, version: 1, requestedDueOn: "2021-12-31", reason: "x" },
        fixedClock("2021-07-05"),
      ),
    ).rejects.toThrow(/không có thời hạn/);
  });
});

describe("recurring directives and shared reports", () => {
  it("files a weekly report under the current week's Monday and says when this week's report is missing", async () => {
    const syt = await f.user("longan.syt");
    const wed = fixedClock("2021-07-07"); // a Wednesday
    const before = await getAssignmentDetail(f.t.prisma, syt, f.recurring, wed);
    expect(before.periodic).toMatchObject({ period: { start: "2021-07-05", end: "2021-07-11" }, missing: true });
    await reportProgress(
      f.t.prisma,
      syt,
      { assignmentId: f.recurring, version: 1, text: "Tuần này: 3 ca mắc mới." },
      wed,
    );
    const report = await f.t.prisma.progressReport.findFirstOrThrow({
      where: { assignmentId: f.recurring },
      select: { kind: true, periodStart: true },
    });
    expect(report.kind).toBe("periodic");
    expect(toIsoDay(report.periodStart!)).toBe("2021-07-05");
    expect((await getAssignmentDetail(f.t.prisma, syt, f.recurring, wed)).periodic?.missing).toBe(false);
    // Next Monday is a new period.
    expect((await getAssignmentDetail(f.t.prisma, syt, f.recurring, fixedClock("2021-07-12"))).periodic?.missing).toBe(
      true,
    );

    // The board's question, for a whole list at once: only the weekly task, only next week.
    const items = [
      {
        id: f.recurring,
        state: "in_progress" as const,
        dueOn: null,
        directive: { recurrence: "weekly", startOn: null },
      },
      { id: f.noDeadline, state: "not_started" as const, dueOn: null, directive: { recurrence: null, startOn: null } },
    ];
    expect([...(await assignmentsMissingPeriodicReport(f.t.prisma, items, "2021-07-11"))]).toEqual([]);
    expect([...(await assignmentsMissingPeriodicReport(f.t.prisma, items, "2021-07-12"))]).toEqual([f.recurring]);
  });

  it("shows the lead agency its supporters' reports and files, and the supporter only its own", async () => {
    const syt = await f.user("longan.syt");
    const congan = await f.user("longan.congan");
    const leadView = await getAssignmentDetail(f.t.prisma, syt, f.lead, fixedClock("2021-07-20"));
    const supporter = leadView.otherAssignments.find((a) => a.id === f.support)!;
    expect(supporter.role).toBe("support");
    expect(supporter.reports?.map((r) => r.text)).toEqual(["Đã phối hợp xong."]);

    const supportView = await getAssignmentDetail(f.t.prisma, congan, f.support, fixedClock("2021-07-20"));
    const lead = supportView.otherAssignments.find((a) => a.id === f.lead)!;
    expect(lead.reports).toBeNull();
    expect(supportView.reports.map((r) => r.text)).toEqual(["Đã phối hợp xong."]);

    // The lead's evidence file is not the supporter's to download.
    const leadFile = await f.t.prisma.progressReport.findFirstOrThrow({
      where: { assignmentId: f.lead, attachmentId: { not: null } },
      select: { attachmentId: true },
    });
    await expect(readAttachment(f.t.prisma, congan, leadFile.attachmentId!)).rejects.toThrow(NotFoundError);

    // And the supporter's timeline shows no trace of the lead's reports.
    const events = await assignmentTimeline(f.t.prisma, congan, f.directiveId);
    expect(
      events.some(
        (e) =>
          e.entityType === "ProgressReport" && (e.after as { assignmentId?: number } | null)?.assignmentId === f.lead,
      ),
    ).toBe(false);
    expect(events.some((e) => e.entityType === "Assignment" && e.entityId === f.support)).toBe(true);
  });

  it("keeps comments from both sides, newest last", async () => {
    const syt = await f.user("longan.syt");
    const chair = await f.user("longan.chutich");
    await addComment(f.t.prisma, chair, { assignmentId: f.noDeadline, body: "Đề nghị báo cáo sớm." });
    await addComment(f.t.prisma, syt, { assignmentId: f.noDeadline, body: "Đã tiếp thu." });
    const detail = await getAssignmentDetail(f.t.prisma, syt, f.noDeadline);
    expect(detail.comments.map((c) => [c.authorName, c.body])).toEqual([
      [chair.name, "Đề nghị báo cáo sớm."],
      [syt.name, "Đã tiếp thu."],
    ]);
    expect(detail.timeliness).toBe("no_deadline");
  });
});
