import { route } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { fromSearchParams, parseOverviewQuery, toFilters } from "@/lib/reports/list-query";
import { reportModel } from "@/lib/reports/documents";
import { reportPdf } from "@/lib/exports/pdf";
import { parseReportSigning } from "@/lib/reports/report-signing";
import { exportFileName, fileResponse } from "@/lib/exports/respond";
import { today } from "@/lib/time/today";

// GET /api/xuat/bao-cao?from=…&to=…&notice=…[&so=…&ky=…&chuc=…] : "Báo cáo tình hình thực hiện các nhiệm vụ" as PDF,
// with the number and signer the report page was given (a value that does not fit is left blank).
export const GET = route(
  {
    name: "export.report",
    permission: "overview.read",
    query: (params) => ({
      filters: toFilters(parseOverviewQuery(fromSearchParams(params))),
      signing: parseReportSigning(Object.fromEntries(params)).signing,
    }),
  },
  async ({ user, query }) => {
    const day = today();
    const model = await reportModel(db(), user, day, query.filters);
    const name = exportFileName("Bao cao tinh hinh thuc hien nhiem vu", day, "pdf");
    return fileResponse(await reportPdf({ ...model, signing: query.signing }), name, "pdf");
  },
);
