import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { undoDecision, UNDO_MINUTES } from "@/lib/assignments/undo";
import { decideExtension, requestExtension, startAssignment } from "@/lib/assignments/workflow";
import { StaleAssignmentError } from "@/lib/assignments/status";
import { ConflictError } from "@/lib/errors";
import { listNotifications, markNotificationsRead } from "@/lib/notifications/inbox";
import { createWorkflowFixture, DUE, fixedClock, type WorkflowFixture } from "@/tests/helpers/workflow-fixture";

// Issue 12: an extension decision (approved, possibly to another date, or refused) can be taken
// back by the person who made it for UNDO_MINUTES, as a confirmation or a return can: the request
// is pending again and the task's due day what it was. The fixture's lead task (Sở Y tế) is due
// 10/07/2021; on 05/07 the agency asks for 20/07.

let f: WorkflowFixture;
const p = () => f.t.prisma;
const clock = fixedClock("2021-07-06");
const later = (minutes: number) => () => new Date(Date.now() + minutes * 60_000);

const assignment = () =>
  p().assignment.findUniqueOrThrow({ where: { id: f.lead }, select: { version: true, dueOn: true } });
const request = (id: number) =>
  p().extensionRequest.findUniqueOrThrow({
    where: { id },
    select: { status: true, decidedById: true, decidedAt: true, decisionNote: true, grantedDueOn: true },
  });
const auditOf = async (entityType: string, entityId: number) =>
  (
    await p().auditLog.findMany({
      where: { entityType, entityId },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true, after: true },
    })
  ).map((a) => a.action);
const titles = async (username: string) =>
  (await listNotifications(p(), await f.user(username))).rows.map((n) => ({ title: n.title, read: !n.unread }));

let extensionId: number;

beforeAll(async () => {
  f = await createWorkflowFixture();
  const syt = await f.user("longan.syt");
  const asked = await requestExtension(
    p(),
    syt,
    {
      assignmentId: f.lead,
      version: (await assignment()).version,
      requestedDueOn: "2021-07-20",
      reason: "Chờ kết quả xét nghiệm.",
    },
    fixedClock("2021-07-05"),
  );
  extensionId = asked.extensionId;
  await markNotificationsRead(p(), syt, new Date());
});

afterAll(async () => {
  await f?.t.drop();
});

