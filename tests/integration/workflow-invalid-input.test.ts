import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { getAssignmentDetail } from "@/lib/assignments/detail";
import {
  ZAddComment,
  ZDecideExtension,
  ZReportProgress,
  ZRequestExtension,
  ZReturnCompletion,
  ZStartAssignment,
  ZSubmitCompletion,
} from "@/lib/assignments/schemas";
import {
  addComment,
  decideExtension,
  reportProgress,
  requestExtension,
  returnCompletion,
  startAssignment,
  submitCompletion,
} from "@/lib/assignments/workflow";
import { readAttachment } from "@/lib/attachments/store";
import { MAX_UPLOAD_BYTES } from "@/lib/attachments/validate";
import type { SessionUser } from "@/lib/auth/user";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import {
  createWorkflowFixture,
  EXE_BYTES,
  fixedClock,
  HTML_BYTES,
  PDF_BYTES,
  type WorkflowFixture,
} from "@/tests/helpers/workflow-fixture";

// Wrong input of every kind, parsed as the gate parses it (then the service): each is answered with a message a user understands (in Vietnamese,
// on the right field) and leaves the database exactly as it was.

let f: WorkflowFixture;
let syt: SessionUser;
let sec: SessionUser;
let before: Awaited<ReturnType<typeof everything>>;
const clock = fixedClock("2021-07-05");

beforeAll(async () => {
  f = await createWorkflowFixture();
  syt = await f.user("longan.syt");
  sec = await f.user("longan.vanphong");
});

afterAll(async () => {
  await f?.t.drop();
});

async function everything() {
  const p = f.t.prisma;
  return {
    assignments: await p.assignment.findMany({ where: { id: { in: [f.lead, f.support] } }, orderBy: { id: "asc" } }),
    reports: await p.progressReport.count(),
    attachments: await p.attachment.count(),
    extensions: await p.extensionRequest.findMany({ orderBy: { id: "asc" } }),
    comments: await p.comment.count(),
    audit: await p.auditLog.count(),
  };
}

beforeEach(async () => {
  before = await everything();
});

/** What the gate does before a service runs: parse with the action's schema (lib/validation/parse.ts). */
function via<S extends z.ZodType, R>(schema: S, input: unknown, run: (parsed: z.output<S>) => Promise<R>): Promise<R> {
  return Promise.resolve().then(() => run(parseWith(schema, input)));
}

/** Expects a ValidationError with `message` on `field`, and nothing stored. */
async function refused(attempt: Promise<unknown>, field: string, message: string | RegExp): Promise<void> {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  const v = error as ValidationError;
  if (typeof message === "string") expect(v.message).toBe(message);
  else expect(v.message).toMatch(message);
  expect(v.fieldErrors[field]?.[0]).toBe(v.message);
  expect(await everything()).toEqual(before);
}

const report = (extra: Record<string, unknown>) =>
  via(ZReportProgress, { assignmentId: f.lead, version: 1, text: "Tiến độ", ...extra } as never, (i) =>
    reportProgress(f.t.prisma, syt, i, clock),
  );

describe("impossible and out-of-range dates", () => {
  it("refuses 30 February", async () => {
    await refused(report({ evidenceDate: "2021-02-30" }), "evidenceDate", "Ngày không tồn tại");
  });

  it("refuses a month 13 and a date not written YYYY-MM-DD", async () => {
    await refused(
      via(ZSubmitCompletion, { assignmentId: f.lead, version: 1, text: "Xong", completedOn: "2021-13-01" }, (i) =>
        submitCompletion(f.t.prisma, syt, i, clock),
      ),
      "completedOn",
      "Ngày không tồn tại",
    );
    await refused(
      via(ZSubmitCompletion, { assignmentId: f.lead, version: 1, text: "Xong", completedOn: "05/07/2021" }, (i) =>
        submitCompletion(f.t.prisma, syt, i, clock),
      ),
      "completedOn",
      "Ngày không hợp lệ, nhập theo dạng dd/mm/yyyy",
    );
  });

  it("refuses a completion day or evidence day after today, and a missing completion day", async () => {
    await refused(
      via(ZSubmitCompletion, { assignmentId: f.lead, version: 1, text: "Xong", completedOn: "2021-07-06" }, (i) =>
        submitCompletion(f.t.prisma, syt, i, clock),
      ),
      "completedOn",
      "Ngày hoàn thành không được sau ngày hôm nay.",
    );
    await refused(
      report({ evidenceDate: "2021-07-06" }),
      "evidenceDate",
      "Ngày của văn bản minh chứng không được sau ngày hôm nay.",
    );
    await refused(
      via(ZSubmitCompletion, { assignmentId: f.lead, version: 1, text: "Xong", completedOn: "" }, (i) =>
        submitCompletion(f.t.prisma, syt, i, clock),
      ),
      "completedOn",
      "Vui lòng nhập ngày hoàn thành.",
    );
  });

  it("refuses an extension to a date not after the current due date (10/07/2021)", async () => {
    await refused(
      via(
        ZRequestExtension,
        { assignmentId: f.lead, version: 1, requestedDueOn: "2021-07-08", reason: "Cần thêm thời gian" },
        (i) => requestExtension(f.t.prisma, syt, i, clock),
      ),
      "requestedDueOn",
      "Thời hạn đề nghị phải sau thời hạn hiện tại (10/07/2021).",
    );
    await refused(
      via(
        ZRequestExtension,
        { assignmentId: f.lead, version: 1, requestedDueOn: "2021-07-10", reason: "Cần thêm thời gian" },
        (i) => requestExtension(f.t.prisma, syt, i, clock),
      ),
      "requestedDueOn",
      "Thời hạn đề nghị phải sau thời hạn hiện tại (10/07/2021).",
    );
    await refused(
      via(
        ZRequestExtension,
        { assignmentId: f.lead, version: 1, requestedDueOn: "2021-02-29", reason: "Cần thêm thời gian" },
        (i) => requestExtension(f.t.prisma, syt, i, clock),
      ),
      "requestedDueOn",
      "Ngày không tồn tại",
    );
  });
});

