import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitCompletion } from "@/lib/assignments/workflow";
import { listNotifications } from "@/lib/notifications/inbox";
import { runOutbox } from "@/lib/outbox/worker";
import { decideMany } from "@/lib/queues/bulk";
import { smtpMailer } from "@/lib/reminders/mailer";
import { startSmtpInbox, type SmtpInbox } from "@/tests/helpers/smtp-inbox";
import { createWorkflowFixture, fixedClock, type WorkflowFixture } from "@/tests/helpers/workflow-fixture";

// A bulk decision from the secretariat's queue is one e-mail per person, listing the tasks
// (received here by a real SMTP server on loopback), while the inbox keeps one line per task.

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
// Quoted-printable soft breaks removed, then the encoded UTF-8 bytes decoded.
const decoded = (raw: string) =>
  Buffer.from(
    raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    "latin1",
  ).toString("utf8");

describe("a bulk confirmation from the queue", () => {
  it("gives the agency's staff one e-mail listing the three tasks, and three lines in the app", async () => {
    const syt = await f.user("longan.syt");
    const sec = await f.user("longan.vanphong");
    await p().user.update({ where: { id: syt.id }, data: { email: "syt@longan.test", emailOptOut: [] } });
    const tasks = [f.lead, f.recurring, f.noDeadline];
    for (const id of tasks)
      await submitCompletion(
        p(),
        syt,
        { assignmentId: id, version: await version(id), text: "Đã xong.", completedOn: "2021-07-05" },
        fixedClock("2021-07-05"),
      );
    // Only what the decision writes is counted.
    await runOutbox(p(), { mailer, baseUrl: "https://bcd.longan.test" });
    const before = received().length;
    const unreadBefore = (await listNotifications(p(), syt)).unread;

    const out = await decideMany(p(), sec, {
      items: await Promise.all(tasks.map(async (id) => ({ assignmentId: id, version: await version(id) }))),
      decision: "confirm",
      reason: undefined,
    });
    expect(out.done).toHaveLength(3);

    // In the app: one notification per task.
    const inbox = await listNotifications(p(), syt);
    expect(inbox.unread - unreadBefore).toBe(3);
    expect(inbox.rows.filter((n) => n.title === "Văn phòng đã xác nhận hoàn thành nhiệm vụ của Sở Y tế")).toHaveLength(
      3,
    );

    // By e-mail: one message, due now (not held), listing the three.
    const run = await runOutbox(p(), { mailer, baseUrl: "https://bcd.longan.test" });
    expect(run.failed).toBe(0);
    const mails = received()
      .slice(before)
      .filter((m) => m.to.includes("syt@longan.test"));
    expect(mails).toHaveLength(1);
    const text = decoded(mails[0]!.raw);
    for (const id of tasks) expect(text).toContain(`https://bcd.longan.test/nhiem-vu/${id}`);
    expect(text).toContain("Văn phòng đã xác nhận hoàn thành 3 nhiệm vụ");
    // Nothing else is left waiting to go out later.
    expect(await p().outboxMessage.count({ where: { kind: "email", sentAt: null, failedAt: null } })).toBe(0);
    expect(
      (await runOutbox(p(), { mailer, baseUrl: "https://bcd.longan.test", now: new Date(Date.now() + 3_600_000) }))
        .sent,
    ).toBe(0);
    expect(
      received()
        .slice(before)
        .filter((m) => m.to.includes("syt@longan.test")),
    ).toHaveLength(1);
  });

  it("undoing one of them counts its staff as already e-mailed and tells them", async () => {
    const { undoDecision } = await import("@/lib/assignments/undo");
    const sec = await f.user("longan.vanphong");
    const syt = await f.user("longan.syt");
    await undoDecision(p(), sec, { assignmentId: f.lead, version: await version(f.lead) });
    const titles = (await listNotifications(p(), syt)).rows.map((n) => n.title);
    expect(titles).toContain("Việc xác nhận hoàn thành nhiệm vụ của Sở Y tế đã được hoàn tác");
  });

  it("a bulk return across two agencies: each agency's staff get their own one e-mail, at once", async () => {
    const sec = await f.user("longan.vanphong");
    const ca = await f.user("longan.congan");
    await p().user.update({ where: { id: ca.id }, data: { email: "ca@longan.test", emailOptOut: [] } });
    await submitCompletion(
      p(),
      ca,
      { assignmentId: f.support, version: await version(f.support), text: "Đã phối hợp.", completedOn: "2021-07-06" },
      fixedClock("2021-07-06"),
    );
    await runOutbox(p(), { mailer, baseUrl: "https://bcd.longan.test" });
    const before = received().length;
    const out = await decideMany(p(), sec, {
      items: [
        { assignmentId: f.lead, version: await version(f.lead) },
        { assignmentId: f.support, version: await version(f.support) },
      ],
      decision: "return",
      reason: "Cần bổ sung số liệu.",
    });
    expect(out.done).toHaveLength(2);
    await runOutbox(p(), { mailer, baseUrl: "https://bcd.longan.test" });
    const mails = received().slice(before);
    expect(mails.map((m) => m.to).sort()).toEqual([["ca@longan.test"], ["syt@longan.test"]]);
    expect(decoded(mails.find((m) => m.to.includes("ca@longan.test"))!.raw)).toContain(
      "Kết quả của Công an tỉnh bị trả lại",
    );
    expect(await p().outboxMessage.count({ where: { kind: "email", sentAt: null, failedAt: null } })).toBe(0);
  });
});