describe("undoing an extension decision", () => {
  it("takes back an approval to another date within minutes: pending again, due day restored, audited, notice withdrawn", async () => {
    const chair = await f.user("longan.chutich");
    const sec = await f.user("longan.vanphong");
    const decided = await decideExtension(
      p(),
      chair,
      {
        extensionId,
        version: (await assignment()).version,
        decision: "approve",
        grantedDueOn: "2021-07-25",
        note: "Gia hạn thêm để tổng hợp đủ kết quả.",
      },
      clock,
    );
    expect(decided.assignment.dueOn).toBe("2021-07-25");
    expect(await titles("longan.syt")).toContainEqual({ title: "Được gia hạn đến 25/07/2021", read: false });
    const target = { assignmentId: f.lead, version: decided.assignment.version };

    // The secretariat did not decide it: it cannot undo it.
    const other = undoDecision(p(), sec, target, clock);
    await expect(other).rejects.toBeInstanceOf(ConflictError);
    await expect(other).rejects.toThrow("của bạn");
    // After the five minutes, not even its author.
    const tooLate = undoDecision(p(), chair, target, clock, later(UNDO_MINUTES + 1));
    await expect(tooLate).rejects.toBeInstanceOf(ConflictError);
    await expect(tooLate).rejects.toThrow(`Đã quá ${UNDO_MINUTES} phút`);

    const undone = await undoDecision(p(), chair, target, clock, later(UNDO_MINUTES - 1));
    expect(undone.undid).toBe("extension.approve");
    expect(undone.message).toBe("Đã hoàn tác: đề nghị gia hạn trở lại chờ quyết định, thời hạn là 10/07/2021.");
    expect(undone.assignment.dueOn).toBe(DUE);
    expect((await assignment()).dueOn?.toISOString().slice(0, 10)).toBe(DUE);
    expect(await request(extensionId)).toEqual({
      status: "pending",
      decidedById: null,
      decidedAt: null,
      decisionNote: null,
      grantedDueOn: null,
    });
    // Nobody had read the decision: it is gone, with no note to replace it.
    expect((await titles("longan.syt")).filter((t) => !t.read)).toEqual([]);

    // Both the decision and its undoing stay in the audit, by the chairman.
    expect(await auditOf("ExtensionRequest", extensionId)).toEqual([
      "extension.request",
      "extension.approve",
      "extension.undo",
    ]);
    expect((await auditOf("Assignment", f.lead)).slice(-2)).toEqual(["assignment.extend", "assignment.undo"]);
    const undoRow = await p().auditLog.findFirstOrThrow({
      where: { entityType: "ExtensionRequest", entityId: extensionId, action: "extension.undo" },
      select: { actorId: true, before: true, after: true },
    });
    expect(undoRow).toEqual({
      actorId: chair.id,
      before: { status: "approved", decisionNote: "Gia hạn thêm để tổng hợp đủ kết quả.", grantedDueOn: "2021-07-25" },
      after: { status: "pending", undid: "extension.approve" },
    });

    // Nothing left to undo.
    await expect(
      undoDecision(p(), chair, { assignmentId: f.lead, version: undone.assignment.version }, clock),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("takes back a refusal too; whoever already read the decision is told it was undone", async () => {
    const chair = await f.user("longan.chutich");
    const syt = await f.user("longan.syt");
    // The request is pending again, so it can be decided again (and the agency is told again).
    const refused = await decideExtension(
      p(),
      chair,
      { extensionId, version: (await assignment()).version, decision: "refuse", note: "Không có căn cứ." },
      clock,
    );
    expect(await titles("longan.syt")).toContainEqual({
      title: "Đề nghị gia hạn của Sở Y tế không được đồng ý",
      read: false,
    });
    await markNotificationsRead(p(), syt, new Date());

    const undone = await undoDecision(p(), chair, { assignmentId: f.lead, version: refused.assignment.version }, clock);
    expect(undone.undid).toBe("extension.refuse");
    expect(undone.assignment.dueOn).toBe(DUE);
    expect((await request(extensionId)).status).toBe("pending");
    const unread = (await listNotifications(p(), syt)).rows.filter((n) => n.unread);
    expect(unread.map((n) => [n.title, n.body])).toEqual([
      [
        "Quyết định về đề nghị gia hạn của Sở Y tế đã được hoàn tác",
        expect.stringContaining("Đề nghị gia hạn đến 20/07/2021 trở lại chờ quyết định; thời hạn vẫn là 10/07/2021."),
      ],
    ]);
    expect((await auditOf("ExtensionRequest", extensionId)).slice(-2)).toEqual(["extension.refuse", "extension.undo"]);
  });

  it("is refused once the task changed since the decision", async () => {
    const chair = await f.user("longan.chutich");
    const syt = await f.user("longan.syt");
    const approved = await decideExtension(
      p(),
      chair,
      { extensionId, version: (await assignment()).version, decision: "approve" },
      clock,
    );
    expect(approved.assignment.dueOn).toBe("2021-07-20");
    // The agency starts work on the task meanwhile.
    const started = await startAssignment(
      p(),
      syt,
      { assignmentId: f.lead, version: approved.assignment.version },
      clock,
    );
    // The screen's version is stale…
    await expect(
      undoDecision(p(), chair, { assignmentId: f.lead, version: approved.assignment.version }, clock),
    ).rejects.toBeInstanceOf(StaleAssignmentError);
    // …and with the new one, the decision is no longer the task's last step.
    await expect(
      undoDecision(p(), chair, { assignmentId: f.lead, version: started.assignment.version }, clock),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await assignment()).dueOn?.toISOString().slice(0, 10)).toBe("2021-07-20");
    expect((await request(extensionId)).status).toBe("approved");
  });
});
