import "server-only";
import { csvBytes } from "@/lib/exports/csv";
import { documentPdf } from "@/lib/exports/pdf";
import { exportFileName, type ExportDocument } from "@/lib/exports/table";
import { toXlsx } from "@/lib/exports/xlsx";
import { AppError } from "@/lib/errors";

// What the export route handlers answer: a file with a Vietnamese name without diacritics. The
// handlers go through the gate, which checks "overview.read" in the user's province.

export type ExportFormat = "xlsx" | "csv" | "pdf";

const TYPES: Record<ExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  pdf: "application/pdf",
};

export function formatOf(value: string | null): ExportFormat | null {
  return value === "xlsx" || value === "csv" || value === "pdf" ? value : null;
}

export function fileResponse(bytes: Buffer, fileName: string, format: ExportFormat): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": TYPES[format],
      "content-length": String(bytes.length),
      "content-disposition": `attachment; filename="${fileName}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}

/** XLSX and PDF hold every table of the document; a CSV file holds one: the `sheet`-th (the first by default). */
export async function documentBytes(doc: ExportDocument, format: ExportFormat, sheet = 0): Promise<Buffer> {
  if (format === "xlsx") return toXlsx(doc);
  if (format === "pdf") return documentPdf(doc);
  const table = doc.sheets[sheet];
  if (!table) throw new RangeError(`no table ${sheet} in "${doc.title}"`);
  return csvBytes(table);
}

/** The format a download asks for, or a Vietnamese refusal (400). */
export function requireFormat(value: string | null): ExportFormat {
  const format = formatOf(value);
  if (!format) throw new AppError("Định dạng tệp không hợp lệ: chọn xlsx, csv hoặc pdf.");
  return format;
}

export { exportFileName };

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A Word document as a download (`fileName` ends in .docx). */
export function docxResponse(bytes: Buffer, fileName: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": DOCX,
      "content-length": String(bytes.length),
      "content-disposition": `attachment; filename="${fileName}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
