// Every form a notice reaches the secretariat in → the text the extractor reads, with how it was
// obtained (source) and, for scans, the page images and word confidences for the review screen.
// Formats: .txt/.md (UTF-8), .docx (tables read cell by cell), .pdf (its text layer laid out by
// position; pages without one are recognised by OCR), images (.jpg/.jpeg/.png/.tif/.tiff, OCR)
// and edXML packages of the e-office exchange (their attached document read as above).
import { ValidationError } from "@/lib/errors";
import { parseEdxml, type EdxmlHeader } from "@/lib/edxml/parse";
import { imageInfo } from "@/lib/ocr/image-info";
import { recognizeScan, type OcrOptions } from "@/lib/ocr/recognize";
import { readDocxText } from "./docx/read";
import { NeedsOcrError } from "./needs-ocr";
import { cleanNoticeText, decodeUtf8 } from "./notice-text";
import { MIN_TEXT_CHARS, readPdfTextPages } from "./pdf";
import { layoutDocument, type DocumentPage, type OcrSummary, type ReviewPage } from "./review-pages";

export type SourceKind = "text" | "docx" | "pdf-text" | "ocr" | "edxml";

export interface NoticeSource {
  kind: SourceKind;
  fileName: string | null;
  /** When OCR read some or all of it: pages, mean confidence (0–100), time. */
  ocr?: OcrSummary;
  /** For a PDF: its pages, and which were scans. */
  pdf?: { pages: number; scannedPages: number[] };
  /** For an edXML package: the attachment read, and how. */
  attachment?: { name: string; kind: Exclude<SourceKind, "edxml"> };
}

export interface NoticeReading {
  text: string;
  source: NoticeSource;
  /** Scanned pages, for the review screen; empty when nothing was recognised. */
  pages: ReviewPage[];
  /** The e-office header, to be applied over the extraction (lib/edxml/apply.ts). */
  exchange: EdxmlHeader | null;
  /** For the reviewer, in Vietnamese. */
  warnings: string[];
}

export interface ReadOptions extends OcrOptions {
  /** false: refuse scans instead of recognising them (e.g. where OCR is not wanted). */
  ocr?: boolean;
}

export const NOTICE_EXTENSIONS = [
  ".txt",
  ".md",
  ".docx",
  ".pdf",
  ".jpg",
  ".jpeg",
  ".png",
  ".tif",
  ".tiff",
  ".edxml",
  ".xml",
];

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const startsWith = (b: Uint8Array, magic: number[]) => magic.every((x, i) => b[i] === x);
export const extensionOf = (name: string) => /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? "";

const IMAGE_EXT: Record<string, string> = {
  ".jpg": "jpeg",
  ".jpeg": "jpeg",
  ".png": "png",
  ".tif": "tiff",
  ".tiff": "tiff",
};

/** Refuses, in Vietnamese, an "image" whose bytes are not the image its name says. */
export function checkImage(name: string, bytes: Uint8Array): void {
  const want = IMAGE_EXT[extensionOf(name)];
  const got = imageInfo(bytes)?.type ?? null;
  if (!got || (want && got !== want))
    throw new ValidationError(
      `Tệp ảnh “${name}” không hợp lệ: dữ liệu nhị phân không phải ảnh ${want ? want.toUpperCase() : "JPEG, PNG, TIFF"} đọc được.`,
    );
}

function scanWarnings(ocr: OcrSummary | null, scanned: number[] | null): string[] {
  if (!ocr) return [];
  const which = scanned && scanned.length ? `Trang ${scanned.join(", ")} là ảnh quét` : "Văn bản là ảnh quét";
  const out = [
    `${which}: nội dung đã được nhận dạng chữ tự động (độ tin cậy trung bình ${ocr.meanConfidence}%), cần đối chiếu với bản gốc.`,
  ];
  if (ocr.lowConfidenceWords)
    out.push(`Có ${ocr.lowConfidenceWords} từ nhận dạng chưa chắc chắn, được đánh dấu để kiểm tra.`);
  return out;
}

async function readPdf(name: string, bytes: Uint8Array, opts: ReadOptions): Promise<NoticeReading> {
  if (!startsWith(bytes, PDF)) throw new ValidationError("Tệp .pdf không hợp lệ: nội dung không phải PDF.");
  let layer: Awaited<ReturnType<typeof readPdfTextPages>>;
  try {
    layer = await readPdfTextPages(bytes);
  } catch {
    throw new ValidationError("Không đọc được tệp PDF. Tệp có thể bị hỏng hoặc có mật khẩu.");
  }
  const scanned = layer.pages.filter((p) => p.chars < MIN_TEXT_CHARS).map((p) => p.page);
  const pages: DocumentPage[] = layer.pages.filter((p) => !scanned.includes(p.page));
  if (scanned.length) {
    if (opts.ocr === false)
      throw new NeedsOcrError(
        "Tệp PDF không có lớp chữ (bản quét ảnh). Vui lòng nhận dạng chữ (OCR) trước, hoặc dán nội dung văn bản.",
      );
    const recognised = await recognizeScan("pdf", bytes, { ...opts, pages: scanned });
    for (const r of recognised) pages.push({ page: r.page, positioned: r.positioned, recognised: r });
  }
  const { text, review, ocr } = layoutDocument(pages);
  return {
    text: cleanNoticeText(text),
    source: {
      kind: ocr ? "ocr" : "pdf-text",
      fileName: name,
      ...(ocr ? { ocr } : {}),
      pdf: { pages: layer.count, scannedPages: scanned },
    },
    pages: review,
    exchange: null,
    warnings: scanWarnings(ocr, scanned.length < layer.count ? scanned : null),
  };
}

