import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { undoDecision, UNDO_MINUTES } from "@/lib/assignments/undo";
import {
  confirmCompletion,
  decideExtension,
  requestExtension,
  returnCompletion,
  submitCompletion,
} from "@/lib/assignments/workflow";
import type { Db } from "@/lib/db/client";
import { withClockStamps } from "@/lib/db/stamps";
import { ConflictError } from "@/lib/errors";
import { createWorkflowFixture, type WorkflowFixture } from "@/tests/helpers/workflow-fixture";

// Issue 12: in the living demo (`npm start` on the played history sets DEMO_TODAY and APP_TODAY
// to the demo's day, lib/cli/start.ts) the audit rows are stamped on the demo's clock
// (lib/db/stamps.ts: that day at the current time of day). "Hoàn tác" must measure its five
// minutes on that clock too; measured on the real clock every step looked days old and every
// undo was refused. The env is read once (lib/env.ts), so it is set before anything reads it.

const DEMO_DAY = "2021-07-22";
const saved = vi.hoisted(() => {
  const before = { DEMO_TODAY: process.env.DEMO_TODAY, APP_TODAY: process.env.APP_TODAY };
  process.env.DEMO_TODAY = "2021-07-22";
  process.env.APP_TODAY = "2021-07-22";
  return before;
});

let f: WorkflowFixture;
let db: Db;
// 10:00 in Vietnam on the real day the demo is being looked at.
const REAL_START = new Date("2026-12-03T03:00:00Z").getTime();
const at = (minutes: number) => vi.setSystemTime(REAL_START + minutes * 60_000);
const version = async (id: number) =>
  (await db.assignment.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

beforeAll(async () => {
  f = await createWorkflowFixture();
  // The fixture's rows were stamped by the database on the real clock; in the demo everything
  // before the demo's day is dated inside its history. (The audit is append-only: its guard is
  // lifted for this one backdating, in the same transaction.)
  await f.t.prisma.$transaction([
    f.t.prisma.$executeRawUnsafe(`ALTER TABLE "AuditLog" DISABLE TRIGGER USER`),
    f.t.prisma.$executeRawUnsafe(`UPDATE "AuditLog" SET "createdAt" = '2021-07-01T02:00:00Z'`),
    f.t.prisma.$executeRawUnsafe(`ALTER TABLE "AuditLog" ENABLE TRIGGER USER`),
  ]);
  // The app's client stamps rows on the demo clock (lib/db/client.ts).
  db = withClockStamps(f.t.prisma) as unknown as Db;
  vi.useFakeTimers({ toFake: ["Date"] });
  at(0);
});

afterAll(async () => {
  vi.useRealTimers();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await f?.t.drop();
});

describe("undo on the demo's clock", () => {
  it("undoes a confirmation within the minutes and refuses it after, the audit row being dated on the demo day", async () => {
    const syt = await f.user("longan.syt");
    const sec = await f.user("longan.vanphong");
    await submitCompletion(db, syt, {
      assignmentId: f.recurring,
      version: await version(f.recurring),
      text: "Báo cáo tuần.",
      completedOn: "2021-07-20",
    });
    const confirmed = await confirmCompletion(db, sec, {
      assignmentId: f.recurring,
      version: await version(f.recurring),
    });
    const step = await db.auditLog.findFirstOrThrow({
      where: { entityType: "Assignment", entityId: f.recurring, action: "assignment.confirm" },
      select: { createdAt: true },
    });
    expect(step.createdAt.toISOString()).toBe(`${DEMO_DAY}T03:00:00.000Z`);

    at(UNDO_MINUTES - 1);
    const undone = await undoDecision(db, sec, { assignmentId: f.recurring, version: confirmed.assignment.version });
    expect(undone.undid).toBe("assignment.confirm");
    expect(undone.assignment.state).toBe("submitted");

    // Confirmed again; undone too late.
    at(10);
    const again = await confirmCompletion(db, sec, { assignmentId: f.recurring, version: undone.assignment.version });
    at(10 + UNDO_MINUTES + 1);
    const tooLate = undoDecision(db, sec, { assignmentId: f.recurring, version: again.assignment.version });
    await expect(tooLate).rejects.toBeInstanceOf(ConflictError);
    await expect(tooLate).rejects.toThrow(`Đã quá ${UNDO_MINUTES} phút`);
  });

  it("undoes a return and an extension decision on the same clock", async () => {
    const syt = await f.user("longan.syt");
    const sec = await f.user("longan.vanphong");
    const chair = await f.user("longan.chutich");

    at(30);
    await submitCompletion(db, syt, {
      assignmentId: f.noDeadline,
      version: await version(f.noDeadline),
      text: "Đã triển khai.",
      completedOn: "2021-07-21",
    });
    const returned = await returnCompletion(db, sec, {
      assignmentId: f.noDeadline,
      version: await version(f.noDeadline),
      reason: "Thiếu số liệu.",
    });
    at(32);
    const undoneReturn = await undoDecision(db, sec, {
      assignmentId: f.noDeadline,
      version: returned.assignment.version,
    });
    expect(undoneReturn.undid).toBe("assignment.return");

    at(40);
    const asked = await requestExtension(db, syt, {
      assignmentId: f.lead,
      version: await version(f.lead),
      requestedDueOn: "2021-07-30",
      reason: "Chờ kết quả xét nghiệm.",
    });
    const decided = await decideExtension(db, chair, {
      extensionId: asked.extensionId,
      version: await version(f.lead),
      decision: "approve",
    });
    at(43);
    const undoneExtension = await undoDecision(db, chair, {
      assignmentId: f.lead,
      version: decided.assignment.version,
    });
    expect(undoneExtension.undid).toBe("extension.approve");
  });
});
