import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { ConflictError, NotFoundError } from "@/lib/errors";
import {
  cancelIntakeJob,
  intakeJobPageImage,
  intakeJobResult,
  intakeJobView,
  startIntakeJob,
  type JobView,
} from "@/lib/intake/jobs";
import { proposeNotice } from "@/lib/intake/service";
import { locateDoubts } from "@/lib/intake/scan-marks";
import { ocrAvailable } from "@/lib/ocr/tools";
import { seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

// OCR jobs of the intake page: a scan is recognised off the request, its progress is stored page
// by page, only its uploader sees it, it can be cancelled, a job whose server died says so, and
// the finished job gives the text, the page images and the doubtful words for the review screen.

const FIX = join(__dirname, "../fixtures/ocr");
const bytes = (f: string) => new Uint8Array(readFileSync(join(FIX, f)));
const available = await ocrAvailable();
const ocr = describe.skipIf(!available);

let t: TestDatabase;
const users: Record<string, SessionUser> = {};

async function until(user: SessionUser, id: number, done: (v: JobView) => boolean, seen: JobView[] = []) {
  const deadline = Date.now() + 110_000;
  for (;;) {
    const view = await intakeJobView(t.prisma, user, id);
    seen.push(view);
    if (done(view)) return view;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${view.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
  for (const name of ["longan.vanphong", "langson.vanphong", "longan.chutich"]) {
    const row = await t.prisma.user.findUniqueOrThrow({ where: { username: name }, select: { id: true } });
    users[name] = (await loadSessionUser(t.prisma, row.id))!;
  }
});

afterAll(async () => {
  await t?.drop();
});

ocr("OCR jobs of the intake page", { timeout: 150_000 }, () => {
  it("recognises a photo in the background, page by page, for its uploader only", async () => {
    const me = users["longan.vanphong"]!;
    const started = await startIntakeJob(t.prisma, me, "cong-dien.jpg", bytes("tay-ninh-cd-09-photo.jpg"));
    expect(started.status).toBe("queued");
    // Nobody else sees it: another province's secretariat is told it does not exist.
    await expect(intakeJobView(t.prisma, users["langson.vanphong"]!, started.id)).rejects.toThrow(NotFoundError);
    await expect(intakeJobResult(t.prisma, me, started.id)).rejects.toThrow(ConflictError);

    const seen: JobView[] = [];
    const done = await until(me, started.id, (v) => v.status === "done" || v.status === "failed", seen);
    expect(done.status).toBe("done");
    expect(seen.some((v) => v.status === "running" && v.progress?.phase === "recognising")).toBe(true);

    const result = await intakeJobResult(t.prisma, me, started.id);
    expect(result.source.kind).toBe("ocr");
    expect(result.text).toContain("09/CĐ-UBND");
    expect(result.pages).toHaveLength(1);
    expect(result.pages[0]!.hasImage).toBe(true);
    const image = await intakeJobPageImage(t.prisma, me, started.id, 1);
    expect(image.mime).toBe("image/jpeg");
    expect(image.bytes.subarray(0, 3)).toEqual(new Uint8Array([0xff, 0xd8, 0xff]));
    await expect(intakeJobPageImage(t.prisma, users["langson.vanphong"]!, started.id, 1)).rejects.toThrow(
      NotFoundError,
    );

    // The upload itself is not kept once read.
    const row = await t.prisma.intakeJob.findUniqueOrThrow({ where: { id: started.id }, select: { file: true } });
    expect(row.file).toBeNull();

    // The review screen: the proposal from the text, and the doubtful words placed in that text.
    const proposal = await proposeNotice(t.prisma, me, result.text);
    expect(proposal.draft.notice).toMatchObject({ kind: "CD", number: "09/CĐ-UBND" });
    const doubts = locateDoubts(proposal.sourceText, result.pages);
    const low = result.pages[0]!.words.filter((w) => w.low && w.start !== null).length;
    expect(doubts.length).toBeGreaterThan(0);
    expect(doubts.length).toBeLessThanOrEqual(low);
    for (const d of doubts) {
      expect(proposal.sourceText.slice(d.start, d.end)).toBe(result.pages[0]!.words[d.word]!.text);
      expect(d.confidence).toBeLessThan(60);
    }
  });

  it("is cancelled by its uploader, waiting or running, and keeps nothing", async () => {
    const me = users["longan.vanphong"]!;
    const job = await startIntakeJob(t.prisma, me, "ban-quet.pdf", bytes("an-giang-tb-655-scan.pdf"));
    await until(me, job.id, (v) => v.status === "running");
    const cancelled = await cancelIntakeJob(t.prisma, me, job.id);
    expect(cancelled.status).toMatch(/cancelled|running/);
    const final = await until(me, job.id, (v) => v.status !== "running" && v.status !== "queued");
    expect(final.status).toBe("cancelled");
    expect(await t.prisma.intakeJobPage.count({ where: { jobId: job.id } })).toBe(0);
    await expect(intakeJobResult(t.prisma, me, job.id)).rejects.toThrow(ConflictError);
  });

  it("limits open jobs per person, and says so in Vietnamese", async () => {
    const me = users["longan.vanphong"]!;
    const a = await startIntakeJob(t.prisma, me, "a.jpg", bytes("tay-ninh-cd-09-photo.jpg"));
    const b = await startIntakeJob(t.prisma, me, "b.jpg", bytes("tay-ninh-cd-09-photo.jpg"));
    await expect(startIntakeJob(t.prisma, me, "c.jpg", bytes("tay-ninh-cd-09-photo.jpg"))).rejects.toThrow(
      /đang có bản quét khác chờ nhận dạng/,
    );
    await cancelIntakeJob(t.prisma, me, a.id);
    await cancelIntakeJob(t.prisma, me, b.id);
    await until(me, b.id, (v) => v.status === "cancelled");
  });
});

describe("OCR jobs without a live worker", () => {
  it("says a job whose server died was interrupted", async () => {
    const me = users["longan.vanphong"]!;
    const row = await t.prisma.intakeJob.create({
      data: { provinceId: me.provinceId!, createdById: me.id, fileName: "x.jpg", status: "running" },
      select: { id: true },
    });
    await t.prisma.$executeRaw`UPDATE "IntakeJob" SET "updatedAt" = now() - interval '10 minutes' WHERE id = ${row.id}`;
    const view = await intakeJobView(t.prisma, me, row.id);
    expect(view.status).toBe("failed");
    expect(view.error).toMatch(/bị gián đoạn/);
  });

  it("refuses someone who may not enter notices", async () => {
    await expect(startIntakeJob(t.prisma, users["longan.chutich"]!, "x.jpg", new Uint8Array([1]))).rejects.toThrow(
      /không có quyền|Bạn không/,
    );
  });
});
