// Positioned words (Tesseract's TSV of a scan, a PDF's text items) → the text the extractor reads,
// laid out as the OCR seeds are: one paragraph per block with blank lines between, the two columns
// of a header split by a tab, task tables as markdown pipe tables. Every word's place in the text
// is kept, so the review screen can mark the words the recogniser was unsure of.
import { LIST_START } from "../normalize";
import {
  buildLines,
  median,
  segments,
  textOfWords,
  touches,
  unitOf,
  type PositionedPage,
  type VisualLine,
} from "./lines";
import { columnBounds, continuesTable, findHeader, readRows, type LaidRow, type TableShape } from "./table";

export type { PositionedPage, PositionedWord } from "./lines";

export interface LaidOutText {
  text: string;
  /** spans[page][word]: where the word is in `text`; null for words left out (table rules). */
  spans: ({ start: number; end: number } | null)[][];
}

const COLUMN_GAP = 2.5; // units: the gap between a header's two columns

class Writer {
  text = "";
  spans: ({ start: number; end: number } | null)[][] = [];
  raw(s: string) {
    this.text += s;
  }
  word(page: PositionedPage, p: number, i: number) {
    const t = page.words[i]!.text.trim().normalize("NFC").replace(/\|/g, "/");
    this.spans[p]![i] = { start: this.text.length, end: this.text.length + t.length };
    this.text += t;
  }
  words(page: PositionedPage, p: number, ids: number[]) {
    ids.forEach((i, k) => {
      if (k && !touches(page, ids[k - 1]!, i)) this.raw(" ");
      this.word(page, p, i);
    });
  }
  /** Ends the current paragraph with a blank line (none at the very start). */
  paragraph() {
    if (!this.text) return;
    this.text = this.text.replace(/[ \t]+$/, "");
    if (!this.text.endsWith("\n\n")) this.text += this.text.endsWith("\n") ? "\n" : "\n\n";
  }
}

const isUpper = (s: string) => /\p{Lu}/u.test(s) && s === s.toUpperCase();

function writeLine(w: Writer, page: PositionedPage, p: number, line: VisualLine, u: number, split: number | null) {
  let prev: number | null = null;
  let tabbed = false;
  for (const i of line.words) {
    if (prev !== null && !touches(page, prev, i)) {
      const gap = page.words[i]!.x0 - page.words[prev]!.x1;
      // The header's right column ("CỘNG HÒA …", "Hà Nội, ngày …") starts at `split`.
      const column: boolean = split !== null && !tabbed && gap > 0.4 * u && page.words[i]!.x0 >= split - 0.5 * u;
      tabbed ||= column || gap > COLUMN_GAP * u;
      w.raw(column || gap > COLUMN_GAP * u ? "\t" : " ");
    }
    w.word(page, p, i);
    prev = i;
  }
}

/** Where the header's right column starts: the x of "CỘNG HÒA XÃ HỘI…" near the top of page 1. */
function headerSplit(page: PositionedPage, lines: VisualLine[]): { x: number; until: number } | null {
  for (const l of lines) {
    if (l.y0 > page.height * 0.3) break;
    for (let k = 1; k < l.words.length; k++) {
      if (/^C[ỘO]NG\s*H[ÒOÓ]/u.test(textOfWords(page, l.words.slice(k)).normalize("NFC")))
        return { x: page.words[l.words[k]!]!.x0, until: page.height * 0.3 };
    }
  }
  return null;
}

function writeTable(w: Writer, page: PositionedPage, p: number, rows: LaidRow[], shape: TableShape | null) {
  if (shape) {
    w.raw("|");
    for (const c of shape.columns) {
      w.raw(" ");
      w.words(page, p, c.words);
      w.raw(" |");
    }
    w.raw("\n");
    w.raw(`|${shape.columns.map(() => "---|").join("")}\n`);
  }
  for (const row of rows) {
    w.raw("|");
    row.cells.forEach((ids) => {
      w.raw(" ");
      w.words(page, p, ids);
      w.raw(" |");
    });
    if (row.kind === "group") for (let k = 1; k < (shape?.roles.length ?? 1); k++) w.raw("  |");
    w.raw("\n");
  }
}

