import "server-only";
import { authorize } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";
import { OcrCancelledError } from "@/lib/ocr/process";
import type { OcrProgress } from "@/lib/ocr/recognize";
import { ocrTools } from "@/lib/ocr/tools";
import { storeSourceFile } from "@/lib/intake/source-file";
import { checkImage, extensionOf, readNoticeFile, type NoticeSource } from "@/lib/intake/read-notice";
import type { ReviewWord } from "@/lib/intake/review-pages";
import type { EdxmlHeader } from "@/lib/edxml/parse";

// Scans and photos of notices are recognised off the request. The upload becomes a job row; this
// server works through it in the background (the OCR queue runs one job at a time per server,
// each page in a Tesseract child process, so no request waits on it), writing its progress page
// by page. The secretariat's page polls the job, may cancel it (from any server: the flag is in
// the row, the worker looks at it every few seconds), and once it is done reads the recognised
// text and the page images for the review screen. Only the person who uploaded a job sees it.

export type JobStatus = "queued" | "running" | "done" | "failed" | "cancelled";

export interface JobView {
  id: number;
  fileName: string;
  status: JobStatus;
  progress: OcrProgress | null;
  /** Why it failed, in Vietnamese. */
  error: string | null;
}

export interface JobReviewPage {
  page: number;
  width: number;
  height: number;
  meanConfidence: number;
  hasImage: boolean;
  words: ReviewWord[];
}

export interface JobResult {
  text: string;
  source: NoticeSource;
  warnings: string[];
  /** An edXML package's header, when the scan came in one. */
  exchange: EdxmlHeader | null;
  pages: JobReviewPage[];
  /** The scan itself, kept for the notice entered from it (lib/intake/source-file.ts). */
  sourceFileId: number | null;
}

/** A job whose worker has not written for this long has died with its server. */
export const JOB_STALE_MS = 3 * 60_000;
/** How often the worker says it is alive and looks for a cancellation. */
const HEARTBEAT_MS = 3_000;
/** Unfinished jobs one person may have at once. */
const MAX_OPEN_PER_USER = 2;
/** Jobs are kept a day, for the review screen. */
const KEEP_MS = 24 * 3600_000;

const STALE_MESSAGE = "Việc nhận dạng bị gián đoạn (máy chủ đã khởi động lại). Vui lòng tải tệp lên lại.";
const FAILED_MESSAGE = "Không nhận dạng được tệp do lỗi máy chủ. Vui lòng thử lại sau hoặc dán nội dung văn bản.";

const g = globalThis as unknown as { __intakeJobs?: Map<number, AbortController> };
const running = (g.__intakeJobs ??= new Map());

function provinceOf(user: SessionUser): number {
  if (user.provinceId === null)
    throw new ForbiddenError("Tài khoản không thuộc tỉnh nào nên không nhập được thông báo.");
  authorize(user, "notice.create", { provinceId: user.provinceId });
  return user.provinceId;
}

const IMAGES = new Set([".jpg", ".jpeg", ".png", ".tif", ".tiff"]);

/**
 * Stores the upload as a job and starts working on it in the background. What can be refused at
 * once is: an image that is not one, and a server without Tesseract (saying what to install).
 */
export async function startIntakeJob(db: Db, user: SessionUser, fileName: string, bytes: Uint8Array): Promise<JobView> {
  const provinceId = provinceOf(user);
  if (IMAGES.has(extensionOf(fileName))) checkImage(fileName, bytes);
  await ocrTools();
  await db.intakeJob.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - KEEP_MS) } } });
  const open = await db.intakeJob.count({
    where: {
      createdById: user.id,
      status: { in: ["queued", "running"] },
      updatedAt: { gt: new Date(Date.now() - JOB_STALE_MS) },
    },
  });
  if (open >= MAX_OPEN_PER_USER)
    throw new ConflictError("Bạn đang có bản quét khác chờ nhận dạng. Vui lòng đợi xong hoặc hủy bớt rồi tải lên.");
  const sourceFileId = await storeSourceFile(db, user, fileName, bytes);
  const job = await db.intakeJob.create({
    data: { provinceId, createdById: user.id, fileName, file: Buffer.from(bytes), status: "queued", sourceFileId },
    select: { id: true },
  });
  void runIntakeJob(db, job.id);
  return { id: job.id, fileName, status: "queued", progress: null, error: null };
}

