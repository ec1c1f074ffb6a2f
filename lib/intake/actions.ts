"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, action } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import type { DuplicateNotice } from "@/lib/intake/duplicates";
import { MAX_TEXT_CHARS, MAX_UPLOAD_BYTES, readUploadedNotice } from "@/lib/intake/read-upload";
import { inspectArchive, isZip } from "@/lib/uploads/archive";
import { needsIsolation, precheckNoticeFile, readNoticeDetailsIsolated } from "@/lib/uploads/isolated";
import { confirmNotice, proposeNotice, ZConfirmNotice, type Proposal, type ReadingExtras } from "@/lib/intake/service";
import { cancelIntakeJob, intakeJobResult, startIntakeJob, type JobResult, type JobView } from "@/lib/intake/jobs";
import { NeedsOcrError } from "@/lib/intake/needs-ocr";
import { extensionOf } from "@/lib/intake/read-notice";
import { storeSourceFile } from "@/lib/intake/source-file";

// Server actions of the intake page, through the gate: the session, "notice.create" in the
// user's own province (before an uploaded file is read), the input's schema, and errors mapped
// to Vietnamese messages. Nothing is stored until the secretariat confirms.

const ZNoticeFile = z
  .custom<File>((v) => v instanceof File, { error: "Tệp tải lên không đọc được." })
  .check((ctx) => {
    if (ctx.value.size > MAX_UPLOAD_BYTES)
      ctx.issues.push({ code: "custom", input: ctx.value, message: "Tệp quá lớn: tối đa 10 MB." });
  });

const ZPropose = z.object({
  text: z.string().max(MAX_TEXT_CHARS, "Văn bản quá dài (tối đa khoảng 2 triệu ký tự).").optional(),
  file: ZNoticeFile.optional(),
});

const IMAGE_EXTENSIONS = new Set([".jpg", ".jpeg", ".png", ".tif", ".tiff"]);

/**
 * Reads pasted text (field "text") or an uploaded file (field "file") and proposes the notice. A
 * scan or photo is not read here: it becomes an OCR job (`job`), which the page follows until
 * it can ask for the proposal (proposeFromJobAction).
 */
export const proposeNoticeAction = formAction<typeof ZPropose, { proposal?: Proposal; job?: JobView }>(
  { name: "intake.propose", input: ZPropose, permission: "notice.create", pastedText: ["text"] },
  async (input, { user }) => {
    let text: string;
    let extras: ReadingExtras | undefined;
    let sourceFileId: number | null = null;
    if (input.file && input.file.size > 0) {
      const { name } = input.file;
      const bytes = new Uint8Array(await input.file.arrayBuffer());
      if (IMAGE_EXTENSIONS.has(extensionOf(name))) {
        const job = await startIntakeJob(db(), user, name, bytes);
        return { ok: true, message: "Đang nhận dạng chữ trên ảnh quét…", job };
      }
      // A file that is not what its name says is refused at once; an Office archive is measured
      // before anything inflates it; documents are read off this thread, and a PDF (or an edXML
      // package) that turns out to be a scan goes to an OCR job.
      precheckNoticeFile(name, bytes);
      if (isZip(bytes)) await inspectArchive(name, bytes, "file");
      try {
        if (needsIsolation(name)) {
          const reading = await readNoticeDetailsIsolated(name, bytes, { ocr: false });
          text = reading.text;
          extras = { exchange: reading.exchange, warnings: reading.warnings };
        } else text = await readUploadedNotice(name, bytes);
        sourceFileId = await storeSourceFile(db(), user, name, bytes);
      } catch (error) {
        if (!(error instanceof NeedsOcrError)) throw error;
        const job = await startIntakeJob(db(), user, name, bytes);
        return { ok: true, message: "Tệp là bản quét: đang nhận dạng chữ…", job };
      }
    } else if (input.text?.trim()) {
      text = input.text;
    } else {
      throw new ValidationError("Hãy dán nội dung thông báo hoặc chọn tệp để tải lên.");
    }
    return {
      ok: true,
      message: "Đã đọc văn bản.",
      proposal: await proposeNotice(db(), user, text, extras, sourceFileId),
    };
  },
);

const ZJob = z.object({ jobId: z.coerce.number().int().positive("Mã tệp nhận dạng không hợp lệ.") });

/** Cancels one's own OCR job, waiting or running. */
export const cancelIntakeJobAction = action<typeof ZJob, { job: JobView }>(
  { name: "intake.cancelJob", input: ZJob, permission: "notice.create" },
  async ({ jobId }, { user }) => {
    const job = await cancelIntakeJob(db(), user, jobId);
    return { ok: true, message: job.status === "cancelled" ? "Đã hủy nhận dạng chữ." : "Tệp đã nhận dạng xong.", job };
  },
);

/** The proposal from a finished OCR job's text, with its pages for the review screen. */
export const proposeFromJobAction = action<typeof ZJob, { proposal: Proposal; scan: JobResult & { jobId: number } }>(
  { name: "intake.proposeFromJob", input: ZJob, permission: "notice.create" },
  async ({ jobId }, { user }) => {
    const scan = await intakeJobResult(db(), user, jobId);
    const extras = { exchange: scan.exchange, warnings: scan.warnings };
    const proposal = await proposeNotice(db(), user, scan.text, extras, scan.sourceFileId);
    return { ok: true, message: "Đã nhận dạng và đọc văn bản.", proposal, scan: { ...scan, jobId } };
  },
);

export const confirmNoticeAction = action<
  typeof ZConfirmNotice,
  { noticeId: number },
  { duplicates: DuplicateNotice[] }
>(
  { name: "intake.confirm", input: ZConfirmNotice, permission: "notice.create", pastedText: ["sourceText"] },
  async (input, { user }) => {
    const noticeId = await confirmNotice(db(), user, input);
    revalidatePath("/thong-bao");
    return { ok: true, message: "Đã lưu thông báo.", noticeId };
  },
);
