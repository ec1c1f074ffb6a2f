import { route } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { fromSearchParams, parseOverviewQuery, toFilters } from "@/lib/reports/list-query";
import { OVERVIEW_TABLES, overviewDocument, overviewTableIndex } from "@/lib/reports/documents";
import { documentBytes, exportFileName, fileResponse, requireFormat } from "@/lib/exports/respond";
import { AppError } from "@/lib/errors";
import { today } from "@/lib/time/today";

// GET /api/xuat/tong-quan?format=xlsx|csv|pdf&from=…&to=…&notice=…[&bang=qua-han|den-han|co-quan|thong-bao|theo-tuan]
// XLSX and PDF hold every table of the overview; a CSV file holds one table: the one `bang` names
// (the overdue list by default), each table of the overview page links to its own.
export const GET = route(
  {
    name: "export.overview",
    permission: "overview.read",
    query: (params) => {
      const format = requireFormat(params.get("format"));
      const sheet = overviewTableIndex(params.get("bang"));
      if (sheet === null) throw new AppError(`Không có bảng này trong tổng quan: chọn ${OVERVIEW_TABLES.join(", ")}.`);
      return { format, sheet, filters: toFilters(parseOverviewQuery(fromSearchParams(params))) };
    },
  },
  async ({ user, query }) => {
    const day = today();
    const doc = await overviewDocument(db(), user, day, query.filters);
    const name =
      query.format === "csv" && query.sheet > 0 ? `Tong quan ${doc.sheets[query.sheet]!.title}` : "Tong quan";
    const bytes = await documentBytes(doc, query.format, query.sheet);
    return fileResponse(bytes, exportFileName(name, day, query.format), query.format);
  },
);
