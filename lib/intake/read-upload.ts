import mammoth from "mammoth";
import { extractText, getDocumentProxy } from "unpdf";
import { ValidationError } from "@/lib/errors";

// Turns what the secretariat pastes or uploads into the plain text the extractor reads.
// Formats: .txt and .md (UTF-8), .docx (Word), .pdf with a text layer. Anything else, or a file
// whose bytes are not what its name says, is refused with a message saying what to do.

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_TEXT_CHARS = 2 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = [".txt", ".md", ".docx", ".pdf"] as const;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function extensionOf(fileName: string): string {
  const m = /\.[^.]+$/.exec(fileName.toLowerCase());
  return m ? m[0] : "";
}

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

function decodeUtf8(bytes: Uint8Array): string {
  // A NUL byte never occurs in a text notice: the file is binary whatever its name says.
  if (bytes.includes(0))
    throw new ValidationError("Tệp không phải văn bản thuần (.txt, .md): nội dung là dữ liệu nhị phân.");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError("Tệp văn bản không ở mã UTF-8. Vui lòng lưu lại với mã UTF-8 rồi tải lên.");
  }
}

async function readDocx(bytes: Uint8Array): Promise<string> {
  if (!startsWith(bytes, ZIP_MAGIC))
    throw new ValidationError("Tệp .docx không hợp lệ: nội dung không phải tài liệu Word.");
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return result.value.replace(/\n{3,}/g, "\n\n");
  } catch {
    throw new ValidationError("Không đọc được tệp Word (.docx). Tệp có thể bị hỏng hoặc có mật khẩu.");
  }
}

async function readPdf(bytes: Uint8Array): Promise<string> {
  if (!startsWith(bytes, PDF_MAGIC)) throw new ValidationError("Tệp .pdf không hợp lệ: nội dung không phải PDF.");
  let text: string;
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    text = (await extractText(pdf, { mergePages: true })).text;
  } catch {
    throw new ValidationError("Không đọc được tệp PDF. Tệp có thể bị hỏng hoặc có mật khẩu.");
  }
  if (text.replace(/\s/g, "").length < 20) {
    throw new ValidationError(
      "Tệp PDF không có lớp chữ (bản quét ảnh). Vui lòng nhận dạng chữ (OCR) trước, hoặc dán nội dung văn bản.",
    );
  }
  return text;
}

/** The text of an uploaded notice, or a ValidationError with a message in Vietnamese. */
export async function readUploadedNotice(fileName: string, bytes: Uint8Array): Promise<string> {
  if (bytes.byteLength === 0) throw new ValidationError("Tệp tải lên trống.");
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw new ValidationError("Tệp quá lớn: tối đa 10 MB.");
  const ext = extensionOf(fileName);
  switch (ext) {
    case ".txt":
    case ".md":
      return cleanNoticeText(decodeUtf8(bytes));
    case ".docx":
      return cleanNoticeText(await readDocx(bytes));
    case ".pdf":
      return cleanNoticeText(await readPdf(bytes));
    default:
      throw new ValidationError(
        `Chưa hỗ trợ định dạng “${ext || fileName}”. Hãy tải lên tệp .txt, .md, .docx hoặc .pdf có lớp chữ, hoặc dán nội dung.`,
      );
  }
}