describe("missing or empty text", () => {
  it("refuses an extension without a reason (spaces only)", async () => {
    await refused(
      via(ZRequestExtension, { assignmentId: f.lead, version: 1, requestedDueOn: "2021-08-31", reason: "   " }, (i) =>
        requestExtension(f.t.prisma, syt, i, clock),
      ),
      "reason",
      "Vui lòng nêu lý do.",
    );
  });

  it("refuses an empty progress report and an empty comment, and a comment too long", async () => {
    await refused(report({ text: "" }), "text", "Vui lòng nhập nội dung báo cáo.");
    await refused(
      via(ZAddComment, { assignmentId: f.lead, body: " \n " }, (i) => addComment(f.t.prisma, syt, i)),
      "body",
      "Vui lòng nhập nội dung ý kiến.",
    );
    await refused(
      via(ZAddComment, { assignmentId: f.lead, body: "x".repeat(4001) }, (i) => addComment(f.t.prisma, syt, i)),
      "body",
      "Ý kiến quá dài (tối đa 4.000 ký tự).",
    );
  });

  it("refuses returning a result without a reason", async () => {
    await f.t.prisma.assignment.update({
      where: { id: f.support },
      data: { state: "submitted", completedOn: new Date("2021-07-01T00:00:00Z") },
    });
    before = await everything();
    await refused(
      via(ZReturnCompletion, { assignmentId: f.support, version: 1, reason: "" }, (i) =>
        returnCompletion(f.t.prisma, sec, i),
      ),
      "reason",
      "Vui lòng nêu lý do.",
    );
  });

  it("refuses refusing an extension without saying why", async () => {
    const asked = await via(
      ZRequestExtension,
      { assignmentId: f.lead, version: 1, requestedDueOn: "2021-08-31", reason: "Chờ xét nghiệm" },
      (i) => requestExtension(f.t.prisma, syt, i, clock),
    );
    before = await everything();
    await refused(
      via(
        ZDecideExtension,
        { extensionId: asked.extensionId, version: asked.assignment.version, decision: "refuse" },
        (i) => decideExtension(f.t.prisma, sec, i, clock),
      ),
      "note",
      "Vui lòng nêu lý do không đồng ý gia hạn.",
    );
    await refused(
      via(
        ZDecideExtension,
        { extensionId: asked.extensionId, version: asked.assignment.version, decision: "maybe" } as never,
        (i) => decideExtension(f.t.prisma, sec, i, clock),
      ),
      "decision",
      "Vui lòng chọn đồng ý hoặc không đồng ý gia hạn.",
    );
    // Put the assignment back as the other tests expect it (version 1, no pending request).
    await f.t.prisma.extensionRequest.deleteMany({ where: { id: asked.extensionId } });
    await f.t.prisma.assignment.update({ where: { id: f.lead }, data: { version: 1 } });
  });
});

