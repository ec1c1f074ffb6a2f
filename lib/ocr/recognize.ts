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
import sharp from "sharp";
import { imageInfo } from "./image-info";
import { runTool, throwIfAborted } from "./process";
import { ocrQueue } from "./queue";
import { ocrTools } from "./tools";
import { decodePng, encodePgm, enlarge, parsePnm, stamplessGrey, whitenPaper, type Raster } from "./raster";
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
  /** The page image for the review screen: JPEG or PNG, upright (a TIFF page is converted to PNG). */
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

/** The longest side of a page image kept for the review screen (≈ 200 dpi on A4). */
const REVIEW_MAX_SIDE = 2400;

/** The grey page Tesseract reads: red channel (stamps fade), paper whitened, a small scan enlarged. */
async function writeOcrPage(r: Raster, file: string): Promise<{ scale: number; dpi: number | null }> {
  let grey = { data: whitenPaper(stamplessGrey(r)), width: r.width, height: r.height };
  let scale = 1;
  let dpi: number | null = null;
  const side = Math.min(r.width, r.height);
  if (side < 2000) {
    scale = Math.min(2, 2480 / side);
    grey = enlarge(grey.data, grey.width, grey.height, scale);
    dpi = 300;
  }
  await writeFile(file, encodePgm(grey.data, grey.width, grey.height));
  return { scale, dpi };
}

/**
 * A page of an image decoded by sharp, turned upright by its EXIF Orientation (a phone held
 * sideways), as 8-bit samples for Tesseract and as a PNG a browser shows (browsers cannot show
 * a TIFF), at most REVIEW_MAX_SIDE on its longest side.
 */
async function decodedPage(
  bytes: Uint8Array,
  page: number,
): Promise<{ raster: Raster; image: { mime: string; bytes: Uint8Array; width: number; height: number } }> {
  const open = () =>
    sharp(bytes, { page: page - 1, limitInputPixels: OCR_LIMITS.maxPixels, failOn: "error" }).autoOrient();
  const { data, info } = await open().removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const raster: Raster = {
    width: info.width,
    height: info.height,
    channels: info.channels === 1 ? 1 : 3,
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
  if (info.channels !== 1 && info.channels !== 3) throw new Error(`unexpected ${info.channels} channels`);
  const fit = Math.max(info.width, info.height) > REVIEW_MAX_SIDE;
  const view = fit ? open().resize(REVIEW_MAX_SIDE, REVIEW_MAX_SIDE, { fit: "inside" }) : open();
  const out = await view.png({ compressionLevel: 6 }).toBuffer({ resolveWithObject: true });
  return {
    raster,
    image: {
      mime: "image/png",
      bytes: new Uint8Array(out.data.buffer, out.data.byteOffset, out.data.byteLength),
      width: out.info.width,
      height: out.info.height,
    },
  };
}

/** A JPEG turned by its EXIF Orientation, re-encoded with little loss and no Orientation tag. */
async function uprightJpeg(bytes: Uint8Array): Promise<Uint8Array> {
  try {
    const b = await sharp(bytes, { limitInputPixels: OCR_LIMITS.maxPixels, failOn: "error" })
      .autoOrient()
      .jpeg({ quality: 92 })
      .toBuffer();
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  } catch {
    throw new ValidationError("Không đọc được ảnh JPEG: tệp bị hỏng hoặc định dạng không hỗ trợ.");
  }
}

/** The EXIF Orientation of a JPEG (1 when upright or absent). */
async function orientationOf(bytes: Uint8Array): Promise<number> {
  try {
    return (await sharp(bytes).metadata()).orientation ?? 1;
  } catch {
    return 1;
  }
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
  const png = info.type === "png" ? decodePng(bytes) : null;
  const upright = info.type === "jpeg" && (await orientationOf(bytes)) === 1;
  const out: RecognisedPage[] = [];
  for (let page = 1; page <= info.pages; page++) {
    throwIfAborted(opts.signal);
    const started = performance.now();
    let file = join(dir, `p${page}.pgm`);
    let scale = 1;
    let dpi: number | null = null;
    let image: { mime: string; bytes: Uint8Array };
    // k: pixels of the shown image per pixel of the page Tesseract read.
    let k = 1;
    if (png) {
      ({ scale, dpi } = await writeOcrPage(png, file));
      image = { mime: info.mime, bytes };
    } else if (info.type === "jpeg") {
      // A JPEG goes to Tesseract as it is and is shown as it is; a photo taken sideways is first
      // turned upright by its EXIF Orientation (Tesseract ignores the tag), then read the same way.
      file = join(dir, "in.jpg");
      image = { mime: info.mime, bytes: upright ? bytes : await uprightJpeg(bytes) };
      await writeFile(file, image.bytes);
    } else {
      // A TIFF page, or a PNG this module does not decode (16-bit, interlaced).
      opts.onProgress?.({ phase: "rendering", page, pages: info.pages });
      let decoded;
      try {
        decoded = await decodedPage(bytes, page);
      } catch (e) {
        if (e instanceof Error && /pixel limit/i.test(e.message))
          throw new ValidationError("Ảnh quá lớn để nhận dạng (tối đa khoảng 40 triệu điểm ảnh).");
        throw new ValidationError(`Không đọc được trang ${page} của tệp ảnh: tệp bị hỏng hoặc định dạng không hỗ trợ.`);
      }
      ({ scale, dpi } = await writeOcrPage(decoded.raster, file));
      image = { mime: decoded.image.mime, bytes: decoded.image.bytes };
      k = decoded.image.width / decoded.raster.width;
    }
    opts.onProgress?.({ phase: "recognising", page, pages: info.pages });
    const [tsv] = await tesseract(file, dpi, opts, 1);
    const t = scaleTsv(tsv ?? { width: 0, height: 0, words: [], lineKeys: [] }, k / scale);
    out.push({
      page,
      width: t.width,
      height: t.height,
      image,
      words: t.words,
      positioned: toPositioned(t),
      meanConfidence: mean(t.words),
      seconds: (performance.now() - started) / 1000,
    });
  }
  return out;
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
