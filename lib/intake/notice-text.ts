import { ValidationError } from "@/lib/errors";

// The checks every notice text goes through, whatever file it came from.

export const MAX_TEXT_CHARS = 2 * 1024 * 1024;

/** Normalises line ends and Unicode, and refuses text that is empty or too long. */
export function cleanNoticeText(raw: string): string {
  const text = raw
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .normalize("NFC");
  if (text.trim().length === 0) throw new ValidationError("Văn bản trống: chưa có nội dung để phân tích.");
  if (text.length > MAX_TEXT_CHARS)
    throw new ValidationError("Văn bản quá dài (tối đa khoảng 2 triệu ký tự). Vui lòng tách thành nhiều văn bản.");
  return text;
}

export function decodeUtf8(bytes: Uint8Array): string {
  // A NUL byte never occurs in a text notice: the file is binary whatever its name says.
  if (bytes.includes(0))
    throw new ValidationError("Tệp không phải văn bản thuần (.txt, .md): nội dung là dữ liệu nhị phân.");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError("Tệp văn bản không ở mã UTF-8. Vui lòng lưu lại với mã UTF-8 rồi tải lên.");
  }
}
