import { foldVi } from "@/lib/deadlines/fold";

// The columns a list is read by. A header cell matches a column when it reads the same once
// diacritics, case, spaces and punctuation are set aside: "Tên đăng nhập", "TEN DANG NHAP",
// "ten_dang_nhap" and "Tên đăng nhập:" are one column; so are "E-mail", "Email" and "Thư điện tử"
// when the column lists that alias.

export interface ColumnSpec<K extends string = string> {
  key: K;
  /** The header as templates and exports write it. */
  header: string;
  /** Other headers the same column goes by in lists provinces already keep. */
  aliases?: readonly string[];
  required?: boolean;
}

/** A header as matching sees it: folded, letters and digits only. */
export function headerKey(text: string): string {
  return foldVi(text.normalize("NFC")).replace(/[^a-z0-9]+/g, "");
}

export interface HeaderMatch<K extends string> {
  /** Column key → index of the cell holding it. */
  positions: Partial<Record<K, number>>;
  /** Headers of the file that match no column (shown, then ignored). */
  ignored: string[];
  /** Columns matched twice: the second cell's header. */
  repeated: string[];
}

export function matchHeaders<K extends string>(
  cells: readonly string[],
  columns: readonly ColumnSpec<K>[],
): HeaderMatch<K> {
  const byKey = new Map<string, K>();
  for (const c of columns) for (const name of [c.header, ...(c.aliases ?? [])]) byKey.set(headerKey(name), c.key);
  const positions: Partial<Record<K, number>> = {};
  const ignored: string[] = [];
  const repeated: string[] = [];
  cells.forEach((cell, i) => {
    const text = cell.trim();
    if (!text) return;
    const key = byKey.get(headerKey(text));
    if (key === undefined) ignored.push(text);
    else if (positions[key] !== undefined) repeated.push(text);
    else positions[key] = i;
  });
  return { positions, ignored, repeated };
}

/** How many of the required columns a row of cells names (to find the header row under a title). */
export function requiredFound<K extends string>(cells: readonly string[], columns: readonly ColumnSpec<K>[]): number {
  const { positions } = matchHeaders(cells, columns);
  return columns.filter((c) => c.required && positions[c.key] !== undefined).length;
}
