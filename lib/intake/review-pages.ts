// What the review screen shows beside a scan's recognised text: each page's image, and each word
// with its box on that image, its place in the text and whether it should be checked.
import { layoutText, type PositionedPage } from "@/lib/extract/layout";
import { LOW_CONFIDENCE, type RecognisedPage } from "@/lib/ocr/recognize";

export interface ReviewWord {
  text: string;
  confidence: number; // 0–100
  /** Box on the page image, in its pixels. */
  left: number;
  top: number;
  width: number;
  height: number;
  /** Where the word is in the notice text (null when left out, e.g. a table's rule). */
  start: number | null;
  end: number | null;
  /** Below LOW_CONFIDENCE: mark it for checking. */
  low: boolean;
}

export interface ReviewPage {
  page: number; // 1-based, in the document
  width: number;
  height: number;
  image: { mime: string; bytes: Uint8Array } | null;
  meanConfidence: number;
  seconds: number;
  words: ReviewWord[];
}

export interface OcrSummary {
  pages: number;
  meanConfidence: number;
  lowConfidenceWords: number;
  seconds: number;
  secondsPerPage: number;
}

/** One page of the document: read from its text layer, or recognised. */
export type DocumentPage = { page: number; positioned: PositionedPage; recognised?: RecognisedPage };

export function layoutDocument(pages: DocumentPage[]): { text: string; review: ReviewPage[]; ocr: OcrSummary | null } {
  const sorted = [...pages].sort((a, b) => a.page - b.page);
  const { text, spans } = layoutText(sorted.map((p) => p.positioned));
  const review: ReviewPage[] = [];
  sorted.forEach((p, i) => {
    const r = p.recognised;
    if (!r) return;
    review.push({
      page: r.page,
      width: r.width,
      height: r.height,
      image: r.image,
      meanConfidence: r.meanConfidence,
      seconds: r.seconds,
      words: r.words.map((w, k) => {
        const s = spans[i]?.[k] ?? null;
        return { ...w, start: s?.start ?? null, end: s?.end ?? null, low: w.confidence < LOW_CONFIDENCE };
      }),
    });
  });
  if (!review.length) return { text, review, ocr: null };
  const words = review.flatMap((p) => p.words);
  const seconds = review.reduce((n, p) => n + p.seconds, 0);
  return {
    text,
    review,
    ocr: {
      pages: review.length,
      meanConfidence: words.length
        ? Math.round((10 * words.reduce((n, w) => n + w.confidence, 0)) / words.length) / 10
        : 0,
      lowConfidenceWords: words.filter((w) => w.low).length,
      seconds: Math.round(seconds * 10) / 10,
      secondsPerPage: Math.round((seconds / review.length) * 10) / 10,
    },
  };
}