describe("uploads", () => {
  it("refuses a file of 10 MB + 1 byte and accepts one of exactly 10 MB", async () => {
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(PDF_BYTES);
    await refused(
      report({ attachment: new File([big], "lon.pdf") }),
      "attachment",
      "Tệp “lon.pdf” vượt quá giới hạn 10 MB (dung lượng 10.485.761 byte).",
    );
    const limit = big.subarray(0, MAX_UPLOAD_BYTES);
    const ok = await report({ attachment: new File([limit], "vua-du.pdf") });
    expect(ok.attachment?.size).toBe(MAX_UPLOAD_BYTES);
    await f.t.prisma.assignment.update({
      where: { id: f.lead },
      data: { version: 1, state: "not_started", startedAt: null },
    });
  });

  it("refuses a program renamed .pdf and a web page named .png", async () => {
    await refused(
      report({ attachment: new File([EXE_BYTES], "bao-cao.pdf") }),
      "attachment",
      "Nội dung tệp “bao-cao.pdf” không phải PDF (nội dung thực là tệp .exe). Tệp có thể đã bị đổi tên; vui lòng gửi đúng tệp gốc.",
    );
    await refused(
      report({ attachment: new File([HTML_BYTES], "anh.png") }),
      "attachment",
      "Nội dung tệp “anh.png” không phải ảnh PNG. Tệp có thể đã bị đổi tên; vui lòng gửi đúng tệp gốc.",
    );
  });

  it("refuses a kind it does not take, even when the content is real", async () => {
    await refused(
      report({ attachment: new File([EXE_BYTES], "cai-dat.exe") }),
      "attachment",
      /^Không nhận tệp \.exe\. Chỉ nhận tệp PDF/,
    );
    await refused(report({ attachment: new File([], "rong.pdf") }), "attachment", "Tệp “rong.pdf” rỗng.");
  });
});

describe("ids", () => {
  it("answers unknown assignments, requests and files as not found, storing nothing", async () => {
    await expect(
      via(ZStartAssignment, { assignmentId: 987654, version: 1 }, (i) => startAssignment(f.t.prisma, syt, i, clock)),
    ).rejects.toThrow(NotFoundError);
    await expect(
      via(ZStartAssignment, { assignmentId: 987654, version: 1 }, (i) => startAssignment(f.t.prisma, syt, i, clock)),
    ).rejects.toThrow("Nhiệm vụ không tồn tại hoặc bạn không có quyền xem.");
    await expect(
      via(ZDecideExtension, { extensionId: 987654, version: 1, decision: "approve" }, (i) =>
        decideExtension(f.t.prisma, sec, i, clock),
      ),
    ).rejects.toThrow("Đề nghị gia hạn không tồn tại");
    await expect(readAttachment(f.t.prisma, syt, 987654)).rejects.toThrow("Tệp đính kèm không tồn tại");
    await expect(getAssignmentDetail(f.t.prisma, syt, 987654)).rejects.toThrow(NotFoundError);
    await expect(getAssignmentDetail(f.t.prisma, syt, -3)).rejects.toThrow(NotFoundError);
    await expect(readAttachment(f.t.prisma, syt, Number.NaN)).rejects.toThrow(NotFoundError);
    expect(await everything()).toEqual(before);
  });

  for (const bad of [-1, 0, 1.5, Number.NaN, "abc", "", 2 ** 31, "2147483648", null, "0x1CC", "1e3", " 7", true, [2]]) {
    it(`refuses the assignment id ${typeof bad === "string" ? JSON.stringify(bad) : String(bad)} as invalid`, async () => {
      await refused(
        via(ZStartAssignment, { assignmentId: bad, version: 1 } as never, (i) =>
          startAssignment(f.t.prisma, syt, i, clock),
        ),
        "assignmentId",
        "Mã nhiệm vụ không hợp lệ.",
      );
    });
  }

  it("refuses a missing or broken version", async () => {
    await refused(
      via(ZStartAssignment, { assignmentId: f.lead } as never, (i) => startAssignment(f.t.prisma, syt, i, clock)),
      "version",
      /Phiên bản|phiên bản/,
    );
    await refused(
      via(ZStartAssignment, { assignmentId: f.lead, version: -2 }, (i) => startAssignment(f.t.prisma, syt, i, clock)),
      "version",
      "Phiên bản nhiệm vụ không hợp lệ.",
    );
    // Values that merely coerce to the number 460, 1 or 2 are not versions.
    for (const version of ["0x1CC", true, [2], "1.0", "+1"]) {
      await refused(
        via(ZStartAssignment, { assignmentId: f.lead, version }, (i) => startAssignment(f.t.prisma, syt, i, clock)),
        "version",
        "Phiên bản nhiệm vụ không hợp lệ.",
      );
    }
  });

  it("refuses text with a NUL or another control character before it reaches PostgreSQL", async () => {
    await refused(report({ text: "Đã triển khai\u0000 xong" }), "text", /ký tự điều khiển/);
    await refused(report({ evidenceNumber: "12/\u0007BC" }), "evidenceNumber", /ký tự điều khiển/);
  });

  it("refuses a state change that makes no sense, with the state named", async () => {
    await expect(
      via(ZReturnCompletion, { assignmentId: f.lead, version: 1, reason: "Chưa đạt" }, (i) =>
        returnCompletion(f.t.prisma, sec, i),
      ),
    ).rejects.toThrow(
      new ConflictError("Chỉ trả lại được nhiệm vụ đang chờ xác nhận (trạng thái hiện tại: Chưa thực hiện)."),
    );
    expect(await everything()).toEqual(before);
  });
});
