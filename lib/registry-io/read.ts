import { stripControlCharacters } from "@/lib/validation/fields";
import { matchHeaders, requiredFound, type ColumnSpec } from "@/lib/registry-io/columns";
import { readCsvRows } from "@/lib/registry-io/csv";
import { refuseFile, READ_LIMITS, type RawRow } from "@/lib/registry-io/limits";
import { readXlsxRows } from "@/lib/registry-io/xlsx";

// A list a province already keeps (XLSX or CSV) read into rows keyed by column: the header row is
// found among the first lines (a title may stand above it), its cells matched to the columns
// without diacritics or case, empty rows skipped. Every refusal is a Vietnamese sentence that
// says what to fix.

export { READ_LIMITS };

export interface ReadRow<K extends string> {
  /** The line of the file, as the spreadsheet numbers it. */
  line: number;
  /** The text of each column the file has (trimmed); a column the file lacks is absent. */
  values: Partial<Record<K, string>>;
}

export interface ReadTable<K extends string> {
  format: "xlsx" | "csv";
  rows: ReadRow<K>[];
  /** The columns the file has. */
  present: K[];
  /** Headers of the file that match no column. */
  ignored: string[];
}

export function formatOfName(fileName: string): "xlsx" | "csv" | null {
  const ext = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1];
  return ext === "xlsx" ? "xlsx" : ext === "csv" ? "csv" : null;
}

const clean = (s: string) => stripControlCharacters(s.normalize("NFC")).replace(/\s+/g, " ").trim();

const quoted = (names: string[]) => names.map((n) => `“${n}”`).join(", ");

/**
 * The non-empty rows of a list's first sheet as cleaned text, with the file's format: what every
 * list import reads first, before its header row is looked for.
 */
export async function readSheetRows(
  fileName: string,
  bytes: Uint8Array,
  field = "file",
): Promise<{ format: "xlsx" | "csv"; rows: RawRow[] }> {
  const format = formatOfName(fileName);
  if (!format) refuseFile(field, `Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv); tệp “${fileName}” không phải loại này.`);
  if (bytes.byteLength === 0) refuseFile(field, `Tệp “${fileName}” trống.`);
  if (bytes.byteLength > READ_LIMITS.bytes)
    refuseFile(
      field,
      `Tệp “${fileName}” lớn hơn ${READ_LIMITS.bytes / 1024 / 1024} MB; danh sách của một tỉnh không cần lớn như vậy.`,
    );
  const raw: RawRow[] =
    format === "xlsx" ? await readXlsxRows(fileName, bytes, field) : readCsvRows(fileName, bytes, field);
  const rows = raw.map((r) => ({ line: r.line, cells: r.cells.map(clean) })).filter((r) => r.cells.some(Boolean));
  if (rows.length === 0) refuseFile(field, `Tệp “${fileName}” không có dữ liệu.`);
  return { format, rows };
}

export async function readRegistryFile<K extends string>(
  fileName: string,
  bytes: Uint8Array,
  columns: readonly ColumnSpec<K>[],
  field = "file",
): Promise<ReadTable<K>> {
  const { format, rows } = await readSheetRows(fileName, bytes, field);

  // The header: the first of the first ten rows that names the most required columns.
  const required = columns.filter((c) => c.required);
  let headerAt = 0;
  let best = -1;
  for (let i = 0; i < Math.min(10, rows.length); i++) {
    const found = requiredFound(rows[i]!.cells, columns);
    if (found > best) [best, headerAt] = [found, i];
    if (found === required.length) break;
  }
  const header = rows[headerAt]!;
  const { positions, ignored, repeated } = matchHeaders(header.cells, columns);
  const missing = required.filter((c) => positions[c.key] === undefined).map((c) => c.header);
  if (missing.length > 0)
    refuseFile(
      field,
      `Tệp “${fileName}” thiếu cột ${quoted(missing)}. Dòng tiêu đề cần có các cột như trong tệp mẫu: ${quoted(columns.map((c) => c.header))}.`,
    );
  if (repeated.length > 0) refuseFile(field, `Tệp “${fileName}” có cột lặp lại: ${quoted(repeated)}.`);

  const present = columns.filter((c) => positions[c.key] !== undefined).map((c) => c.key);
  const data = rows.slice(headerAt + 1);
  if (data.length === 0) refuseFile(field, `Tệp “${fileName}” chỉ có dòng tiêu đề, chưa có dòng dữ liệu nào.`);
  if (data.length > READ_LIMITS.rows)
    refuseFile(field, `Tệp “${fileName}” có ${data.length} dòng; mỗi lần nhập tối đa ${READ_LIMITS.rows} dòng.`);
  return {
    format,
    present,
    ignored,
    rows: data.map((r) => {
      const values: Partial<Record<K, string>> = {};
      for (const key of present) values[key] = r.cells[positions[key]!] ?? "";
      return { line: r.line, values };
    }),
  };
}
