import "server-only";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/user";
import { csvBytes } from "@/lib/exports/csv";
import { documentPdf } from "@/lib/exports/pdf";
import { exportFileName, type ExportDocument } from "@/lib/exports/table";
import { toXlsx } from "@/lib/exports/xlsx";
import { AppError, ForbiddenError, userMessage } from "@/lib/errors";

// The one entry of the export route handlers: signed in, allowed to read the overview of their
// province (checked here, not only by the page that links to it), then a file with a Vietnamese
// name without diacritics.

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

function text(message: string, status: number): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** Runs an export for a user who may read the overview of their province. */
export async function exportHandler(context: string, run: (user: SessionUser) => Promise<Response>): Promise<Response> {
  try {
    const user = await requireUser();
    if (user.provinceId === null || !can(user, "overview.read", { provinceId: user.provinceId }))
      throw new ForbiddenError();
    return await run(user);
  } catch (error) {
    return text(userMessage(error, context), error instanceof AppError ? error.status : 500);
  }
}

export function badFormat(): Response {
  return text("Định dạng tệp không hợp lệ: chọn xlsx, csv hoặc pdf.", 400);
}

export function badTable(choices: readonly string[]): Response {
  return text(`Không có bảng này trong tổng quan: chọn ${choices.join(", ")}.`, 400);
}

export { exportFileName };
