import "server-only";
import { canReadReports } from "@/lib/assignments/visibility";
import { can, canReadNotice } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db, Tx } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { ValidUpload } from "@/lib/attachments/validate";

// Evidence files live in the database (Attachment.data) beside their checksum, so a backup of
// the database is a backup of everything; 10 MB per file keeps that reasonable.

export interface AttachmentMeta {
  id: number;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
}

export const ATTACHMENT_META_SELECT = { id: true, fileName: true, mimeType: true, size: true, sha256: true } as const;

/** Stores a validated upload inside the caller's transaction (the report that cites it is in the same one). */
export async function storeAttachment(
  tx: Tx,
  upload: ValidUpload,
  provinceId: number,
  uploadedById: number | null,
): Promise<AttachmentMeta> {
  return tx.attachment.create({
    data: {
      provinceId,
      uploadedById,
      fileName: upload.fileName,
      mimeType: upload.mimeType,
      size: upload.size,
      sha256: upload.sha256,
      data: new Uint8Array(upload.bytes),
    },
    select: ATTACHMENT_META_SELECT,
  });
}

export interface AttachmentFile extends AttachmentMeta {
  data: Uint8Array;
}

/**
 * A file for download. Permission comes from the notice it is the source document of (whoever may
 * read the notice), or from the report (or explanation) that cites it: whoever may read that
 * report (its own agency, the lead of the same directive, the province's leadership) may read
 * the file; anyone else is told it does not exist.
 */
export async function readAttachment(db: Db, actor: SessionUser, id: number): Promise<AttachmentFile> {
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError("Tệp đính kèm");
  const cited = {
    select: {
      assignment: {
        select: {
          provinceId: true,
          agencyId: true,
          role: true,
          directive: {
            select: {
              notice: { select: { status: true } },
              assignments: { select: { provinceId: true, agencyId: true, role: true } },
            },
          },
        },
      },
    },
  } as const;
  const row = await db.attachment.findUnique({
    where: { id },
    select: {
      ...ATTACHMENT_META_SELECT,
      report: cited,
      explanation: cited,
      notice: { select: { provinceId: true, status: true } },
    },
  });
  // The document a notice was entered from: read like the notice.
  if (row?.notice) {
    if (!canReadNotice(actor, row.notice)) throw new NotFoundError("Tệp đính kèm");
    const data = await db.attachment.findUniqueOrThrow({ where: { id }, select: { data: true } });
    const { id: fileId, fileName, mimeType, size, sha256 } = row;
    return { id: fileId, fileName, mimeType, size, sha256, data: data.data };
  }
  // A report's file, or the document an agency attached to its explanation: read like a report.
  const assignment = row?.report?.assignment ?? row?.explanation?.assignment;
  if (!row || !assignment) throw new NotFoundError("Tệp đính kèm");
  const draft = assignment.directive.notice.status === "draft";
  if (draft && !can(actor, "notice.readDraft", { provinceId: assignment.provinceId }))
    throw new NotFoundError("Tệp đính kèm");
  if (!canReadReports(actor, assignment, assignment.directive.assignments)) throw new NotFoundError("Tệp đính kèm");
  const meta = { id: row.id, fileName: row.fileName, mimeType: row.mimeType, size: row.size, sha256: row.sha256 };
  const data = await db.attachment.findUniqueOrThrow({ where: { id }, select: { data: true } });
  return { ...meta, data: data.data };
}
