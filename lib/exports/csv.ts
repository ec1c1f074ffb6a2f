import type { Cell, ExportSheet } from "@/lib/exports/table";

// CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Vietnamese as Latin-1),
// CRLF line ends, RFC 4180 quoting. Text that Excel would take for a formula (=, +, -, @ first)
// is prefixed with an apostrophe, so a directive text "- Tăng cường…" stays text and a crafted
// cell cannot run a formula.

export const BOM = "\uFEFF";

function field(value: Cell, numeric: boolean): string {
  if (value === null) return "";
  let s = typeof value === "number" ? String(value) : value;
  if (typeof value === "string" && !numeric && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(sheet: ExportSheet): string {
  const numeric = sheet.columns.map((c) => c.kind === "number" || c.kind === "percent");
  const lines = [sheet.columns.map((c) => field(c.header, false)).join(",")];
  for (const row of sheet.rows) lines.push(row.map((v, i) => field(v, numeric[i] ?? false)).join(","));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}

export function csvBytes(sheet: ExportSheet): Buffer {
  return Buffer.from(toCsv(sheet), "utf8");
}
