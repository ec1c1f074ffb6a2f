// A task table seen on a page (a scan's words, a PDF's text items): found by its header words,
// its columns by where the header cells stand and where the cells' text starts, its rows by the
// STT column (or the wider gaps between rows), its end by a line of prose running across the
// column borders. The result is written out as a markdown pipe table for the text reader.
import { foldVi } from "@/lib/deadlines/fold";
import { classifyHeader, isHeaderNoise, isHeaderVocabulary, sttLabel, type ColumnRole } from "../tables/header";
import { median, segments, textOfWords, type PositionedPage, type Segment, type VisualLine } from "./lines";

export interface Column {
  x0: number;
  x1: number;
  /** Header words, with the words of a header cell spanning several columns first. */
  words: number[];
}

export interface TableShape {
  roles: ColumnRole[];
  columns: Column[];
  /** bounds[i] is the x between column i and i + 1. */
  bounds: number[];
}

export interface LaidRow {
  kind: "task" | "group";
  cells: number[][]; // word ids per column (group: all in cells[0])
}

const SEGMENT_GAP = 0.7; // in units: wider than a word space, narrower than two cell paddings

function headerColumns(page: PositionedPage, lines: VisualLine[], u: number): Column[] {
  const perLine = lines.map((l) => segments(page, l, SEGMENT_GAP * u));
  const finest = perLine.reduce((best, s, i) => (s.length >= perLine[best]!.length ? i : best), 0);
  const cols: Column[] = perLine[finest]!.map((s) => ({ x0: s.x0, x1: s.x1, words: [...s.words] }));
  perLine.forEach((segs, li) => {
    if (li === finest) return;
    for (const s of segs) {
      const over = cols.filter((c) => Math.min(c.x1, s.x1) - Math.max(c.x0, s.x0) > 0);
      if (over.length === 0) {
        cols.push({ x0: s.x0, x1: s.x1, words: [...s.words] });
        cols.sort((a, b) => a.x0 - b.x0);
      } else if (over.length === 1) {
        const c = over[0]!;
        c.x0 = Math.min(c.x0, s.x0);
        c.x1 = Math.max(c.x1, s.x1);
        c.words = li < finest ? [...s.words, ...c.words] : [...c.words, ...s.words];
      } else for (const c of over) c.words = [...s.words, ...c.words]; // "Cơ quan thực hiện" over two
    }
  });
  return cols;
}

/** The header of a task table at lines[at..at+2], if one starts there. */
export function findHeader(
  page: PositionedPage,
  lines: VisualLine[],
  at: number,
  u: number,
): { shape: Omit<TableShape, "bounds">; last: number } | null {
  // Header words without the scraps a scanned table's rules leave among them.
  const clean = (l: VisualLine): VisualLine => ({
    ...l,
    words: l.words.filter((w) => page.words[w]!.piece || !isHeaderNoise(page.words[w]!.text)),
  });
  for (let k = 0; k < 3 && at + k < lines.length; k++) {
    const window = lines.slice(at, at + k + 1).map(clean);
    const words = window.flatMap((l) => l.words);
    const text = textOfWords(page, words);
    if (!isHeaderVocabulary(text)) {
      if (k === 0) return null;
      break;
    }
    const columns = headerColumns(page, window, u);
    const roles = classifyHeader(columns.map((c) => textOfWords(page, c.words)));
    // A header needs its lines to be near each other: the next one below at most a line away.
    if (roles) {
      const last = at + k;
      // Words of the header's last cells may wrap onto one more line ("hoàn thành").
      const next = lines[last + 1] && clean(lines[last + 1]!);
      if (
        next &&
        next.words.length &&
        isHeaderVocabulary(textOfWords(page, next.words)) &&
        next.y0 - lines[last]!.y1 < u
      ) {
        const more = headerColumns(page, [...window, next], u);
        const moreRoles = classifyHeader(more.map((c) => textOfWords(page, c.words)));
        if (moreRoles) return { shape: { roles: moreRoles, columns: more }, last: last + 1 };
      }
      return { shape: { roles, columns }, last };
    }
  }
  return null;
}

/** Where one column ends and the next begins: just left of where the next cells' text starts. */
export function columnBounds(page: PositionedPage, cols: Column[], body: VisualLine[], u: number): number[] {
  const starts: number[] = [];
  for (const l of body) for (const s of segments(page, l, SEGMENT_GAP * u)) starts.push(s.x0);
  const bounds: number[] = [];
  for (let i = 0; i + 1 < cols.length; i++) {
    const a = cols[i]!;
    const b = cols[i + 1]!;
    const lo = a.x1;
    const hi = Math.max(lo, b.x0);
    const centre = (lo + hi) / 2;
    // Starts seen on two lines or more (left-aligned cells) between the two headers.
    const inside = starts.filter((x) => x > (a.x0 + a.x1) / 2 && x < (b.x0 + b.x1) / 2 + u).sort((p, q) => p - q);
    const aligned = inside.find((x) => inside.filter((y) => Math.abs(y - x) < 0.5 * u).length >= 2);
    bounds.push(aligned !== undefined ? Math.min(Math.max(aligned - 0.3 * u, lo), hi) : centre);
  }
  return bounds;
}

const STOP = /^(?:noi nhan|tm\.|kt\.|tl\.|q\.|(?:ubnd|uy ban nhan dan) tinh thong bao|[^|]{0,80}\.\/\.$)/;
const GROUPISH = (t: string) =>
  /^(?:[IVX]{1,5}|[A-Z])\s*[.)/-]\s*\S/u.test(t) ||
  (t.replace(/[^\p{L}]/gu, "").length >= 3 && t === t.toUpperCase() && /\p{L}/u.test(t));