/** Where a new paragraph starts between two lines of prose (see the module comment). */
function opens(prev: VisualLine, line: VisualLine, page: PositionedPage, m: Margins, u: number): boolean {
  const a = textOfWords(page, prev.words);
  const b = textOfWords(page, line.words);
  if (line.y0 - prev.y1 > m.gap + 0.45 * u) return true;
  if (LIST_START.test(b)) return true;
  if (isUpper(a) !== isUpper(b)) return true;
  // Centred: short of both margins by about as much on each side.
  const centred = (l: VisualLine) =>
    l.x0 > m.left + 2 * u && m.right - l.x1 > 2 * u && Math.abs(l.x0 - m.left - (m.right - l.x1)) < 2.5 * u;
  if (centred(prev) && centred(line)) return false;
  if (prev.x1 < m.right - 4 * u) return true; // the previous paragraph's short last line
  return line.x0 > m.left + 1.2 * u; // a first-line indent
}

interface Margins {
  left: number;
  right: number;
  centre: number;
  gap: number;
}

function margins(lines: VisualLine[]): Margins {
  const wide = lines.filter((l) => l.words.length >= 4);
  const xs0 = (wide.length ? wide : lines).map((l) => l.x0).sort((a, b) => a - b);
  const xs1 = (wide.length ? wide : lines).map((l) => l.x1).sort((a, b) => a - b);
  const left = xs0[Math.floor(xs0.length * 0.1)] ?? 0;
  const right = xs1[Math.floor(xs1.length * 0.9)] ?? 0;
  const gaps = lines.slice(1).map((l, i) => l.y0 - lines[i]!.y1);
  return { left, right, centre: (left + right) / 2, gap: Math.max(0, median(gaps.filter((g) => g > 0))) };
}

const isPageNumber = (page: PositionedPage, l: VisualLine) =>
  /^[-–\s]*\d{1,3}[-–\s]*$/.test(textOfWords(page, l.words)) && (l.y1 < page.height * 0.1 || l.y0 > page.height * 0.9);

export function layoutText(pages: PositionedPage[]): LaidOutText {
  const w = new Writer();
  let open: TableShape | null = null;
  pages.forEach((page, p) => {
    w.spans.push(page.words.map(() => null));
    const u = unitOf(page);
    const lines = buildLines(page).filter((l) => !isPageNumber(page, l));
    const m = margins(lines);
    const header = p === 0 ? headerSplit(page, lines) : null;
    let i = 0;
    if (open && lines.length) {
      const again = findHeader(page, lines, 0, u);
      const start = again && again.shape.roles.join() === open.roles.join() ? again.last + 1 : 0;
      if (lines[start] && continuesTable(page, lines[start]!, open, u)) {
        const { rows, end } = readRows(page, lines, start, open, u);
        // The rows go on in the same pipe table: no blank line between the pages.
        w.text = w.text.replace(/\n+$/, "\n");
        writeTable(w, page, p, rows, null);
        i = end;
      }
    }
    open = null;
    let prev: VisualLine | null = null;
    for (; i < lines.length;) {
      const head = findHeader(page, lines, i, u);
      if (head) {
        const first = head.last + 1;
        // Borders first guessed from where the first rows' cells start, then from the whole table.
        const near = lines.slice(first, first + 8);
        const rough: TableShape = { ...head.shape, bounds: columnBounds(page, head.shape.columns, near, u) };
        const extent = readRows(page, lines, first, rough, u);
        const shape: TableShape = {
          ...head.shape,
          bounds: columnBounds(page, head.shape.columns, lines.slice(first, extent.end), u),
        };
        const { rows, end } = readRows(page, lines, first, shape, u);
        if (rows.some((r) => r.kind === "task")) {
          w.paragraph();
          writeTable(w, page, p, rows, shape);
          w.raw("\n");
          open = end >= lines.length ? shape : null;
          prev = null;
          i = end;
          continue;
        }
      }
      const line = lines[i]!;
      const inHeader = header && line.y1 < header.until ? header.x : null;
      const split =
        segments(page, line, COLUMN_GAP * u).length > 1 ||
        (inHeader !== null && line.x0 < inHeader - u && line.x1 > inHeader + u);
      if (prev && (split || opens(prev, line, page, m, u))) w.paragraph();
      else if (prev) w.raw("\n");
      writeLine(w, page, p, line, u, inHeader);
      prev = split ? null : line;
      if (split) w.paragraph();
      i++;
    }
    w.paragraph();
  });
  return { text: w.text.replace(/\s+$/, "\n"), spans: w.spans };
}
