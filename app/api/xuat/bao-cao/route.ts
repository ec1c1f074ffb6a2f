import { db } from "@/lib/db/client";
import { fromSearchParams, parseOverviewQuery, toFilters } from "@/lib/exports/list-query";
import { reportModel } from "@/lib/exports/load";
import { reportPdf } from "@/lib/exports/pdf";
import { parseReportSigning } from "@/lib/exports/report-signing";
import { exportFileName, exportHandler, fileResponse } from "@/lib/exports/respond";
import { today } from "@/lib/time/today";

// GET /api/xuat/bao-cao?from=…&to=…&notice=…[&so=…&ky=…&chuc=…] : "Báo cáo tình hình thực hiện các nhiệm vụ" as PDF,
// with the number and signer the report page was given (a value that does not fit is left blank).
export async function GET(req: Request) {
  const params = new URL(req.url).searchParams;
  return exportHandler("export.report", async (user) => {
    const day = today();
    const model = await reportModel(db(), user, day, toFilters(parseOverviewQuery(fromSearchParams(params))));
    const { signing } = parseReportSigning(Object.fromEntries(params));
    return fileResponse(
      await reportPdf({ ...model, signing }),
      exportFileName("Bao cao tinh hinh thuc hien nhiem vu", day, "pdf"),
      "pdf",
    );
  });
}
