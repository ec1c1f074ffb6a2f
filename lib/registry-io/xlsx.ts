import ExcelJS from "exceljs";
import { inspectArchive, isZip } from "@/lib/uploads/archive";
import { cellText } from "@/lib/registry-io/cells";
import { refuseFile, type RawRow, READ_LIMITS } from "@/lib/registry-io/limits";

// The rows of an XLSX file's first worksheet, as text. An .xlsx is a zip: its directory is
// measured first (lib/uploads/archive.ts) so that a zip bomb is refused before exceljs inflates it.

const LIST_ARCHIVE_LIMITS = { entries: 300, totalBytes: 30 * 1024 * 1024, ratio: 100 };

export async function readXlsxRows(fileName: string, bytes: Uint8Array, field: string): Promise<RawRow[]> {
  if (!isZip(bytes)) refuseFile(field, `Tệp “${fileName}” không phải bảng tính Excel (.xlsx) hợp lệ.`);
  await inspectArchive(fileName, bytes, field, LIST_ARCHIVE_LIMITS);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    refuseFile(field, `Tệp “${fileName}” bị hỏng hoặc không phải bảng tính Excel (.xlsx) hợp lệ.`);
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) refuseFile(field, `Tệp “${fileName}” không có dữ liệu: trang tính đầu tiên trống.`);
  if (sheet.actualRowCount > READ_LIMITS.rows + 10)
    refuseFile(field, `Tệp “${fileName}” có quá nhiều dòng (tối đa ${READ_LIMITS.rows.toLocaleString("vi-VN")} dòng).`);
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let i = 1; i < values.length && i <= READ_LIMITS.columns; i++) cells.push(cellText(values[i] ?? null));
    rows.push({ line, cells });
  });
  return rows;
}
