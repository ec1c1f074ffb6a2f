// Recognising scanned paper: image-only PDFs (pages rendered by pdftoppm at a resolution fit for
// OCR) and images (JPEG, PNG, TIFF, phone photos), page by page with Tesseract's Vietnamese model,
// in child processes, one job at a time per server (queue.ts). Each page keeps its image for the
// review screen and every word its box and confidence, so doubtful words can be marked.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDocumentProxy } from "unpdf";
import { ValidationError } from "@/lib/errors";
import { foldVi } from "@/lib/deadlines/fold";
import { layoutText, type PositionedPage } from "@/lib/extract/layout";
import { findTables } from "@/lib/extract/tables/find";
import { imageInfo } from "./image-info";
import { runTool, throwIfAborted } from "./process";
import { ocrQueue } from "./queue";
import { ocrTools } from "./tools";
import { decodePng, encodePgm, enlarge, parsePnm, stamplessGrey, whitenPaper } from "./raster";
import { parseTsv, scaleTsv, toPositioned, type OcrWord, type TsvPage } from "./tsv";

export const OCR_LIMITS = {
  maxPages: 30,
  /** Pixels of one page image: a 600 dpi A4 scan is 35 million. */
  maxPixels: 40_000_000,
  /** A page that takes longer is given up (≈ 7 s is usual on two cores). */
  pageTimeoutMs: 90_000,
  /** The longest side of a rendered PDF page, whatever its paper size. */
  maxRenderSide: 5000,
};
/** PDF pages are rendered at 300 dpi for OCR (small table text reads much better than at 200). */
export const OCR_DPI = 300;
/** The page image kept for the review screen is lighter: 150 dpi, JPEG. */
export const REVIEW_DPI = 150;
/** Words below this confidence (Tesseract's 0–100) are marked for checking. */
export const LOW_CONFIDENCE = 60;

export type OcrProgress =
  | { phase: "queued"; ahead: number }
  | { phase: "rendering" | "recognising"; page: number; pages: number }
  | { phase: "done"; pages: number; seconds: number };

export interface OcrOptions {
  signal?: AbortSignal;
  onProgress?: (p: OcrProgress) => void;
  /** Resolution for rendering PDF pages (default 200 dpi). */
  dpi?: number;
  /** 1-based pages of a PDF to recognise (default: all). */
  pages?: number[];
}

export interface RecognisedPage {
  page: number; // 1-based, in the document
  /** Pixels of `image`; the words' boxes are in these pixels too. */
  width: number;
  height: number;
  /** The page image for the review screen (null for the later pages of a multi-page TIFF). */
  image: { mime: string; bytes: Uint8Array } | null;
  words: OcrWord[];
  positioned: PositionedPage;
  meanConfidence: number;
  seconds: number;
}

const ONE_THREAD = { OMP_THREAD_LIMIT: "1" }; // one core: faster on two cores (3 s vs 7 s a page), and fair

const mean = (words: OcrWord[]) => (words.length ? words.reduce((n, w) => n + w.confidence, 0) / words.length : 0);

async function runTesseract(file: string, psm: string, dpi: number | null, opts: OcrOptions, pages: number) {
  const tools = await ocrTools();
  const args = [file, "stdout", "-l", "vie", "--psm", psm, ...(dpi ? ["--dpi", String(dpi)] : []), "tsv"];
  const out = await runTool(tools.tesseract, args, {
    signal: opts.signal,
    timeoutMs: OCR_LIMITS.pageTimeoutMs * pages,
    timeoutMessage: "Nhận dạng chữ một trang quá lâu nên đã dừng. Hãy quét lại với độ phân giải 200–300 dpi.",
    maxOutputBytes: 50 * 1024 * 1024,
    extraEnv: ONE_THREAD,
  });
  return parseTsv(out.toString("utf8"));
}

const TABLE_WORDS = /\b(?:stt|chu tri|phoi hop|thoi han|thoi gian|noi dung|cong viec|nhiem vu)\b/g;

