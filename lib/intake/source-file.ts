import "server-only";
import { createHash } from "node:crypto";
import { cleanFileName } from "@/lib/attachments/limits";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";

// The document a notice is entered from, kept as an Attachment when it is uploaded so that the
// notice's page offers it for download once the notice is stored. One that is never confirmed is
// removed with the intake's other leftovers after a day.

const MIME: Record<string, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  doc: "application/msword",
  odt: "application/vnd.oasis.opendocument.text",
  txt: "text/plain; charset=utf-8",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  tif: "image/tiff",
  tiff: "image/tiff",
  webp: "image/webp",
};

const KEEP_UNCONFIRMED_MS = 24 * 3600_000;

export async function storeSourceFile(db: Db, user: SessionUser, fileName: string, bytes: Uint8Array): Promise<number> {
  if (user.provinceId === null) throw new ValidationError("Tài khoản không thuộc tỉnh nào.");
  const ext = fileName.toLowerCase().split(".").pop() ?? "";
  // Uploads of a day ago that no notice took.
  await db.attachment.deleteMany({
    where: {
      uploadedById: user.id,
      createdAt: { lt: new Date(Date.now() - KEEP_UNCONFIRMED_MS) },
      notice: null,
      report: null,
      explanation: null,
    },
  });
  const row = await db.attachment.create({
    data: {
      provinceId: user.provinceId,
      uploadedById: user.id,
      fileName: cleanFileName(fileName),
      mimeType: MIME[ext] ?? "application/octet-stream",
      size: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      data: new Uint8Array(bytes),
    },
    select: { id: true },
  });
  return row.id;
}

/**
 * The uploaded document a confirmed notice takes: only the confirming person's own upload in their
 * province, not yet any notice's (or report's) file. Anything else is dropped, not trusted.
 */
export async function sourceFileFor(db: Db, user: SessionUser, id: number | null | undefined): Promise<number | null> {
  if (!id) return null;
  const row = await db.attachment.findUnique({
    where: { id },
    select: {
      provinceId: true,
      uploadedById: true,
      notice: { select: { id: true } },
      report: { select: { id: true } },
      explanation: { select: { id: true } },
    },
  });
  if (!row || row.provinceId !== user.provinceId || row.uploadedById !== user.id) return null;
  if (row.notice || row.report || row.explanation) return null;
  return id;
}
