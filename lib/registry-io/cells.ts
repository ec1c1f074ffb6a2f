import type ExcelJS from "exceljs";

// What a spreadsheet cell reads as text: numbers without Excel's float noise, dates as dd/MM/yyyy,
// a hyperlink (Excel turns a typed e-mail into one) as its text, rich text as its runs, a formula
// as its last result, an error cell as nothing.

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (typeof value === "boolean") return value ? "Có" : "Không";
  if (value instanceof Date)
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if ("hyperlink" in value) {
      const text = (value as { text?: unknown }).text;
      if (typeof text === "string") return text;
      if (text && typeof text === "object") return cellText(text as ExcelJS.CellValue);
      return String(value.hyperlink ?? "").replace(/^mailto:/i, "");
    }
    if ("formula" in value || "sharedFormula" in value)
      return cellText(((value as { result?: unknown }).result ?? null) as ExcelJS.CellValue);
    if ("error" in value) return "";
  }
  return "";
}