/** Task rows the layout finds on the page: how well a reading kept its table. */
function tableRows(page: TsvPage): number {
  const { text } = layoutText([toPositioned(page)]);
  const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  return findTables(text, starts).reduce((n, t) => n + t.table.rows.filter((r) => r.kind === "task").length, 0);
}

/**
 * Tesseract reads a page as one column (--psm 4), which keeps prose in order. A table whose
 * header cells are centred between the lines of their neighbours confuses that reading, so a
 * page that speaks of "chủ trì", "phối hợp", "thời hạn"… is read again as sparse text (--psm 11,
 * every word where it stands), and the reading that keeps more table rows wins.
 */
async function tesseract(file: string, dpi: number | null, opts: OcrOptions, pages: number): Promise<TsvPage[]> {
  const first = await runTesseract(file, "4", dpi, opts, pages);
  return Promise.all(
    first.map(async (page, i) => {
      const words = foldVi(page.words.map((w) => w.text).join(" "));
      if ((words.match(TABLE_WORDS) ?? []).length < 3 || first.length > 1) return page;
      const [sparse] = await runTesseract(file, "11", dpi, opts, 1);
      return sparse && tableRows(sparse) > tableRows(page) ? sparse : first[i]!;
    }),
  );
}

async function pageCount(bytes: Uint8Array): Promise<{ count: number; sizes: [number, number][] }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const sizes: [number, number][] = [];
  for (let i = 1; i <= pdf.numPages && i <= OCR_LIMITS.maxPages + 1; i++) {
    const v = (await pdf.getPage(i)).getViewport({ scale: 1 });
    sizes.push([v.width, v.height]);
  }
  return { count: pdf.numPages, sizes };
}

async function pdfPages(bytes: Uint8Array, opts: OcrOptions, dir: string): Promise<RecognisedPage[]> {
  const tools = await ocrTools();
  const { count, sizes } = await pageCount(bytes);
  const wanted = opts.pages ?? Array.from({ length: count }, (_, i) => i + 1);
  if (wanted.length > OCR_LIMITS.maxPages)
    throw new ValidationError(
      `Bản quét có ${wanted.length} trang, quá giới hạn ${OCR_LIMITS.maxPages} trang cho một lần nhận dạng. Hãy tách thành nhiều tệp.`,
    );
  const input = join(dir, "in.pdf");
  await writeFile(input, bytes);
  const out: RecognisedPage[] = [];
  for (const [k, page] of wanted.entries()) {
    throwIfAborted(opts.signal);
    const started = performance.now();
    opts.onProgress?.({ phase: "rendering", page: k + 1, pages: wanted.length });
    const [w, h] = sizes[page - 1] ?? [595, 842];
    const dpi = Math.min(opts.dpi ?? OCR_DPI, Math.floor((OCR_LIMITS.maxRenderSide * 72) / Math.max(w, h)));
    const base = join(dir, `p${page}`);
    const render = (args: string[], suffix: string) =>
      runTool(tools.pdftoppm, [...args, "-f", `${page}`, "-l", `${page}`, "-singlefile", input, `${base}${suffix}`], {
        signal: opts.signal,
        timeoutMs: OCR_LIMITS.pageTimeoutMs,
        timeoutMessage: `Không chuyển được trang ${page} của tệp PDF thành ảnh trong thời gian cho phép.`,
      });
    // Colour at the OCR resolution, read through its red channel (stamps fade), as PGM.
    await render(["-r", String(dpi)], "");
    const ppm = parsePnm(new Uint8Array(await readFile(`${base}.ppm`)));
    if (!ppm) throw new Error(`pdftoppm gave no readable image for page ${page}`);
    await writeFile(`${base}.pgm`, encodePgm(whitenPaper(stamplessGrey(ppm)), ppm.width, ppm.height));
    await rm(`${base}.ppm`, { force: true });
    const reviewDpi = Math.min(REVIEW_DPI, dpi);
    await render(["-r", String(reviewDpi), "-jpeg", "-jpegopt", "quality=80"], "v");
    const jpeg = new Uint8Array(await readFile(`${base}v.jpg`));
    opts.onProgress?.({ phase: "recognising", page: k + 1, pages: wanted.length });
    const [tsv] = await tesseract(`${base}.pgm`, dpi, opts, 1);
    const scaled = scaleTsv(tsv ?? { width: ppm.width, height: ppm.height, words: [], lineKeys: [] }, reviewDpi / dpi);
    out.push({
      page,
      width: scaled.width,
      height: scaled.height,
      image: { mime: "image/jpeg", bytes: jpeg },
      words: scaled.words,
      positioned: toPositioned(scaled),
      meanConfidence: mean(scaled.words),
      seconds: (performance.now() - started) / 1000,
    });
  }
  return out;
}

