import ExcelJS from "exceljs";
import type { ExportDocument } from "@/lib/exports/table";

// XLSX with exceljs: one worksheet per table, its header in row 1 (frozen, with filters) so that
// the file sorts and filters in Excel at once; a last sheet "Thông tin" says what the file holds.

function sheetName(name: string, used: Set<string>): string {
  const base =
    name
      .replace(/[\\/?*[\]:]/g, " ")
      .slice(0, 31)
      .trim() || "Bảng";
  let n = base;
  for (let i = 2; used.has(n); i++) n = `${base.slice(0, 28)} ${i}`;
  used.add(n);
  return n;
}

export async function toXlsx(doc: ExportDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Hệ thống theo dõi chỉ đạo phòng, chống dịch";
  wb.title = doc.title;
  const used = new Set<string>();
  for (const sheet of doc.sheets) {
    const ws = wb.addWorksheet(sheetName(sheet.name, used), { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width ?? 14 }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: "middle", wrapText: true };
    header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
    for (const row of sheet.rows) ws.addRow(row);
    sheet.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      if (c.kind === "percent") col.numFmt = "0%";
      if (c.kind !== "number" && c.kind !== "percent")
        col.alignment = { vertical: "top", wrapText: (c.width ?? 14) > 30 };
    });
    if (sheet.columns.length > 0)
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
  const info = wb.addWorksheet(sheetName("Thông tin", used));
  info.getColumn(1).width = 100;
  info.addRow([doc.title]).font = { bold: true, size: 14 };
  for (const note of doc.notes) info.addRow([note]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
