import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useDbForTests } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { GENERIC_ERROR_MESSAGE } from "@/lib/errors";
import { revalidated, testSession } from "@/tests/helpers/test-session";
import { createWorkflowFixture, EXE_BYTES, PDF_BYTES, type WorkflowFixture } from "@/tests/helpers/workflow-fixture";

// The server actions as a form calls them: FormData in (files as File), a plain result out.
// The session and Next's cache are the test stand-ins (tests/helpers/test-setup.ts); the gate,
// the services and the database are real.

const session = testSession;
const actions = await import("@/lib/assignments/actions");

let f: WorkflowFixture;

beforeAll(async () => {
  f = await createWorkflowFixture();
  useDbForTests(f.t.prisma);
});

afterAll(async () => {
  await f?.t.drop();
});

beforeEach(() => {
  revalidated.length = 0;
});

function form(fields: Record<string, string | File>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

const counts = async () => ({
  reports: await f.t.prisma.progressReport.count(),
  attachments: await f.t.prisma.attachment.count(),
});

describe("assignment server actions", () => {
  it("turns away a visitor without a session", async () => {
    session.user = null;
    const r = await actions.startAssignmentAction(null, form({ assignmentId: String(f.lead), version: "1" }));
    expect(r).toEqual({
      ok: false,
      code: "unauthenticated",
      message: "Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.",
    });
  });

  it("stores a progress report with its file and refreshes the agency's board", async () => {
    session.user = await f.user("longan.syt");
    const lead = await f.t.prisma.assignment.findUniqueOrThrow({ where: { id: f.lead }, select: { agencyId: true } });
    const r = await actions.reportProgressAction(
      null,
      form({
        assignmentId: String(f.lead),
        version: "1",
        text: "Đã triển khai.",
        evidenceNumber: "",
        evidenceDate: "",
        attachment: new File([PDF_BYTES], "bao-cao.pdf", { type: "application/pdf" }),
      }),
    );
    expect(r).toMatchObject({
      ok: true,
      message: "Đã gửi báo cáo tiến độ.",
      assignment: { state: "in_progress", version: 2 },
    });
    expect(revalidated).toContain(`/co-quan/${lead.agencyId}`);
    const stored = await f.t.prisma.progressReport.findFirstOrThrow({
      where: { assignmentId: f.lead },
      select: { evidenceNumber: true, attachment: { select: { fileName: true } } },
    });
    expect(stored).toEqual({ evidenceNumber: null, attachment: { fileName: "bao-cao.pdf" } });
  });

  it("treats an empty file input as no file", async () => {
    session.user = await f.user("longan.syt");
    const before = await counts();
    const r = await actions.reportProgressAction(
      null,
      form({ assignmentId: String(f.lead), version: "2", text: "Tiếp tục.", attachment: new File([], "") }),
    );
    expect(r.ok).toBe(true);
    expect(await counts()).toEqual({ reports: before.reports + 1, attachments: before.attachments });
  });

  it("answers a disguised or oversized file beside the file field, storing nothing", async () => {
    session.user = await f.user("longan.syt");
    const before = await counts();
    const disguised = await actions.reportProgressAction(
      null,
      form({
        assignmentId: String(f.lead),
        version: "3",
        text: "x",
        attachment: new File([EXE_BYTES], "quyet-dinh.pdf", { type: "application/pdf" }),
      }),
    );
    expect(disguised).toMatchObject({
      ok: false,
      fieldErrors: { attachment: [expect.stringMatching(/^Nội dung tệp “quyet-dinh.pdf” không phải PDF/)] },
    });
    const huge = await actions.submitCompletionAction(
      null,
      form({
        assignmentId: String(f.lead),
        version: "3",
        text: "x",
        completedOn: "2021-07-05",
        attachment: new File([new Uint8Array(10 * 1024 * 1024 + 1)], "lon.pdf"),
      }),
    );
    expect(huge).toMatchObject({
      ok: false,
      fieldErrors: { attachment: ["Tệp “lon.pdf” vượt quá giới hạn 10 MB (dung lượng 10.485.761 byte)."] },
    });
    expect(await counts()).toEqual(before);
  });

  it("answers field by field for a bad form", async () => {
    session.user = await f.user("longan.syt");
    const r = await actions.requestExtensionAction(
      null,
      form({ assignmentId: String(f.lead), version: "3", requestedDueOn: "2021-02-30", reason: "" }),
    );
    expect(r).toMatchObject({
      ok: false,
      fieldErrors: { requestedDueOn: ["Ngày không tồn tại"], reason: ["Vui lòng nêu lý do."] },
    });
  });

  it("hands back the current state when the form was stale", async () => {
    session.user = await f.user("longan.syt");
    const r = await actions.startAssignmentAction(null, form({ assignmentId: String(f.lead), version: "1" }));
    expect(r).toMatchObject({ ok: false, current: { id: f.lead, state: "in_progress", version: 3 } });
    expect(r.message).toMatch(/^Nhiệm vụ vừa được người khác cập nhật \(trạng thái hiện tại: Đang thực hiện\)/);
  });

  it("refuses what the role may not do, with the permission message", async () => {
    session.user = await f.user("longan.chutich");
    const r = await actions.confirmCompletionAction(null, form({ assignmentId: String(f.lead), version: "3" }));
    expect(r).toEqual({ ok: false, code: "forbidden", message: "Bạn không có quyền thực hiện thao tác này." });
    expect(revalidated).toEqual([]);
  });

  it("adds a comment: stored under the chairman's name with its audit row", async () => {
    const chairman = await f.user("longan.chutich");
    session.user = chairman;
    const r = await actions.addCommentAction(
      null,
      form({ assignmentId: String(f.lead), body: "  Khẩn trương hoàn thành.  " }),
    );
    expect(r).toMatchObject({ ok: true, message: "Đã gửi ý kiến." });
    if (!r.ok) throw new Error(r.message);
    const stored = await f.t.prisma.comment.findUniqueOrThrow({
      where: { id: r.commentId },
      select: { assignmentId: true, authorId: true, body: true },
    });
    expect(stored).toEqual({ assignmentId: f.lead, authorId: chairman.id, body: "Khẩn trương hoàn thành." });
    const row = await f.t.prisma.auditLog.findFirstOrThrow({
      where: { entityType: "Comment", entityId: r.commentId },
      select: { action: true, actorId: true, after: true },
    });
    expect(row).toEqual({
      action: "comment.create",
      actorId: chairman.id,
      after: { assignmentId: f.lead, body: "Khẩn trương hoàn thành." },
    });
  });

  it("shows a generic message, not the database's, when something unexpected breaks", async () => {
    session.user = await f.user("longan.syt");
    const spy = vi
      .spyOn(f.t.prisma.assignment, "findUnique")
      .mockRejectedValueOnce(new Error('relation "Assignment" does not exist'));
    const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
    const r = await actions.startAssignmentAction(null, form({ assignmentId: String(f.lead), version: "3" }));
    expect(r).toEqual({ ok: false, code: "internal", message: GENERIC_ERROR_MESSAGE });
    expect(logged).toHaveBeenCalled();
    spy.mockRestore();
    logged.mockRestore();
  });
});
