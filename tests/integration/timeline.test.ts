import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignmentTimeline } from "@/lib/assignments/detail";
import { addComment, requestExtension, startAssignment } from "@/lib/assignments/workflow";
import { NotFoundError } from "@/lib/errors";
import { createWorkflowFixture, fixedClock, type WorkflowFixture } from "@/tests/helpers/workflow-fixture";

// A task's history shows that agency's events, not every agency's of the directive (issue 14).
// Directive 1 of the fixture: Sở Y tế leads, Công an tỉnh supports. Công an starts its task, asks
// for an extension and comments; Sở Y tế does nothing.

let f: WorkflowFixture;
const clock = fixedClock("2021-07-02");

beforeAll(async () => {
  f = await createWorkflowFixture();
  const congan = await f.user("longan.congan");
  await startAssignment(f.t.prisma, congan, { assignmentId: f.support, version: 1 }, clock);
  await requestExtension(
    f.t.prisma,
    congan,
    { assignmentId: f.support, version: 2, requestedDueOn: "2021-07-31", reason: "Chờ phối hợp." },
    clock,
  );
  await addComment(f.t.prisma, congan, { assignmentId: f.support, body: "Đã nhận." });
});
afterAll(async () => f?.t.drop());

const lines = (events: { label: string; agencyName: string | null }[]) =>
  events.map((e) => `${e.label}${e.agencyName ? ` · ${e.agencyName}` : ""}`).sort();

describe("a task's history", () => {
  it("on the supporter's task: the directive's entries and its own, whoever reads it", async () => {
    const expected = [
      "Bắt đầu thực hiện · Công an tỉnh",
      "Ghi nhận chỉ đạo",
      "Giao nhiệm vụ · Công an tỉnh",
      "Xin gia hạn · Công an tỉnh",
      "Ý kiến trao đổi · Công an tỉnh",
    ].sort();
    for (const username of ["longan.congan", "longan.vanphong", "longan.chutich"]) {
      const events = await assignmentTimeline(f.t.prisma, await f.user(username), f.directiveId, {
        assignmentId: f.support,
      });
      expect(lines(events)).toEqual(expected);
    }
  });

  it("on the lead's task: its own entries and its supporter's state changes, not the supporter's extension or comment", async () => {
    const expected = ["Bắt đầu thực hiện · Công an tỉnh", "Ghi nhận chỉ đạo", "Giao nhiệm vụ · Sở Y tế"].sort();
    for (const username of ["longan.syt", "longan.vanphong"]) {
      const events = await assignmentTimeline(f.t.prisma, await f.user(username), f.directiveId, {
        assignmentId: f.lead,
      });
      expect(lines(events)).toEqual(expected);
    }
  });

  it("the directive's page still shows every agency's entries to the secretariat", async () => {
    const events = await assignmentTimeline(f.t.prisma, await f.user("longan.vanphong"), f.directiveId);
    expect(lines(events).filter((l) => l.startsWith("Giao nhiệm vụ"))).toEqual([
      "Giao nhiệm vụ · Công an tỉnh",
      "Giao nhiệm vụ · Sở Y tế",
    ]);
    expect(lines(events)).toContain("Xin gia hạn · Công an tỉnh");
  });

  it("another agency's task is not found", async () => {
    await expect(
      assignmentTimeline(f.t.prisma, await f.user("longan.congan"), f.directiveId, { assignmentId: f.lead }),
    ).rejects.toThrow(NotFoundError);
    await expect(
      assignmentTimeline(f.t.prisma, await f.user("longan.vanphong"), f.directiveId, { assignmentId: f.recurring }),
    ).rejects.toThrow(NotFoundError);
  });
});
