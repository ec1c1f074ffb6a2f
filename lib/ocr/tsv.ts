// Tesseract's TSV output (`tesseract IMAGE stdout tsv`): one row per page, block, paragraph, line
// and word, each with its box and, for words, a confidence from 0 to 100.
import type { PositionedPage } from "@/lib/extract/layout";

export interface OcrWord {
  text: string;
  /** 0–100 as Tesseract gives it. */
  confidence: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface TsvPage {
  width: number;
  height: number;
  words: OcrWord[];
  lineKeys: string[];
}

/** Parses one image's TSV; multi-page TIFFs give several pages. */
export function parseTsv(tsv: string): TsvPage[] {
  const pages = new Map<number, TsvPage>();
  const lines = tsv.split("\n");
  for (let k = 1; k < lines.length; k++) {
    const cols = lines[k]!.split("\t");
    if (cols.length < 12) continue;
    const [level, pageNum, block, par, line, , left, top, width, height, conf] = cols.map(Number) as number[];
    const text = cols.slice(11).join("\t").trim();
    let page = pages.get(pageNum!);
    if (!page) {
      page = { width: 0, height: 0, words: [], lineKeys: [] };
      pages.set(pageNum!, page);
    }
    if (level === 1) {
      page.width = width!;
      page.height = height!;
    }
    if (level !== 5 || !text) continue;
    page.words.push({ text, confidence: Math.max(0, conf!), left: left!, top: top!, width: width!, height: height! });
    page.lineKeys.push(`${block}.${par}.${line}`);
  }
  return [...pages.keys()].sort((a, b) => a - b).map((n) => pages.get(n)!);
}

/** The page's boxes in another image's pixels (that image being `k` times as large). */
export function scaleTsv(page: TsvPage, k: number): TsvPage {
  if (k === 1) return page;
  const r = (n: number) => Math.round(n * k);
  return {
    width: r(page.width),
    height: r(page.height),
    lineKeys: page.lineKeys,
    words: page.words.map((w) => ({ ...w, left: r(w.left), top: r(w.top), width: r(w.width), height: r(w.height) })),
  };
}

export function toPositioned(page: TsvPage): PositionedPage {
  return {
    width: page.width,
    height: page.height,
    words: page.words.map((w, i) => ({
      // What Tesseract barely believes in and is that short is a speck or a table's rule.
      text: w.confidence < 15 && w.text.length <= 3 ? "" : fixCase(w.text),
      x0: w.left,
      y0: w.top,
      x1: w.left + w.width,
      y1: w.top + w.height,
      lineKey: page.lineKeys[i],
    })),
  };
}

/**
 * Tesseract's Vietnamese model often capitalises an accented vowel inside a word ("giỜ",
 * "ChỦ", "nhƯ") and glues a short word to the next ("SởY tế"): the first is lower-cased, the
 * second split where a lower-case letter meets a plain capital; its "Ð" is the Vietnamese "Đ".
 */
export function fixCase(word: string): string {
  return word
    .normalize("NFC")
    .replace(/ĐÐ|ÐĐ/g, "Đ") // "CĐÐ": the Icelandic Ð read beside, or for, the Vietnamese Đ
    .replace(/Ð/g, "Đ")
    .replace(/ð/g, "đ")
    .replace(/(\p{Ll})(\p{Lu})/gu, (_, a: string, b: string) =>
      /[A-ZĐ]/.test(b) ? `${a} ${b}` : `${a}${b.toLocaleLowerCase("vi")}`,
    );
}
