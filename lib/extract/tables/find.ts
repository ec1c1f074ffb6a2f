// Task tables inside a notice's text: tab-separated lines (a paste from Word or Excel) and markdown
// pipe tables (what OCR tools, and our own readers of Word, PDF and scans, write). A table is found
// by its header; its rows are assembled from lines the way the paste broke them: a row whose cell
// went on to the next line, a continuation row with an empty STT, merged group rows
// ("I. NHIỆM VỤ CHUNG") heading the rows under them.
import { cellAt, EMPTY_CELL, isUpperText, joinCells, type CellText } from "./cells";
import { classifyHeader, isHeaderVocabulary, isRoman, sttLabel, type ColumnRole } from "./header";

export interface TableRow {
  kind: "task" | "group";
  /** One per column for a task row; a group row holds its title in cells[0]. */
  cells: CellText[];
  start: number; // original offsets of the row
  end: number;
}

export interface ParsedTable {
  form: "tsv" | "pipe";
  roles: ColumnRole[];
  header: string[];
  rows: TableRow[];
}

export interface TableRegion {
  firstLine: number; // 0-based, inclusive
  lastLine: number;
  start: number;
  end: number;
  table: ParsedTable;
}

interface RawRecord {
  cells: CellText[];
  start: number;
  end: number;
  lastLine: number;
  separated: boolean; // had a tab or a pipe
}

const lineEnd = (text: string, starts: number[], ln: number) => {
  const next = starts[ln + 1];
  return next === undefined ? text.length : next - 1;
};

/** One tab-separated record from line `ln`; a cell opened by a quote may run over line breaks. */
function tsvRecord(text: string, starts: number[], ln: number): RawRecord {
  const from = starts[ln]!;
  const cells: CellText[] = [];
  let cellStart = from;
  let i = from;
  let line = ln;
  let separated = false;
  const quotedEnd = (at: number): number => {
    // The closing quote of a cell opened at `at`, within 30 lines; -1 when there is none.
    let lines = 0;
    for (let j = at + 1; j < text.length; j++) {
      const c = text[j];
      if (c === "\n" && ++lines > 30) return -1;
      if (c === '"') {
        if (text[j + 1] === '"') j++;
        else if (j + 1 >= text.length || /[\t\r\n]/.test(text[j + 1]!)) return j;
      }
    }
    return -1;
  };
  for (;;) {
    if (i === cellStart && text[i] === '"') {
      const close = quotedEnd(i);
      if (close > 0) {
        for (let j = i; j < close; j++) if (text[j] === "\n") line++;
        i = close + 1;
      }
    }
    if (i >= text.length || text[i] === "\n" || text[i] === "\t") {
      cells.push(cellAt(text, cellStart, i));
      if (i < text.length && text[i] === "\t") {
        separated = true;
        i++;
        cellStart = i;
        continue;
      }
      return { cells, start: from, end: i, lastLine: line, separated };
    }
    i++;
  }
}

function pipeRecord(text: string, starts: number[], ln: number): RawRecord | null {
  const from = starts[ln]!;
  const to = lineEnd(text, starts, ln);
  const raw = text.slice(from, to);
  if (!/^\s*\|/.test(raw) || (raw.match(/(?<!\\)\|/g) ?? []).length < 2) return null;
  const bars: number[] = [];
  for (let i = 0; i < raw.length; i++) if (raw[i] === "|" && raw[i - 1] !== "\\") bars.push(i);
  const cells: CellText[] = [];
  for (let k = 0; k + 1 < bars.length; k++) cells.push(cellAt(text, from + bars[k]! + 1, from + bars[k + 1]!));
  const tail = raw.slice(bars[bars.length - 1]! + 1);
  if (tail.trim()) cells.push(cellAt(text, from + bars[bars.length - 1]! + 1, to)); // OCR dropped the last bar
  return { cells, start: from, end: to, lastLine: ln, separated: true };
}

const isSeparatorRow = (r: RawRecord) => r.cells.length > 0 && r.cells.every((c) => /^:?-{2,}:?$/.test(c.text));
const textOf = (r: RawRecord) => r.cells.map((c) => c.text);
const blank = (c: CellText | undefined) => !c || !c.text.trim();

