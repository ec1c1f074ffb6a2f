// Words with their boxes on a page (Tesseract's TSV, pdf.js text items) → the visual lines a
// reader sees, and the gaps inside them. Coordinates: pixels or points, y growing downwards.

export interface PositionedWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Tesseract's (block, paragraph, line) as one key: words it put on one line stay together. */
  lineKey?: string;
  /** A PDF text item, which may be a piece of a word: joined to a touching neighbour without a space. */
  piece?: boolean;
}

export interface PositionedPage {
  width: number;
  height: number;
  words: PositionedWord[];
}

export interface VisualLine {
  words: number[]; // indexes into the page's words, left to right
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Segment {
  words: number[];
  x0: number;
  x1: number;
}

const median = (xs: number[]): number => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** The page's unit: the median height of its words (one text line, accents included). */
export function unitOf(page: PositionedPage): number {
  return median(page.words.filter((w) => w.text.trim()).map((w) => w.y1 - w.y0)) || 10;
}

const overlapsX = (a: PositionedWord, b: PositionedWord) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1;

function box(words: PositionedWord[], ids: number[]) {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const i of ids) {
    const w = words[i]!;
    x0 = Math.min(x0, w.x0);
    y0 = Math.min(y0, w.y0);
    x1 = Math.max(x1, w.x1);
    y1 = Math.max(y1, w.y1);
  }
  return { x0, y0, x1, y1 };
}

/**
 * Groups words into visual lines: first by the recogniser's own lines, then fragments whose
 * vertical bands overlap by half the smaller height join (cells of one table row, the two columns
 * of a header). Lines come out top to bottom, words left to right.
 */
export function buildLines(page: PositionedPage): VisualLine[] {
  const { words } = page;
  const groups = new Map<string, number[]>();
  words.forEach((w, i) => {
    if (!w.text.trim()) return;
    const key = w.lineKey ?? `w${i}`;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  });
  const fragments = [...groups.values()].map((ids) => ({ ids, ...box(words, ids) }));
  fragments.sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2);
  const lines: (VisualLine & { ids: number[] })[] = [];
  for (const f of fragments) {
    const h = f.y1 - f.y0;
    let target: (typeof lines)[number] | undefined;
    for (let k = lines.length - 1; k >= 0 && k >= lines.length - 6; k--) {
      const l = lines[k]!;
      const overlap = Math.min(l.y1, f.y1) - Math.max(l.y0, f.y0);
      const lh = Math.min(l.y1 - l.y0, h);
      // Side by side, not on top of each other: the fragment must not overlap the line's words.
      const clash = l.ids.some((a) => f.ids.some((b) => overlapsX(words[a]!, words[b]!)));
      if (overlap >= lh * 0.5 && !clash) {
        target = l;
        break;
      }
    }
    if (target) {
      target.ids.push(...f.ids);
      target.x0 = Math.min(target.x0, f.x0);
      target.x1 = Math.max(target.x1, f.x1);
      target.y0 = Math.min(target.y0, f.y0);
      target.y1 = Math.max(target.y1, f.y1);
    } else lines.push({ ...f, words: [], ids: [...f.ids] });
  }
  for (const l of lines) l.words = [...l.ids].sort((a, b) => words[a]!.x0 - words[b]!.x0);
  lines.sort((a, b) => a.y0 - b.y0);
  return lines.map(({ words: w, x0, y0, x1, y1 }) => ({ words: w, x0, y0, x1, y1 }));
}

/** A line cut where the gap between two words exceeds `gap`. */
export function segments(page: PositionedPage, line: VisualLine, gap: number): Segment[] {
  const out: Segment[] = [];
  for (const i of line.words) {
    const w = page.words[i]!;
    const cur = out[out.length - 1];
    if (cur && w.x0 - cur.x1 <= gap) {
      cur.words.push(i);
      cur.x1 = Math.max(cur.x1, w.x1);
    } else out.push({ words: [i], x0: w.x0, x1: w.x1 });
  }
  return out;
}

/** Whether two neighbouring pieces of text touch: a PDF may cut one word into several items. */
export function touches(page: PositionedPage, a: number, b: number): boolean {
  const p = page.words[a]!;
  const q = page.words[b]!;
  if (!q.piece || !p.piece) return false;
  const sameLine = Math.min(p.y1, q.y1) - Math.max(p.y0, q.y0) > 0.5 * Math.min(p.y1 - p.y0, q.y1 - q.y0);
  return sameLine && q.x0 >= p.x0 && q.x0 - p.x1 < 0.12 * (q.y1 - q.y0) && !/\s$/.test(p.text) && !/^\s/.test(q.text);
}

export function textOfWords(page: PositionedPage, ids: number[]): string {
  let out = "";
  ids.forEach((i, k) => {
    const t = page.words[i]!.text.trim();
    if (!t) return;
    if (out && !(k > 0 && touches(page, ids[k - 1]!, i))) out += " ";
    out += t;
  });
  return out;
}

export { median };
