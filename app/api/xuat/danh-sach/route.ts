import { route } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { fromSearchParams, parseListQuery } from "@/lib/reports/list-query";
import { listDocument } from "@/lib/reports/documents";
import { documentBytes, exportFileName, fileResponse, requireFormat } from "@/lib/exports/respond";
import { today } from "@/lib/time/today";

// GET /api/xuat/danh-sach?format=xlsx|csv|pdf&category=…&agency=…&bucket=…&notice=…&from=…&to=…&sort=…
// Every row of the list behind a number (not only the page on screen).
export const GET = route(
  {
    name: "export.list",
    permission: "overview.read",
    query: (params) => ({
      format: requireFormat(params.get("format")),
      list: parseListQuery(fromSearchParams(params)),
    }),
  },
  async ({ user, query }) => {
    const day = today();
    const doc = await listDocument(db(), user, day, query.list);
    return fileResponse(
      await documentBytes(doc, query.format),
      exportFileName(doc.title, day, query.format),
      query.format,
    );
  },
);
