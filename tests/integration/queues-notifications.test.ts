import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerExplanation, requestExplanation } from "@/lib/assignments/explanations";
import { getAssignmentDetail } from "@/lib/assignments/detail";
import {
  confirmCompletion,
  decideExtension,
  requestExtension,
  returnCompletion,
  submitCompletion,
} from "@/lib/assignments/workflow";
import { ConflictError, ValidationError } from "@/lib/errors";
import { listNotifications, markNotificationsRead } from "@/lib/notifications/inbox";
import { runOutbox } from "@/lib/outbox/worker";
import { decideMany } from "@/lib/queues/bulk";
import { queueCount, queuesFor, type QueueKind } from "@/lib/queues/queues";
import { smtpMailer } from "@/lib/reminders/mailer";
import { startSmtpInbox, type SmtpInbox } from "@/tests/helpers/smtp-inbox";
import { createWorkflowFixture, DUE, fixedClock, type WorkflowFixture } from "@/tests/helpers/workflow-fixture";

// Who learns what, and what waits for whom: every step of the workflow tells the people
// concerned (in the app, and once per person and event by e-mail through the outbox, received
// here by a real SMTP server on loopback), and each role's queue lists its work.

// Only its presence matters to the code that writes the outbox; the worker gets the real server.
process.env.SMTP_URL = "smtp://127.0.0.1:2";

let f: WorkflowFixture;
let smtp: SmtpInbox;
let mailer: ReturnType<typeof smtpMailer>;
const received = () => smtp.received;

beforeAll(async () => {
  f = await createWorkflowFixture();
  smtp = await startSmtpInbox();
  mailer = smtpMailer(smtp.url, "Ban Chỉ đạo <bcd@localhost>");
});

afterAll(async () => {
  mailer?.close();
  await smtp?.close();
  await f?.t.drop();
});

