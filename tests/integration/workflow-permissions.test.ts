import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignmentTimeline, getAssignmentDetail } from "@/lib/assignments/detail";
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
import type { SessionUser } from "@/lib/auth/user";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { fromIsoDay } from "@/lib/time/calendar";
import {
  createWorkflowFixture,
  DUE,
  fixedClock,
  PDF_BYTES,
  type WorkflowFixture,
} from "@/tests/helpers/workflow-fixture";

// THE MATRIX: every role × every workflow action × an assignment of the user's own agency (Sở Y
// tế, Long An), of another agency of the same province (Công an tỉnh, which supports Sở Y tế on
// the same directive), and of another province (Sở Y tế, Lạng Sơn). Before each case the
// assignment is put in the state the action needs, so that only permission decides. Refused
// cases must leave every row as it was.

type Outcome = "ok" | "forbidden" | "notfound";
type TargetName = "own" | "otherAgency" | "otherProvince";
type ActionName =
  | "start"
  | "report"
  | "submit"
  | "confirm"
  | "return"
  | "requestExtension"
  | "decideExtension"
  | "comment"
  | "read"
  | "readAttachment";

const O = "ok",
  F = "forbidden",
  N = "notfound";
const WORK: [Outcome, Outcome, Outcome] = [O, N, N];

// Written by hand from the brief. An agency's staff do not even learn that another agency's or
// province's task exists (not found); the province's leadership sees its tasks but may only do
// its own part (forbidden). The lead agency (Sở Y tế) may download its supporter's files.
const EXPECTED: Record<string, { username: string; outcomes: Record<ActionName, [Outcome, Outcome, Outcome]> }> = {
  agency_staff: {
    username: "longan.syt",
    outcomes: {
      start: WORK,
      report: WORK,
      submit: WORK,
      requestExtension: WORK,
      comment: WORK,
      read: WORK,
      confirm: [F, N, N],
      return: [F, N, N],
      decideExtension: [F, N, N],
      readAttachment: [O, O, N],
    },
  },
  secretariat: {
    username: "longan.vanphong",
    outcomes: {
      start: [F, F, N],
      report: [F, F, N],
      submit: [F, F, N],
      requestExtension: [F, F, N],
      confirm: [O, O, N],
      return: [O, O, N],
      decideExtension: [O, O, N],
      comment: [O, O, N],
      read: [O, O, N],
      readAttachment: [O, O, N],
    },
  },
  chairman: {
    username: "longan.chutich",
    outcomes: {
      start: [F, F, N],
      report: [F, F, N],
      submit: [F, F, N],
      requestExtension: [F, F, N],
      confirm: [F, F, N],
      return: [F, F, N],
      decideExtension: [O, O, N],
      comment: [O, O, N],
      read: [O, O, N],
      readAttachment: [O, O, N],
    },
  },
  admin: {
    username: "longan.quantri",
    outcomes: {
      start: [F, F, N],
      report: [F, F, N],
      submit: [F, F, N],
      requestExtension: [F, F, N],
      confirm: [F, F, N],
      return: [F, F, N],
      decideExtension: [F, F, N],
      comment: [F, F, N],
      read: [O, O, N],
      readAttachment: [O, O, N],
    },
  },
  // The system administrator belongs to no province: reads everywhere, changes nothing.
  "admin (system)": {
    username: "quantri",
    outcomes: {
      start: [F, F, F],
      report: [F, F, F],
      submit: [F, F, F],
      requestExtension: [F, F, F],
      confirm: [F, F, F],
      return: [F, F, F],
      decideExtension: [F, F, F],
      comment: [F, F, F],
      read: [O, O, O],
      readAttachment: [O, O, O],
    },
  },
};

let f: WorkflowFixture;
const clock = fixedClock("2021-07-05");
const targets: Record<TargetName, number> = { own: 0, otherAgency: 0, otherProvince: 0 };

beforeAll(async () => {
  f = await createWorkflowFixture();
  targets.own = f.lead;
  targets.otherAgency = f.support;
  targets.otherProvince = f.otherProvince;
});

afterAll(async () => {
  await f?.t.drop();
});

/** Puts the assignment in the state the action needs; returns its version and the ids the action uses. */
async function prepare(
  action: ActionName,
  id: number,
): Promise<{ version: number; extensionId: number; attachmentId: number }> {
  const p = f.t.prisma;
  const state =
    action === "start" ? "not_started" : action === "confirm" || action === "return" ? "submitted" : "in_progress";
  await p.extensionRequest.deleteMany({ where: { assignmentId: id, status: "pending" } });
  const a = await p.assignment.update({
    where: { id },
    data: {
      state,
      dueOn: fromIsoDay(DUE),
      completedOn: state === "submitted" ? fromIsoDay("2021-07-04") : null,
      confirmedAt: null,
    },
    select: { version: true, provinceId: true },
  });
  let extensionId = 0;
  if (action === "decideExtension") {
    const e = await p.extensionRequest.create({
      data: {
        assignmentId: id,
        originalDueOn: fromIsoDay(DUE),
        requestedDueOn: fromIsoDay("2021-08-31"),
        reason: "Cần thêm thời gian.",
      },
      select: { id: true },
    });
    extensionId = e.id;
  }
  let attachmentId = 0;
  if (action === "readAttachment") {
    const file = await p.attachment.create({
      data: {
        provinceId: a.provinceId,
        fileName: "minh-chung.pdf",
        mimeType: "application/pdf",
        size: PDF_BYTES.byteLength,
        sha256: "x",
        data: new Uint8Array(PDF_BYTES),
      },
      select: { id: true },
    });
    await p.progressReport.create({ data: { assignmentId: id, text: "Báo cáo có tệp", attachmentId: file.id } });
    attachmentId = file.id;
  }
  return { version: a.version, extensionId, attachmentId };
}

