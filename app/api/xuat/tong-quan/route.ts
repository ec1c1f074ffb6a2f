import { db } from "@/lib/db/client";
import { fromSearchParams, parseOverviewQuery, toFilters } from "@/lib/exports/list-query";
import { overviewDocument } from "@/lib/exports/load";
import { badFormat, documentBytes, exportFileName, exportHandler, fileResponse, formatOf } from "@/lib/exports/respond";
import { today } from "@/lib/time/today";

// GET /api/xuat/tong-quan?format=xlsx|csv|pdf&from=…&to=…&notice=…
// XLSX and PDF hold every table of the overview; CSV (one table per file) the overdue list.
export async function GET(req: Request) {
  const params = new URL(req.url).searchParams;
  const format = formatOf(params.get("format"));
  if (!format) return badFormat();
  return exportHandler("export.overview", async (user) => {
    const day = today();
    const doc = await overviewDocument(db(), user, day, toFilters(parseOverviewQuery(fromSearchParams(params))));
    return fileResponse(await documentBytes(doc, format), exportFileName("Tong quan", day, format), format);
  });
}