const p = () => f.t.prisma;
const version = async (id: number) =>
  (await p().assignment.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const titles = async (username: string) =>
  (await listNotifications(p(), await f.user(username))).rows.map((n) => n.title);
const fromNotice = async (username: string, number: string) =>
  (await listNotifications(p(), await f.user(username))).rows
    .filter((n) => n.body?.includes(number))
    .map((n) => n.title);
const section = async (username: string, kind: QueueKind, day: string) => {
  const sections = await queuesFor(p(), await f.user(username), day, new Date(`${day}T10:00:00+07:00`));
  return sections.find((s) => s.kind === kind)!;
};

describe("publishing tells each agency's staff once", () => {
  it("one line per agency they follow, not one per task", async () => {
    // The fixture's notice gives Sở Y tế three tasks and Công an tỉnh one.
    expect(await fromNotice("longan.syt", "99/TB-WF")).toEqual(["Sở Y tế được giao 3 nhiệm vụ mới"]);
    expect(await fromNotice("longan.congan", "99/TB-WF")).toEqual(["Công an tỉnh được giao 1 nhiệm vụ mới"]);
    // Other provinces' staff and the leadership hear nothing of it.
    expect(await fromNotice("langson.syt", "99/TB-WF")).toEqual([]);
    expect(await fromNotice("longan.vanphong", "99/TB-WF")).toEqual([]);
  });
});

describe("a reported result: the secretariat's queue, then the agency's", () => {
  it("is waiting for the secretariat, oldest first; a return reaches the agency with its reason", async () => {
    const syt = await f.user("longan.syt");
    const sec = await f.user("longan.vanphong");
    await p().user.update({ where: { id: syt.id }, data: { email: "syt@longan.test", emailOptOut: [] } });
    await p().user.update({ where: { id: sec.id }, data: { email: "vp@longan.test", emailOptOut: ["waiting"] } });

    const before = await queueCount(p(), sec);
    await submitCompletion(
      p(),
      syt,
      { assignmentId: f.lead, version: await version(f.lead), text: "Đã truy vết xong.", completedOn: "2021-07-05" },
      fixedClock("2021-07-05"),
    );
    expect(await queueCount(p(), sec)).toBe(before + 1);
    const toConfirm = await section("longan.vanphong", "toConfirm", "2021-07-08");
    const mine = toConfirm.items.find((i) => i.assignmentId === f.lead)!;
    expect(mine, JSON.stringify(mine)).toMatchObject({ ref: "1", days: 3 });
    expect(await titles("longan.vanphong")).toContain("Sở Y tế báo cáo hoàn thành, chờ xác nhận");
    // The agency's own queue does not list its own result as waiting.
    expect((await section("longan.syt", "returned", "2021-07-08")).items.map((i) => i.assignmentId)).not.toContain(
      f.lead,
    );

    await returnCompletion(p(), sec, {
      assignmentId: f.lead,
      version: await version(f.lead),
      reason: "Thiếu danh sách F1 kèm theo.",
    });
    const returned = await section("longan.syt", "returned", "2021-07-08");
    expect(returned.items.find((i) => i.assignmentId === f.lead)?.note).toBe("Thiếu danh sách F1 kèm theo.");
    expect(await titles("longan.syt")).toContain("Kết quả của Sở Y tế bị trả lại");
    expect(await queueCount(p(), syt)).toBeGreaterThanOrEqual(1);
    // The one who returned it is not told of their own step.
    expect(await titles("longan.vanphong")).not.toContain("Kết quả của Sở Y tế bị trả lại");
  });

  it("sends one e-mail per person and event, following each person's choices, and never twice", async () => {
    const messages = await p().outboxMessage.findMany({ select: { payload: true, dedupeKey: true } });
    const to = messages.map((m) => (m.payload as { to: string }).to);
    // Sở Y tế's staff want everything: the publication and the return; the secretariat opted out of "waiting".
    expect(to.filter((t) => t === "syt@longan.test")).toHaveLength(1); // the return (the address was set after publishing)
    expect(to).not.toContain("vp@longan.test");

    const first = await runOutbox(p(), { mailer, baseUrl: "https://bcd.longan.test" });
    expect(first).toMatchObject({ sent: 1, retried: 0, failed: 0 });
    const again = await runOutbox(p(), { mailer, baseUrl: "https://bcd.longan.test" });
    expect(again.sent).toBe(0);
    expect(received()).toHaveLength(1);
    expect(received()[0]!.to).toEqual(["syt@longan.test"]);
    expect(received()[0]!.raw.replace(/=\r?\n/g, "")).toContain("https://bcd.longan.test/nhiem-vu/");
  });

  it("batches a publication's tasks into one e-mail per person", async () => {
    const { createNotice } = await import("@/lib/notices/create");
    const sec = await f.user("longan.vanphong");
    const directives = Array.from({ length: 5 }, (_, i) => ({
      ref: String(i + 1),
      text: `Sở Y tế thực hiện việc số ${i + 1}.`,
      urgent: false,
      deadline: {
        kind: "ongoing" as const,
        dueOn: null,
        dueAt: null,
        phrase: "thường xuyên",
        startOn: null,
        recurrence: null,
        target: null,
      },
      assignments: [{ agency: "Sở Y tế", role: "lead" as const, viaGroup: null, isNew: false }],
    }));
    await createNotice(
      p(),
      sec,
      f.provinceId,
      {
        draft: {
          notice: {
            kind: "TB",
            number: "100/TB-WF",
            issuer: "UBND tỉnh Long An",
            place: "Long An",
            issuedOn: "2021-07-06",
            issuedPrecision: "day",
            title: "Thông báo thứ hai",
            meetingOn: null,
            chair: null,
            signer: null,
            signingFormula: null,
            recipients: [],
            citations: [],
          },
          directives,
        },
        sourceText: "năm việc",
      },
      { status: "published", createNewAgencies: false },
    );
    const before = received().length;
    await runOutbox(p(), { mailer, baseUrl: "https://bcd.longan.test" });
    const mails = received()
      .slice(before)
      .filter((m) => m.to.includes("syt@longan.test"));
    expect(mails).toHaveLength(1);
    expect(await fromNotice("longan.syt", "100/TB-WF")).toEqual(["Sở Y tế được giao 5 nhiệm vụ mới"]);
  });
});

describe("extensions: the chairman's queue and a date other than the one asked", () => {
  it("asks, waits for the chairman, is granted to another date with a reason", async () => {
    const syt = await f.user("longan.syt");
    const chair = await f.user("longan.chutich");
    const clock = fixedClock("2021-07-08");
    const asked = await requestExtension(
      p(),
      syt,
      {
        assignmentId: f.lead,
        version: await version(f.lead),
        requestedDueOn: "2021-07-30",
        reason: "Chờ kết quả xét nghiệm.",
      },
      clock,
    );
    expect((await section("longan.chutich", "extensions", "2021-07-08")).items.map((i) => i.assignmentId)).toContain(
      f.lead,
    );
    expect(await titles("longan.chutich")).toContain("Sở Y tế xin gia hạn đến 30/07/2021, chờ quyết định");

    const other = {
      extensionId: asked.extensionId,
      version: await version(f.lead),
      decision: "approve" as const,
      grantedDueOn: "2021-07-20",
    };
    await expect(decideExtension(p(), chair, { ...other, note: undefined }, clock)).rejects.toBeInstanceOf(
      ValidationError,
    );
    const decided = await decideExtension(p(), chair, { ...other, note: "Chỉ đủ thời gian đến 20/7." }, clock);
    expect(decided.assignment.dueOn).toBe("2021-07-20");
    const detail = await getAssignmentDetail(p(), syt, f.lead, clock);
    expect(detail.extensions[0]).toMatchObject({
      status: "approved",
      requestedDueOn: "2021-07-30",
      grantedDueOn: "2021-07-20",
    });
    expect(await titles("longan.syt")).toContain("Được gia hạn đến 20/07/2021");
  });

  it("refuses an extension on a task without a deadline", async () => {
    const syt = await f.user("longan.syt");
    await expect(
      requestExtension(
        p(),
        syt,
        { assignmentId: f.noDeadline, version: await version(f.noDeadline), requestedDueOn: "2021-08-01", reason: "x" },
        fixedClock("2021-07-08"),
      ),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("explanation requests", () => {
  it("only on an overdue task; the agency answers; the chairman sees it received; a late one is flagged", async () => {
    const chair = await f.user("longan.chutich");
    const syt = await f.user("longan.syt");
    const ca = await f.user("longan.congan");
    // The support task (Công an tỉnh) is due DUE and not started.
    await expect(
      requestExplanation(
        p(),
        chair,
        { assignmentId: f.support, version: await version(f.support), message: "Vì sao chậm?", workingDays: 3 },
        fixedClock(DUE),
      ),
    ).rejects.toBeInstanceOf(ConflictError);
    // Agency staff may not ask.
    await expect(
      requestExplanation(
        p(),
        syt,
        { assignmentId: f.support, version: await version(f.support), message: "Vì sao chậm?", workingDays: 3 },
        fixedClock("2021-07-15"),
      ),
    ).rejects.toThrow();

    // Thursday 15/07 + 3 working days = Tuesday 20/07.
    const asked = await requestExplanation(
      p(),
      chair,
      {
        assignmentId: f.support,
        version: await version(f.support),
        message: "Đề nghị giải trình lý do chậm.",
        workingDays: 3,
      },
      fixedClock("2021-07-15"),
    );
    expect(await titles("longan.congan")).toContain(
      "Yêu cầu Công an tỉnh giải trình việc chậm, trả lời trước 20/07/2021",
    );
    const toAnswer = await section("longan.congan", "explanationsToAnswer", "2021-07-21");
    expect(toAnswer.items[0]).toMatchObject({ assignmentId: f.support, days: -1 });
    const late = await getAssignmentDetail(p(), ca, f.support, fixedClock("2021-07-21"));
    expect(late.explanations[0]).toMatchObject({ status: "pending", replyDueOn: "2021-07-20", late: true });

    // Sở Y tế cannot answer for Công an tỉnh.
    await expect(
      answerExplanation(p(), syt, { explanationId: asked.explanationId, answer: "..." }, fixedClock("2021-07-21")),
    ).rejects.toThrow();
    await answerExplanation(
      p(),
      ca,
      { explanationId: asked.explanationId, answer: "Chờ kết quả xét nghiệm của Sở Y tế." },
      fixedClock("2021-07-21"),
    );
    const answered = await section("longan.chutich", "explanationsAnswered", "2021-07-21");
    expect(answered.items.map((i) => i.note)).toContain("Chờ kết quả xét nghiệm của Sở Y tế.");
    expect(await titles("longan.chutich")).toContain("Công an tỉnh đã giải trình");
    await expect(
      answerExplanation(p(), ca, { explanationId: asked.explanationId, answer: "lần hai" }, fixedClock("2021-07-21")),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("the secretariat confirms several results at once", () => {
  it("confirms the fresh ones and refuses the one changed meanwhile", async () => {
    const sec = await f.user("longan.vanphong");
    const syt = await f.user("longan.syt");
    const clock = fixedClock("2021-07-22");
    await submitCompletion(
      p(),
      syt,
      {
        assignmentId: f.lead,
        version: await version(f.lead),
        text: "Đã bổ sung danh sách.",
        completedOn: "2021-07-19",
      },
      clock,
    );
    await submitCompletion(
      p(),
      syt,
      {
        assignmentId: f.noDeadline,
        version: await version(f.noDeadline),
        text: "Đang theo dõi.",
        completedOn: "2021-07-19",
      },
      clock,
    );
    const stale = { assignmentId: f.noDeadline, version: (await version(f.noDeadline)) - 1 };
    const out = await decideMany(p(), sec, {
      items: [{ assignmentId: f.lead, version: await version(f.lead) }, stale],
      decision: "confirm",
      reason: undefined,
    });
    expect(out.done.map((d) => d.assignment.id)).toEqual([f.lead]);
    expect(out.refused.map((r) => r.assignmentId)).toEqual([f.noDeadline]);
    expect(await titles("longan.syt")).toContain("Văn phòng đã xác nhận hoàn thành nhiệm vụ của Sở Y tế");
    // A return needs its reason; agency staff cannot confirm at all.
    await expect(
      decideMany(p(), sec, {
        items: [{ assignmentId: f.noDeadline, version: await version(f.noDeadline) }],
        decision: "return",
        reason: undefined,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      decideMany(p(), syt, {
        items: [{ assignmentId: f.noDeadline, version: await version(f.noDeadline) }],
        decision: "confirm",
        reason: undefined,
      }),
    ).rejects.toThrow();
    await confirmCompletion(p(), sec, { assignmentId: f.noDeadline, version: await version(f.noDeadline) });
  });

  it("marks a person's notifications read, and only theirs", async () => {
    const syt = await f.user("longan.syt");
    const marked = await markNotificationsRead(p(), syt, new Date());
    expect(marked).toBeGreaterThan(0);
    expect((await listNotifications(p(), syt)).unread).toBe(0);
    expect((await listNotifications(p(), await f.user("longan.vanphong"))).unread).toBeGreaterThan(0);
  });
});

describe("undoing one's own confirmation or return", () => {
  it("takes a confirmation back within minutes, withdraws its unread notice, and refuses anyone else", async () => {
    const { undoDecision } = await import("@/lib/assignments/undo");
    const sec = await f.user("longan.vanphong");
    const chair = await f.user("longan.chutich");
    const syt = await f.user("longan.syt");
    await markNotificationsRead(p(), syt, new Date());
    // The recurring task: reported done, confirmed, then undone.
    await submitCompletion(
      p(),
      syt,
      {
        assignmentId: f.recurring,
        version: await version(f.recurring),
        text: "Báo cáo tuần.",
        completedOn: "2021-07-20",
      },
      fixedClock("2021-07-22"),
    );
    const confirmed = await confirmCompletion(p(), sec, {
      assignmentId: f.recurring,
      version: await version(f.recurring),
    });
    expect((await listNotifications(p(), syt)).unread).toBe(1);
    // The chairman did not confirm it: he cannot undo it.
    await expect(
      undoDecision(p(), chair, { assignmentId: f.recurring, version: confirmed.assignment.version }),
    ).rejects.toThrow();
    const undone = await undoDecision(p(), sec, { assignmentId: f.recurring, version: confirmed.assignment.version });
    expect(undone.assignment.state).toBe("submitted");
    expect(undone.assignment.confirmedAt).toBeNull();
    expect((await listNotifications(p(), syt)).unread).toBe(0);
    // Nothing left to undo.
    await expect(
      undoDecision(p(), sec, { assignmentId: f.recurring, version: undone.assignment.version }),
    ).rejects.toBeInstanceOf(ConflictError);
    const audit = await p().auditLog.findMany({
      where: { entityType: "Assignment", entityId: f.recurring },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(audit.map((a) => a.action).slice(-2)).toEqual(["assignment.confirm", "assignment.undo"]);
  });
});
