import { db } from "@/lib/db/client";
import { fromSearchParams, parseOverviewQuery, toFilters } from "@/lib/exports/list-query";
import { OVERVIEW_TABLES, overviewDocument, overviewTableIndex } from "@/lib/exports/load";
import {
  badFormat,
  badTable,
  documentBytes,
  exportFileName,
  exportHandler,
  fileResponse,
  formatOf,
} from "@/lib/exports/respond";
import { today } from "@/lib/time/today";

// GET /api/xuat/tong-quan?format=xlsx|csv|pdf&from=…&to=…&notice=…[&bang=qua-han|den-han|co-quan|thong-bao|theo-tuan]
// XLSX and PDF hold every table of the overview; a CSV file holds one table: the one `bang` names
// (the overdue list by default), each table of the overview page links to its own.
export async function GET(req: Request) {
  const params = new URL(req.url).searchParams;
  const format = formatOf(params.get("format"));
  if (!format) return badFormat();
  const sheet = overviewTableIndex(params.get("bang"));
  if (sheet === null) return badTable(OVERVIEW_TABLES);
  return exportHandler("export.overview", async (user) => {
    const day = today();
    const doc = await overviewDocument(db(), user, day, toFilters(parseOverviewQuery(fromSearchParams(params))));
    const name = format === "csv" && sheet > 0 ? `Tong quan ${doc.sheets[sheet]!.title}` : "Tong quan";
    return fileResponse(await documentBytes(doc, format, sheet), exportFileName(name, day, format), format);
  });
}
