// Where the doubtful words of a scan (below the confidence mark) are in the notice text the
// review screen shows, so they can be marked there and tied to their box on the page image.
// The text was cleaned after recognition (spaces, line ends), so each word is looked for from
// where the previous one was found, near its recorded place. Pure code: the browser runs it.

export interface ScanWord {
  text: string;
  confidence: number;
  start: number | null;
  low: boolean;
}

export interface Doubt {
  start: number;
  end: number;
  page: number;
  /** The word's index on its page. */
  word: number;
  confidence: number;
}

/** How far from its recorded place a word may be found (the cleaning only shortens the text). */
const WINDOW = 400;

export function locateDoubts(text: string, pages: { page: number; words: ScanWord[] }[]): Doubt[] {
  const out: Doubt[] = [];
  let cursor = 0;
  for (const p of pages) {
    p.words.forEach((w, i) => {
      if (w.start === null || !w.text.trim()) return;
      const from = Math.max(cursor, w.start - WINDOW);
      const at = text.indexOf(w.text, from);
      if (at < 0 || at > w.start + WINDOW) return;
      cursor = at + w.text.length;
      if (w.low) out.push({ start: at, end: cursor, page: p.page, word: i, confidence: w.confidence });
    });
  }
  return out;
}
