// A PDF's text layer with where each piece of text stands (pdf.js through unpdf), so that a
// table laid out in columns is read row by row (lib/extract/layout) instead of as a jumble of
// lines. Pages without a text layer (scanned pages) are reported, for OCR to read them.
import { getDocumentProxy } from "unpdf";
import type { PositionedPage, PositionedWord } from "@/lib/extract/layout";

/** A page with fewer visible characters than this is taken for a scanned image. */
export const MIN_TEXT_CHARS = 20;

export interface PdfTextPage {
  page: number; // 1-based
  positioned: PositionedPage;
  chars: number;
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

export async function readPdfTextPages(bytes: Uint8Array): Promise<{ pages: PdfTextPage[]; count: number }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const pages: PdfTextPage[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    const view = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const words: PositionedWord[] = [];
    let chars = 0;
    for (const raw of content.items) {
      const it = raw as Partial<TextItem>;
      if (typeof it.str !== "string" || !it.transform || !it.str.trim()) continue;
      const [a = 1, b = 0, , , e = 0, f = 0] = it.transform;
      const size = it.height || Math.hypot(a, b) || 10;
      // PDF space has y upwards from the page's foot; layout wants y downwards from its top.
      const [x, y] = view.convertToViewportPoint(e, f) as [number, number];
      // An item's width includes its trailing and leading spaces: leave them out of its box.
      const width = it.width ?? 0;
      const per = it.str.length ? width / it.str.length : 0;
      const lead = it.str.length - it.str.trimStart().length;
      const trail = it.str.length - it.str.trimEnd().length;
      words.push({
        text: it.str,
        x0: x + lead * per,
        x1: x + width - trail * per,
        y0: y - size * 0.8,
        y1: y + size * 0.2,
        piece: true,
      });
      chars += it.str.replace(/\s/g, "").length;
    }
    pages.push({ page: p, positioned: { width: view.width, height: view.height, words }, chars });
  }
  return { pages, count: pdf.numPages };
}
