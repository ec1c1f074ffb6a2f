import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import { cleanFileName, MAX_UPLOAD_BYTES, uploadTooLargeMessage } from "@/lib/attachments/limits";
import { ValidationError } from "@/lib/errors";
import { inspectArchive, isZip } from "@/lib/uploads/archive";

// An evidence file is accepted only when its bytes are what its name says: the real type is read
// from the content (file-type's magic-byte detection), never from the name or the browser's
// Content-Type, so an .exe renamed .pdf or an HTML page named .png is refused.

interface Kind {
  /** What file-type reports for such content. Word 97 and Excel 97 files are both OLE ("cfb"). */
  detected: string;
  mimeType: string;
  label: string;
}

const KINDS: Record<string, Kind> = {
  pdf: { detected: "pdf", mimeType: "application/pdf", label: "PDF" },
  png: { detected: "png", mimeType: "image/png", label: "ảnh PNG" },
  jpg: { detected: "jpg", mimeType: "image/jpeg", label: "ảnh JPEG" },
  jpeg: { detected: "jpg", mimeType: "image/jpeg", label: "ảnh JPEG" },
  gif: { detected: "gif", mimeType: "image/gif", label: "ảnh GIF" },
  webp: { detected: "webp", mimeType: "image/webp", label: "ảnh WebP" },
  docx: {
    detected: "docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    label: "Word (.docx)",
  },
  xlsx: {
    detected: "xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    label: "Excel (.xlsx)",
  },
  pptx: {
    detected: "pptx",
    mimeType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    label: "PowerPoint (.pptx)",
  },
  doc: { detected: "cfb", mimeType: "application/msword", label: "Word (.doc)" },
  xls: { detected: "cfb", mimeType: "application/vnd.ms-excel", label: "Excel (.xls)" },
  odt: { detected: "odt", mimeType: "application/vnd.oasis.opendocument.text", label: "OpenDocument (.odt)" },
  ods: { detected: "ods", mimeType: "application/vnd.oasis.opendocument.spreadsheet", label: "OpenDocument (.ods)" },
};

export { MAX_UPLOAD_BYTES } from "@/lib/attachments/limits";

export const ALLOWED_EXTENSIONS = Object.keys(KINDS);
export const ALLOWED_KINDS_TEXT =
  "PDF, ảnh (PNG, JPEG, GIF, WebP), Word, Excel, PowerPoint hoặc OpenDocument (.odt, .ods)";
/** For <input type="file" accept=…>; the server still checks the content. */
export const UPLOAD_ACCEPT = ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(",");

export interface ValidUpload {
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
}

const FIELD = "attachment";

function refuse(message: string): never {
  throw new ValidationError(message, { [FIELD]: [message] });
}

/** Refuses a file that is too large before anyone reads its bytes. */
export function assertUploadSize(fileName: string, size: number): void {
  if (size > MAX_UPLOAD_BYTES) refuse(uploadTooLargeMessage(fileName, size));
}

/** Reads an uploaded File and checks it: called by a service after its permission check. */
export async function readUpload(file: File): Promise<ValidUpload> {
  assertUploadSize(file.name, file.size);
  return validateUpload(file.name, new Uint8Array(await file.arrayBuffer()));
}

export async function validateUpload(fileName: string, bytes: Uint8Array): Promise<ValidUpload> {
  const name = cleanFileName(fileName);
  if (!name) refuse("Tệp đính kèm chưa có tên.");
  assertUploadSize(name, bytes.byteLength);
  if (bytes.byteLength === 0) refuse(`Tệp “${name}” rỗng.`);

  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  const kind = KINDS[ext];
  if (!kind) {
    refuse(
      ext
        ? `Không nhận tệp .${ext}. Chỉ nhận tệp ${ALLOWED_KINDS_TEXT}.`
        : `Tệp “${name}” không có đuôi. Chỉ nhận tệp ${ALLOWED_KINDS_TEXT}.`,
    );
  }

  const detected = await fileTypeFromBuffer(bytes);
  if (detected?.ext !== kind.detected) {
    const what = detected ? ` (nội dung thực là tệp .${detected.ext})` : "";
    refuse(
      `Nội dung tệp “${name}” không phải ${kind.label}${what}. Tệp có thể đã bị đổi tên; vui lòng gửi đúng tệp gốc.`,
    );
  }

  // Office documents are zip archives: one that would expand far beyond a document is refused.
  if (isZip(bytes)) await inspectArchive(name, bytes, FIELD);

  return {
    fileName: name,
    mimeType: kind.mimeType,
    size: bytes.byteLength,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    bytes,
  };
}