async function imagePages(bytes: Uint8Array, opts: OcrOptions, dir: string): Promise<RecognisedPage[]> {
  const info = imageInfo(bytes);
  if (!info) throw new ValidationError("Tệp ảnh bị hỏng hoặc không phải ảnh JPEG, PNG, TIFF đọc được.");
  if (info.width * info.height > OCR_LIMITS.maxPixels)
    throw new ValidationError(
      `Ảnh quá lớn (${info.width}×${info.height} điểm ảnh). Hãy quét hoặc chụp ở độ phân giải 200–300 dpi (tối đa khoảng 40 triệu điểm ảnh).`,
    );
  if (info.pages > OCR_LIMITS.maxPages)
    throw new ValidationError(`Tệp TIFF có ${info.pages} trang, quá giới hạn ${OCR_LIMITS.maxPages} trang.`);
  const started = performance.now();
  let file = join(dir, `in.${info.type === "jpeg" ? "jpg" : info.type}`);
  let scale = 1;
  let dpi: number | null = null;
  const png = info.type === "png" ? decodePng(bytes) : null;
  if (png) {
    // Red channel as grey (stamps fade); a small scan enlarged so table text is tall enough.
    let grey = { data: whitenPaper(stamplessGrey(png)), width: png.width, height: png.height };
    const side = Math.min(png.width, png.height);
    if (side < 2000) {
      scale = Math.min(2, 2480 / side);
      grey = enlarge(grey.data, grey.width, grey.height, scale);
      dpi = 300;
    }
    file = join(dir, "in.pgm");
    await writeFile(file, encodePgm(grey.data, grey.width, grey.height));
  } else await writeFile(file, bytes);
  opts.onProgress?.({ phase: "recognising", page: 1, pages: info.pages });
  const tsvPages = (await tesseract(file, dpi, opts, info.pages)).map((t) => scaleTsv(t, 1 / scale));
  const seconds = (performance.now() - started) / 1000;
  return tsvPages.map((t, i) => ({
    page: i + 1,
    width: t.width,
    height: t.height,
    image: i === 0 ? { mime: info.mime, bytes } : null,
    words: t.words,
    positioned: toPositioned(t),
    meanConfidence: mean(t.words),
    seconds: seconds / tsvPages.length,
  }));
}

/**
 * Recognises a scanned PDF or an image. Waits its turn in the server's OCR queue (progress
 * "queued"), then reports each page; `signal` cancels it, waiting or running (the child process
 * is killed) with an OcrCancelledError. Throws a ValidationError in Vietnamese when the tools are
 * missing, the file is not what it claims, or it exceeds the limits.
 */
export async function recognizeScan(
  kind: "pdf" | "image",
  bytes: Uint8Array,
  opts: OcrOptions = {},
): Promise<RecognisedPage[]> {
  await ocrTools(); // say what is missing before queueing
  return ocrQueue.run(
    async () => {
      const started = performance.now();
      const dir = await mkdtemp(join(tmpdir(), "ocr-"));
      try {
        const pages = kind === "pdf" ? await pdfPages(bytes, opts, dir) : await imagePages(bytes, opts, dir);
        opts.onProgress?.({ phase: "done", pages: pages.length, seconds: (performance.now() - started) / 1000 });
        return pages;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    opts.signal,
    { onWaiting: (ahead) => opts.onProgress?.({ phase: "queued", ahead }) },
  );
}