/** Works through one queued job: reads it, stores the text and pages, or why it could not. */
export async function runIntakeJob(db: Db, id: number): Promise<void> {
  const job = await db.intakeJob.findUnique({ where: { id }, select: { fileName: true, file: true, status: true } });
  if (!job || job.status !== "queued" || !job.file) return;
  const controller = new AbortController();
  running.set(id, controller);
  // Progress is written in order, one write at a time.
  let writes: Promise<unknown> = Promise.resolve();
  const write = (data: Prisma.IntakeJobUpdateManyMutationInput) => {
    writes = writes
      .then(() => db.intakeJob.updateMany({ where: { id, status: { in: ["queued", "running"] } }, data }))
      .catch((error: unknown) => logger.error({ err: error, jobId: id }, "intake job progress not written"));
    return writes;
  };
  const heartbeat = setInterval(() => {
    void write({ updatedAt: new Date() });
    void db.intakeJob
      .findUnique({ where: { id }, select: { cancelRequested: true } })
      .then((row) => {
        if (!row || row.cancelRequested) controller.abort();
      })
      .catch(() => {});
  }, HEARTBEAT_MS);
  try {
    const reading = await readNoticeFile(job.fileName, new Uint8Array(job.file), {
      signal: controller.signal,
      onProgress: (p) => void write({ progress: p as object, status: p.phase === "queued" ? "queued" : "running" }),
    });
    await writes;
    const pages = reading.pages.map((p) => ({
      jobId: id,
      page: p.page,
      width: p.width,
      height: p.height,
      mime: p.image?.mime ?? null,
      image: p.image ? Buffer.from(p.image.bytes) : null,
      meanConfidence: p.meanConfidence,
      words: p.words as unknown as Prisma.InputJsonValue,
    }));
    const result = {
      text: reading.text,
      source: reading.source,
      warnings: reading.warnings,
      exchange: reading.exchange,
    };
    await db.$transaction(async (tx) => {
      const done = await tx.intakeJob.updateMany({
        where: { id, status: { in: ["queued", "running"] }, cancelRequested: false },
        data: {
          status: "done",
          result: result as unknown as Prisma.InputJsonValue,
          file: null,
          finishedAt: new Date(),
          progress: { phase: "done", pages: pages.length } as object,
        },
      });
      if (done.count === 1 && pages.length) await tx.intakeJobPage.createMany({ data: pages });
      // Cancelled while its last page was being read (too late to stop it): cancelled all the same.
      if (done.count === 0)
        await tx.intakeJob.updateMany({
          where: { id, status: { in: ["queued", "running"] } },
          data: { status: "cancelled", file: null, finishedAt: new Date() },
        });
    });
  } catch (error) {
    await writes;
    const cancelled = error instanceof OcrCancelledError || controller.signal.aborted;
    if (!cancelled && !(error instanceof ValidationError)) logger.error({ err: error, jobId: id }, "intake job failed");
    await db.intakeJob
      .updateMany({
        where: { id, status: { in: ["queued", "running"] } },
        data: cancelled
          ? { status: "cancelled", file: null, finishedAt: new Date() }
          : {
              status: "failed",
              file: null,
              finishedAt: new Date(),
              error: error instanceof ValidationError ? error.message : FAILED_MESSAGE,
            },
      })
      .catch(() => {});
  } finally {
    clearInterval(heartbeat);
    running.delete(id);
  }
}

async function ownJob(db: Db, user: SessionUser, id: number) {
  provinceOf(user);
  const job = await db.intakeJob.findFirst({
    where: { id, createdById: user.id, provinceId: user.provinceId! },
    select: {
      id: true,
      fileName: true,
      status: true,
      progress: true,
      error: true,
      updatedAt: true,
      result: true,
      sourceFileId: true,
    },
  });
  if (!job) throw new NotFoundError("Tệp đang nhận dạng");
  return job;
}

/** The job as its page shows it; a job whose server died says so. */
export async function intakeJobView(db: Db, user: SessionUser, id: number): Promise<JobView> {
  const job = await ownJob(db, user, id);
  let status = job.status as JobStatus;
  let error = job.error;
  const open = status === "queued" || status === "running";
  if (open && job.updatedAt.getTime() < Date.now() - JOB_STALE_MS && !running.has(id)) {
    await db.intakeJob.updateMany({
      where: { id, status: job.status },
      data: { status: "failed", error: STALE_MESSAGE, file: null, finishedAt: new Date() },
    });
    status = "failed";
    error = STALE_MESSAGE;
  }
  return { id, fileName: job.fileName, status, progress: (job.progress as OcrProgress | null) ?? null, error };
}

/** Cancels one's own job, waiting or running; a finished one stays as it is. */
export async function cancelIntakeJob(db: Db, user: SessionUser, id: number): Promise<JobView> {
  await ownJob(db, user, id);
  await db.intakeJob.updateMany({
    where: { id, status: { in: ["queued", "running"] } },
    data: { cancelRequested: true },
  });
  running.get(id)?.abort();
  return intakeJobView(db, user, id);
}

/** The recognised text and pages of one's own finished job. */
export async function intakeJobResult(db: Db, user: SessionUser, id: number): Promise<JobResult> {
  const job = await ownJob(db, user, id);
  if (job.status !== "done" || !job.result)
    throw new ConflictError("Tệp chưa nhận dạng xong, hoặc đã bị hủy. Vui lòng đợi hoặc tải lên lại.");
  const pages = await db.intakeJobPage.findMany({
    where: { jobId: id },
    orderBy: { page: "asc" },
    select: { page: true, width: true, height: true, meanConfidence: true, mime: true, words: true },
  });
  const result = job.result as unknown as Omit<JobResult, "pages" | "sourceFileId">;
  return {
    ...result,
    sourceFileId: job.sourceFileId,
    exchange: result.exchange ?? null,
    pages: pages.map((p) => ({
      page: p.page,
      width: p.width,
      height: p.height,
      meanConfidence: p.meanConfidence,
      hasImage: p.mime !== null,
      words: p.words as unknown as ReviewWord[],
    })),
  };
}

/** One page image of one's own job, for the review screen. */
export async function intakeJobPageImage(
  db: Db,
  user: SessionUser,
  id: number,
  page: number,
): Promise<{ mime: string; bytes: Uint8Array }> {
  await ownJob(db, user, id);
  const row = await db.intakeJobPage.findUnique({
    where: { jobId_page: { jobId: id, page } },
    select: { mime: true, image: true },
  });
  if (!row?.image || !row.mime) throw new NotFoundError("Trang ảnh");
  return { mime: row.mime, bytes: new Uint8Array(row.image) };
}
