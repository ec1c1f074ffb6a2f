import { db } from "@/lib/db/client";
import { fromSearchParams, parseListQuery } from "@/lib/exports/list-query";
import { listDocument } from "@/lib/exports/load";
import { badFormat, documentBytes, exportFileName, exportHandler, fileResponse, formatOf } from "@/lib/exports/respond";
import { today } from "@/lib/time/today";

// GET /api/xuat/danh-sach?format=xlsx|csv|pdf&category=…&agency=…&bucket=…&notice=…&from=…&to=…&sort=…
// Every row of the list behind a number (not only the page on screen).
export async function GET(req: Request) {
  const params = new URL(req.url).searchParams;
  const format = formatOf(params.get("format"));
  if (!format) return badFormat();
  return exportHandler("export.list", async (user) => {
    const day = today();
    const doc = await listDocument(db(), user, day, parseListQuery(fromSearchParams(params)));
    return fileResponse(await documentBytes(doc, format), exportFileName(doc.title, day, format), format);
  });
}