/**
 * Whether a line runs across the column borders, as prose under a table does: across two of them
 * at least, since a border placed between two centred headers may cut a wide cell's text.
 */
function crosses(segs: Segment[], bounds: number[], u: number): boolean {
  const need = Math.min(2, bounds.length);
  return segs.some((s) => bounds.filter((b) => s.x0 < b - u && s.x1 > b + u).length >= need);
}

export function columnOf(x: number, bounds: number[]): number {
  let c = 0;
  while (c < bounds.length && x >= bounds[c]!) c++;
  return c;
}

/** Drops what a ruled table's borders turn into: "|", "[", a lone thin "l" on a border. */
function isRule(page: PositionedPage, i: number, bounds: number[], u: number): boolean {
  const w = page.words[i]!;
  if (w.piece) return false; // a PDF's text layer has no scanned rules
  const t = w.text.trim();
  if (/^[|¦[\]{}_/\\—–-]+$/.test(t)) return true;
  const thin = w.x1 - w.x0 < 0.8 * u && /^[lLIíÍìi1!|/]{1,2}$/.test(t);
  return thin && bounds.some((b) => Math.abs((w.x0 + w.x1) / 2 - b) < 0.8 * u);
}

/**
 * The rows of a table from lines[from]: stops at the first line that is not part of it.
 * Returns the rows and the index of the first line after the table.
 */
export function readRows(
  page: PositionedPage,
  lines: VisualLine[],
  from: number,
  shape: TableShape,
  u: number,
): { rows: LaidRow[]; end: number } {
  const { roles, bounds } = shape;
  const n = roles.length;
  const sttAt = roles.indexOf("stt");
  // The gap between two lines of one cell: the lower quartile of the gaps under the header.
  const gaps: number[] = [];
  for (let i = from + 1; i < lines.length && i < from + 30; i++) {
    const g = lines[i]!.y0 - lines[i - 1]!.y1;
    if (g > 0) gaps.push(g);
  }
  gaps.sort((a, b) => a - b);
  const rowGap = (gaps[Math.floor(gaps.length / 4)] ?? 0) + 0.35 * u;
  const rows: LaidRow[] = [];
  const rowLines: number[] = [];
  let cur: LaidRow | null = null;
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const text = textOfWords(page, line.words);
    if (STOP.test(foldVi(text).trim())) break;
    const ids = line.words.filter((w) => !isRule(page, w, bounds, u));
    // A line of scraps only ("kã `", "T"): a rule the scan read as letters.
    if (!ids.length || ids.every((w) => !page.words[w]!.piece && isHeaderNoise(page.words[w]!.text))) continue;
    const segs = segments(page, { ...line, words: ids }, SEGMENT_GAP * u);
    // A merged row across the columns ("II. NHIỆM VỤ CỤ THỂ"), or the next section's heading.
    const heading = /^(?:[IVX]{1,5}|[A-Z])(?:\s*[.)]|\s)\s*\p{Lu}/u.test(text) && columnOf(line.x0, bounds) <= 1;
    if (crosses(segs, bounds, u) || (heading && GROUPISH(text))) {
      if (!GROUPISH(text)) break;
      cur = { kind: "group", cells: [ids] };
      rows.push(cur);
      rowLines.push(i);
      continue;
    }
    const cells: number[][] = Array.from({ length: n }, () => []);
    for (const w of ids) cells[columnOf((page.words[w]!.x0 + page.words[w]!.x1) / 2, bounds)]!.push(w);
    const cellText = (c: number) => textOfWords(page, cells[c] ?? []);
    const filled = cells.map((c, k) => (c.length ? k : -1)).filter((k) => k >= 0);
    const sttText = sttAt >= 0 ? cellText(sttAt) : "";
    const gap = i > from ? line.y0 - lines[i - 1]!.y1 : Infinity;
    // Rows start at their number, or (a number the scan lost) at the wider gap between rows.
    const label = sttAt >= 0 ? sttLabel(sttText) : null;
    const newRow = !cur || cur.kind === "group" || label !== null || gap > rowGap;
    const onlyTitle = filled.every((k) => roles[k] === "stt" || roles[k] === "content");
    if (newRow && onlyTitle && GROUPISH(filled.map(cellText).join(" ").trim())) {
      const stt = sttLabel(sttText);
      if (!stt || !/^\d/.test(stt)) {
        cur = { kind: "group", cells: [ids] };
        rows.push(cur);
        rowLines.push(i);
        continue;
      }
    }
    if (newRow) {
      cur = { kind: "task", cells };
      rows.push(cur);
      rowLines.push(i);
    } else cells.forEach((c, k) => cur!.cells[k]!.push(...c));
  }
  // A group row with nothing under it is the heading of what follows the table.
  while (rows.length && rows[rows.length - 1]!.kind === "group") {
    rows.pop();
    i = rowLines.pop()!;
  }
  return { rows, end: i };
}

/** A table continued from the page before: its first line sits in the same columns. */
export function continuesTable(page: PositionedPage, line: VisualLine, shape: TableShape, u: number): boolean {
  const segs = segments(page, line, SEGMENT_GAP * u);
  const text = textOfWords(page, line.words);
  if (/^(?:[IVX]{1,5}|[A-Z])\s*[.)]?\s+\p{Lu}/u.test(text) && GROUPISH(text)) return true; // a group row
  return segs.length >= 2 && !crosses(segs, shape.bounds, u);
}

export { median };
