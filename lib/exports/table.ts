// A table to export, independent of the format: the same rows go to XLSX, CSV and PDF, and the
// screens show the same columns, so a downloaded file matches what the reader saw.

export type Cell = string | number | null;

export interface Column {
  header: string;
  /** Approximate width in characters (XLSX) and relative width (PDF). */
  width?: number;
  /** "date": dd/MM/yyyy, printed on one line. */
  kind?: "text" | "number" | "percent" | "date";
}

export interface ExportSheet {
  /** Sheet name (31 characters at most in XLSX). */
  name: string;
  /** Title printed above the table (PDF) and on the information sheet (XLSX). */
  title: string;
  columns: Column[];
  rows: Cell[][];
}

export interface ExportDocument {
  title: string;
  /** Lines describing scope: province, period, notice, "tính đến ngày …". */
  notes: string[];
  sheets: ExportSheet[];
  /**
   * What the PDF prints instead of `sheets`, when it differs: lists grouped by directive for a
   * reader (each directive once with its agencies), while XLSX and CSV keep a row per agency.
   */
  pdfSheets?: ExportSheet[];
}

/** A file name in Vietnamese without diacritics: "Việc quá hạn" → "viec-qua-han". */
export function asciiSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function exportFileName(title: string, day: string, ext: "xlsx" | "csv" | "pdf" | "docx"): string {
  return `${asciiSlug(title)}-${day}.${ext}`;
}