/** Merges a second header line: cell by cell when it starts empty, else as the first one's tail. */
function mergeHeader(a: CellText[], b: CellText[]): CellText[] {
  if (blank(b[0])) return a.map((c, i) => joinCells(c, b[i] ?? EMPTY_CELL)).concat(b.slice(a.length));
  return [...a.slice(0, -1), joinCells(a[a.length - 1] ?? EMPTY_CELL, b[0]!), ...b.slice(1)];
}

/** "Cơ quan thực hiện" over "Chủ trì | Phối hợp" pasted from merged Word cells: two columns. */
function splitPerformers(head: CellText[], sub: CellText[]): CellText[] | null {
  const words = sub.filter((c) => !blank(c)).map((c) => c.text.toLowerCase());
  if (sub.length !== 2 || words.length !== 2 || !/chủ trì/.test(words[0]!) || !/phối hợp/.test(words[1]!)) return null;
  const at = head.findIndex((c) => /thực hiện|cơ quan|đơn vị/i.test(c.text) && !/chủ trì|phối hợp/i.test(c.text));
  if (at < 0) return null;
  const subs = sub.filter((c) => !blank(c));
  return [...head.slice(0, at), joinCells(head[at]!, subs[0]!), subs[1]!, ...head.slice(at + 1)];
}

function header(
  next: (ln: number) => RawRecord | null,
  ln: number,
): { cells: CellText[]; roles: ColumnRole[]; lastLine: number } | null {
  const first = next(ln);
  if (!first || !first.separated) return null;
  let cells = first.cells;
  let lastLine = first.lastLine;
  let roles = classifyHeader(textOf(first));
  for (let k = 0; k < 2; k++) {
    let second = next(lastLine + 1);
    if (second && isSeparatorRow(second)) {
      lastLine = second.lastLine;
      second = next(lastLine + 1);
    }
    if (!second || !second.separated || isSeparatorRow(second)) break;
    const filled = second.cells.filter((c) => !blank(c));
    if (!filled.length || !filled.every((c) => isHeaderVocabulary(c.text)) || sttLabel(second.cells[0]?.text ?? ""))
      break;
    const merged = splitPerformers(cells, second.cells) ?? mergeHeader(cells, second.cells);
    const mergedRoles = classifyHeader(merged.map((c) => c.text));
    if (!mergedRoles) break;
    cells = merged;
    roles = mergedRoles;
    lastLine = second.lastLine;
  }
  return roles ? { cells, roles, lastLine } : null;
}

export function isGroupRow(cells: CellText[], roles: ColumnRole[]): boolean {
  const get = (role: ColumnRole) => cells[roles.indexOf(role)]?.text.trim() ?? "";
  if (get("lead") || get("support") || get("deadline")) return false;
  const filled = cells.filter((c) => !blank(c));
  if (!filled.length) return false;
  const stt = sttLabel(get("stt"));
  const title = (get("content") || filled[filled.length - 1]!.text).trim();
  if (stt && (isRoman(stt) || /^[A-Z]$/.test(stt))) return true;
  if (/^(?:[IVX]{1,5}|[A-Z])\s*[.)/-]\s*\S/u.test(title)) return true;
  return isUpperText(title) && title.length < 160;
}

/** A group row written on a line of its own, without separators: "I. NHIỆM VỤ CHUNG". */
function groupLine(r: RawRecord): boolean {
  const t = r.cells
    .map((c) => c.text)
    .join(" ")
    .trim();
  return /^(?:[IVX]{1,5}|[A-Z])\s*[.)/-]\s*\S/u.test(t) && t.length < 160 && isUpperText(t);
}