async function readImages(files: { name: string; bytes: Uint8Array }[], opts: ReadOptions): Promise<NoticeReading> {
  if (opts.ocr === false)
    throw new NeedsOcrError("Chưa cho phép nhận dạng chữ từ ảnh ở đây. Hãy dán nội dung văn bản.");
  const pages: DocumentPage[] = [];
  for (const f of files) {
    checkImage(f.name, f.bytes);
    for (const r of await recognizeScan("image", f.bytes, opts))
      pages.push({ page: pages.length + 1, positioned: r.positioned, recognised: { ...r, page: pages.length + 1 } });
  }
  const { text, review, ocr } = layoutDocument(pages);
  return {
    text: cleanNoticeText(text),
    source: { kind: "ocr", fileName: files.map((f) => f.name).join(", "), ...(ocr ? { ocr } : {}) },
    pages: review,
    exchange: null,
    warnings: scanWarnings(ocr, null),
  };
}

function readDocx(name: string, bytes: Uint8Array): NoticeReading {
  if (!startsWith(bytes, ZIP)) throw new ValidationError("Tệp .docx không hợp lệ: nội dung không phải tài liệu Word.");
  const text = readDocxText(bytes);
  if (text === null) throw new ValidationError("Không đọc được tệp Word (.docx). Tệp có thể bị hỏng hoặc có mật khẩu.");
  return {
    text: cleanNoticeText(text),
    source: { kind: "docx", fileName: name },
    pages: [],
    exchange: null,
    warnings: [],
  };
}

async function readEdxml(name: string, bytes: Uint8Array, opts: ReadOptions): Promise<NoticeReading> {
  const pkg = parseEdxml(bytes);
  const warnings: string[] = [];
  for (const a of pkg.attachments) {
    const ext = extensionOf(a.name);
    if (ext === ".edxml" || ext === ".xml" || !NOTICE_EXTENSIONS.includes(ext)) {
      warnings.push(`Bỏ qua tệp đính kèm “${a.name}”: chưa đọc được định dạng này.`);
      continue;
    }
    const inner = await readNoticeFile(a.name, a.bytes, opts);
    return {
      ...inner,
      source: {
        ...inner.source,
        kind: "edxml",
        fileName: name,
        attachment: { name: a.name, kind: inner.source.kind as never },
      },
      exchange: pkg.header,
      warnings: [...warnings, ...inner.warnings],
    };
  }
  throw new ValidationError(
    pkg.attachments.length
      ? `Gói edXML không có tệp văn bản đọc được (chỉ có: ${pkg.attachments.map((a) => a.name).join(", ")}). Hãy tải lên tệp .docx, .pdf hoặc ảnh quét.`
      : "Gói edXML không có tệp đính kèm nào: không có nội dung văn bản để phân tích.",
  );
}

/**
 * Reads one uploaded file. Scans go through OCR (queued, cancellable with opts.signal, progress
 * with opts.onProgress). Errors are ValidationErrors with a Vietnamese message.
 */
export async function readNoticeFile(
  fileName: string,
  bytes: Uint8Array,
  opts: ReadOptions = {},
): Promise<NoticeReading> {
  const ext = extensionOf(fileName);
  switch (ext) {
    case ".txt":
    case ".md":
      return {
        text: cleanNoticeText(decodeUtf8(bytes)),
        source: { kind: "text", fileName },
        pages: [],
        exchange: null,
        warnings: [],
      };
    case ".docx":
      return readDocx(fileName, bytes);
    case ".pdf":
      return readPdf(fileName, bytes, opts);
    case ".jpg":
    case ".jpeg":
    case ".png":
    case ".tif":
    case ".tiff":
      return readImages([{ name: fileName, bytes }], opts);
    case ".edxml":
    case ".xml":
      return readEdxml(fileName, bytes, opts);
    default:
      throw new ValidationError(
        `Chưa hỗ trợ định dạng “${ext || fileName}”. Hãy tải lên tệp .txt, .md, .docx, .pdf, ảnh quét (.jpg, .png, .tif) hoặc gói edXML, hoặc dán nội dung.`,
      );
  }
}

/** Several photos or scans of one notice's pages, in order, read as one document. */
export async function readNoticeImages(
  files: { name: string; bytes: Uint8Array }[],
  opts: ReadOptions = {},
): Promise<NoticeReading> {
  if (!files.length) throw new ValidationError("Chưa chọn ảnh nào.");
  return readImages(files, opts);
}
