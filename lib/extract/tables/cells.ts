// A table cell as clean text whose every character remembers its offset in the original text,
// like the blocks of normalize.ts, so a row's agencies and deadline can be highlighted.
import { cleanLine, type Line } from "../normalize";

export type CellText = Line;

export const EMPTY_CELL: CellText = { text: "", offs: [] };

/** Cleans original[start, end): markdown marks and "<br>" go, each line of it joined by a space. */
export function cellAt(original: string, start: number, end: number): CellText {
  // "<br>" from OCR tools becomes spaces of the same length, so offsets stay put.
  const raw = original.slice(start, end).replace(/<br\s*\/?>/gi, (m) => " ".repeat(m.length));
  let cell: CellText = EMPTY_CELL;
  let at = 0;
  for (const piece of raw.split("\n")) {
    cell = joinCells(cell, cleanLine(piece.replace(/\r$/, ""), start + at));
    at += piece.length + 1;
  }
  return unquote(cell);
}

/** "a" + "b" → "a b", offsets kept. */
export function joinCells(a: CellText, b: CellText): CellText {
  if (!b.text) return a;
  if (!a.text) return b;
  return { text: `${a.text} ${b.text}`, offs: [...a.offs, b.offs[0] ?? 0, ...b.offs] };
}

/** Excel puts a cell holding line breaks between quotes. */
function unquote(c: CellText): CellText {
  if (c.text.length >= 2 && c.text.startsWith('"') && c.text.endsWith('"'))
    return { text: c.text.slice(1, -1), offs: c.offs.slice(1, -1) };
  return c;
}

export const isUpperText = (s: string) => {
  const letters = s.replace(/[^\p{L}]/gu, "");
  return letters.length >= 3 && letters === letters.toUpperCase();
};