async function perform(
  action: ActionName,
  actor: SessionUser,
  id: number,
  prep: { version: number; extensionId: number; attachmentId: number },
): Promise<unknown> {
  const db = f.t.prisma;
  const base = { assignmentId: id, version: prep.version };
  switch (action) {
    case "start":
      return startAssignment(db, actor, base, clock);
    case "report":
      return reportProgress(db, actor, { ...base, text: "Tiến độ", attachment: new File([PDF_BYTES], "a.pdf") }, clock);
    case "submit":
      return submitCompletion(db, actor, { ...base, text: "Xong", completedOn: "2021-07-05" }, clock);
    case "confirm":
      return confirmCompletion(db, actor, base, clock);
    case "return":
      return returnCompletion(db, actor, { ...base, reason: "Chưa đạt" });
    case "requestExtension":
      return requestExtension(
        db,
        actor,
        { ...base, requestedDueOn: "2021-08-31", reason: "Cần thêm thời gian" },
        clock,
      );
    case "decideExtension":
      return decideExtension(
        db,
        actor,
        { extensionId: prep.extensionId, version: prep.version, decision: "approve" },
        clock,
      );
    case "comment":
      return addComment(db, actor, { assignmentId: id, body: "Ý kiến" });
    case "read":
      return getAssignmentDetail(db, actor, id, clock);
    case "readAttachment":
      return readAttachment(db, actor, prep.attachmentId);
  }
}

/** Everything a refused action could have touched. */
async function snapshot(id: number) {
  const p = f.t.prisma;
  return {
    assignment: await p.assignment.findUniqueOrThrow({ where: { id } }),
    reports: await p.progressReport.count(),
    attachments: await p.attachment.count(),
    extensions: await p.extensionRequest.findMany({ where: { assignmentId: id }, orderBy: { id: "asc" } }),
    comments: await p.comment.count(),
    audit: await p.auditLog.count(),
  };
}

const READS: ActionName[] = ["read", "readAttachment"];

describe("permission matrix of the assignment workflow", () => {
  for (const [role, { username, outcomes }] of Object.entries(EXPECTED)) {
    describe(role, () => {
      for (const [action, expected] of Object.entries(outcomes) as [ActionName, [Outcome, Outcome, Outcome]][]) {
        (["own", "otherAgency", "otherProvince"] as const).forEach((targetName, i) => {
          const outcome = expected[i]!;
          it(`${action} · ${targetName} → ${outcome}`, async () => {
            const actor = await f.user(username);
            const id = targets[targetName];
            const prep = await prepare(action, id);
            const before = await snapshot(id);
            const attempt = perform(action, actor, id, prep);
            if (outcome === "ok") {
              const result = (await attempt) as Record<string, unknown>;
              // What was read or changed is the targeted task (or its file), not some other record.
              if (action === "read") expect((result.assignment as { id: number }).id).toBe(id);
              else if (action === "readAttachment")
                expect(result).toMatchObject({ id: prep.attachmentId, fileName: "minh-chung.pdf" });
              else if (action === "comment")
                expect(result).toMatchObject({ assignmentId: id, commentId: expect.any(Number) });
              else expect((result.assignment as { id: number }).id).toBe(id);
              const after = await snapshot(id);
              if (READS.includes(action)) {
                expect(after).toEqual(before);
              } else {
                expect(after.audit).toBeGreaterThan(before.audit);
                if (action !== "comment") expect(after.assignment.version).toBe(before.assignment.version + 1);
                else expect(after.comments).toBe(before.comments + 1);
              }
            } else {
              await expect(attempt).rejects.toThrow(outcome === "forbidden" ? ForbiddenError : NotFoundError);
              await expect(attempt).rejects.toThrow(
                outcome === "forbidden" ? /không có quyền/ : /không tồn tại hoặc bạn không có quyền xem/,
              );
              expect(await snapshot(id)).toEqual(before);
            }
          });
        });
      }
    });
  }

  it("answers another province's directive history as not found, and one's own as a list", async () => {
    const other = await f.t.prisma.assignment.findUniqueOrThrow({
      where: { id: f.otherProvince },
      select: { directiveId: true },
    });
    for (const username of ["longan.syt", "longan.vanphong", "longan.chutich", "longan.quantri"]) {
      await expect(assignmentTimeline(f.t.prisma, await f.user(username), other.directiveId)).rejects.toThrow(
        NotFoundError,
      );
      await expect(assignmentTimeline(f.t.prisma, await f.user(username), f.directiveId)).resolves.toBeInstanceOf(
        Array,
      );
    }
    // An agency with no part in a directive does not see its history.
    const longAnDistrict = await f.user("longan.huyen");
    await expect(assignmentTimeline(f.t.prisma, longAnDistrict, f.directiveId)).rejects.toThrow(NotFoundError);
  });
});