function assemble(
  form: ParsedTable["form"],
  next: (ln: number) => RawRecord | null,
  head: { cells: CellText[]; roles: ColumnRole[]; lastLine: number },
): { rows: TableRow[]; lastLine: number } {
  const { roles } = head;
  const n = roles.length;
  const sttAt = roles.indexOf("stt");
  const taskAt = [roles.indexOf("lead"), roles.indexOf("support"), roles.indexOf("deadline")].filter((i) => i >= 0);
  const rows: TableRow[] = [];
  let cur: TableRow | null = null;
  let lastLine = head.lastLine;
  const rowEnds: number[] = [];
  const fit = (cells: CellText[]) => {
    const out = cells.slice(0, n);
    for (let k = n; k < cells.length; k++) out[n - 1] = joinCells(out[n - 1] ?? EMPTY_CELL, cells[k]!);
    while (out.length < n) out.push(EMPTY_CELL);
    return out;
  };
  for (let ln = head.lastLine + 1; ;) {
    const r = next(ln);
    if (!r || (r.cells.every(blank) && !r.separated)) break;
    if (isSeparatorRow(r)) {
      ln = r.lastLine + 1;
      lastLine = r.lastLine;
      continue;
    }
    const startsRow = sttAt >= 0 && sttLabel(r.cells[sttAt]?.text ?? "") !== null;
    const incomplete = form === "tsv" && cur !== null && cur.kind === "task" && cur.cells.length < n;
    if (!r.separated) {
      if (incomplete && !groupLine(r)) cur!.cells[cur!.cells.length - 1] = joinCells(cur!.cells.at(-1)!, r.cells[0]!);
      else if (groupLine(r)) {
        cur = { kind: "group", cells: [r.cells[0]!], start: r.start, end: r.end };
        rows.push(cur);
      } else break;
    } else if (incomplete && !startsRow) {
      const c = cur!.cells;
      c[c.length - 1] = joinCells(c[c.length - 1]!, r.cells[0]!);
      c.push(...r.cells.slice(1));
      if (c.length > n) cur!.cells = fit(c);
    } else if (
      cur?.kind === "task" &&
      sttAt >= 0 &&
      blank(r.cells[sttAt]) &&
      taskAt.every((i) => blank(r.cells[i]) || blank(cur!.cells[i]))
    ) {
      // "|   | … the task's text goes on |   |": a continuation row, merged cell by cell.
      const cells = fit(r.cells);
      cur.cells = fit(cur.cells).map((c, i) => joinCells(c, cells[i]!));
    } else {
      const cells = form === "pipe" ? fit(r.cells) : r.cells;
      if (isGroupRow(fit(r.cells), roles)) {
        const title = fit(r.cells).filter((c) => !blank(c));
        cur = { kind: "group", cells: [title.reduce(joinCells, EMPTY_CELL)], start: r.start, end: r.end };
      } else cur = { kind: "task", cells, start: r.start, end: r.end };
      rows.push(cur);
    }
    if (cur) cur.end = Math.max(cur.end, r.end);
    lastLine = r.lastLine;
    ln = r.lastLine + 1;
    rowEnds[rows.length - 1] = lastLine;
  }
  // A group row with no task under it is the next section's heading ("III. TỔ CHỨC THỰC HIỆN").
  while (rows.length && rows[rows.length - 1]!.kind === "group") {
    rows.pop();
    lastLine = rows.length ? rowEnds[rows.length - 1]! : head.lastLine;
  }
  for (const row of rows) if (row.kind === "task") row.cells = fit(row.cells);
  return { rows, lastLine };
}

/** Every task table in the text, in order, with the lines it covers. */
export function findTables(text: string, lineStarts: number[]): TableRegion[] {
  if (!text.includes("\t") && !text.includes("|")) return [];
  const out: TableRegion[] = [];
  const count = lineStarts.length;
  for (let ln = 0; ln < count; ln++) {
    const s = lineStarts[ln]!;
    const raw = text.slice(s, lineEnd(text, lineStarts, ln));
    const form: ParsedTable["form"] | null = /^\s*\|/.test(raw) ? "pipe" : raw.includes("\t") ? "tsv" : null;
    if (!form) continue;
    const next = (l: number): RawRecord | null =>
      l >= count ? null : form === "pipe" ? pipeRecord(text, lineStarts, l) : tsvRecord(text, lineStarts, l);
    const head = header(next, ln);
    if (!head) continue;
    const { rows, lastLine } = assemble(form, next, head);
    if (!rows.some((r) => r.kind === "task")) continue;
    out.push({
      firstLine: ln,
      lastLine,
      start: s,
      end: lineEnd(text, lineStarts, lastLine),
      table: { form, roles: head.roles, header: head.cells.map((c) => c.text), rows },
    });
    ln = lastLine;
  }
  return out;
}
