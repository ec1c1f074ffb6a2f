import { route } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { documentBytes, exportFileName, fileResponse, requireFormat } from "@/lib/exports/respond";
import { rankingDocument } from "@/lib/ranking/document";
import { defaultPeriod, parsePeriodKey } from "@/lib/ranking/periods";
import { today } from "@/lib/time/today";

// GET /api/xuat/xep-hang?format=xlsx|csv|pdf&ky=2021-Q3: the ranking of a period (the last ended
// quarter when `ky` is missing or malformed). Agency staff get their own agencies' rows only.
export const GET = route(
  {
    name: "export.ranking",
    permission: "ranking.read",
    query: (params) => ({ format: requireFormat(params.get("format")), ky: parsePeriodKey(params.get("ky")) }),
  },
  async ({ user, query }) => {
    const day = today();
    const period = query.ky ?? defaultPeriod(day);
    const doc = await rankingDocument(db(), user, period, day);
    const bytes = await documentBytes(doc, query.format);
    return fileResponse(bytes, exportFileName(`Xep hang ${period.key}`, day, query.format), query.format);
  },
);
