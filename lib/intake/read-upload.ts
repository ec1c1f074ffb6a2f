import { ValidationError } from "@/lib/errors";
import { readNoticeFile, NOTICE_EXTENSIONS, type ReadOptions } from "./read-notice";

// Turns what the secretariat uploads into the plain text the extractor reads. Every format and
// its source details live in read-notice.ts; this keeps the upload's size limit and the simple
// "text of the file" entry point the intake page has called so far.

export { cleanNoticeText, MAX_TEXT_CHARS } from "./notice-text";
export { readNoticeFile, readNoticeImages } from "./read-notice";
export type { NoticeReading, NoticeSource, ReadOptions, SourceKind } from "./read-notice";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = NOTICE_EXTENSIONS;

function checkSize(bytes: Uint8Array): void {
  if (bytes.byteLength === 0) throw new ValidationError("Tệp tải lên trống.");
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw new ValidationError("Tệp quá lớn: tối đa 10 MB.");
}

/** Reads an upload with its source and scan pages (see read-notice.ts), within the upload limit. */
export async function readUpload(fileName: string, bytes: Uint8Array, opts: ReadOptions = {}) {
  checkSize(bytes);
  return readNoticeFile(fileName, bytes, opts);
}

/** The text of an uploaded notice, or a ValidationError with a message in Vietnamese. */
export async function readUploadedNotice(fileName: string, bytes: Uint8Array, opts: ReadOptions = {}): Promise<string> {
  return (await readUpload(fileName, bytes, opts)).text;
}
