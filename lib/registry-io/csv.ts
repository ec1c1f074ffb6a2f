import { CsvError, parse } from "csv-parse/sync";
import { refuseFile, type RawRow, READ_LIMITS } from "@/lib/registry-io/limits";

// The rows of a CSV file as text: UTF-8 with or without its byte-order mark (Excel's "CSV UTF-8"
// writes one), separated by commas or by semicolons (Excel in Vietnamese and most of Europe
// writes those), quoted fields with line breaks allowed.

/** The separator of the header line: whichever of ";" and "," appears more often outside quotes. */
export function detectDelimiter(text: string): ";" | "," {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) {
      if (semicolons + commas > 0) break;
    } else if (!quoted && ch === ";") semicolons++;
    else if (!quoted && ch === ",") commas++;
  }
  return semicolons > commas ? ";" : ",";
}

export function readCsvRows(fileName: string, bytes: Uint8Array, field: string): RawRow[] {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    refuseFile(
      field,
      `Tệp “${fileName}” không phải văn bản mã UTF-8. Trong Excel hãy chọn Lưu thành “CSV UTF-8 (phân tách bằng dấu phẩy)”, hoặc tải lên tệp .xlsx.`,
    );
  }
  if (text.includes("\u0000")) refuseFile(field, `Tệp “${fileName}” không phải tệp CSV dạng văn bản.`);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      to: READ_LIMITS.rows + 11,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = error instanceof CsvError ? (error as CsvError & { lines?: number }).lines : undefined;
    refuseFile(
      field,
      `Tệp “${fileName}” sai định dạng CSV${line ? ` ở dòng ${line}` : ""}: dấu ngoặc kép chưa đóng hoặc đặt sai chỗ.`,
    );
  }
  if (records.length > READ_LIMITS.rows + 10)
    refuseFile(field, `Tệp “${fileName}” có quá nhiều dòng (tối đa ${READ_LIMITS.rows.toLocaleString("vi-VN")} dòng).`);
  return records.map(({ record, info }) => ({ line: info.lines, cells: record.slice(0, READ_LIMITS.columns) }));
}
