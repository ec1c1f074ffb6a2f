import ExcelJS from "exceljs";

// Spreadsheets for tests, written with exceljs as a province's office would save them.

export async function xlsxOf(
  rows: (string | number | boolean | null | ExcelJS.CellValue)[][],
  sheet = "Danh sách",
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A CSV file's bytes: cells joined by `sep`, quoted when needed, with or without a byte-order mark. */
export function csvOf(rows: string[][], { sep = ",", bom = false }: { sep?: string; bom?: boolean } = {}): Uint8Array {
  const cell = (c: string) =>
    c.includes(sep) || c.includes('"') || c.includes("\n") ? `"${c.replace(/"/g, '""')}"` : c;
  const text = rows.map((r) => r.map(cell).join(sep)).join("\r\n") + "\r\n";
  return new Uint8Array(Buffer.from((bom ? "\uFEFF" : "") + text, "utf8"));
}
