import { apiRoute } from "@/lib/api/gate";
import { cachedReads } from "@/lib/db/cached-reads";
import { ENDPOINTS } from "@/lib/api/endpoints";

import { createNoticeViaApi } from "@/lib/api/writes";
import { db } from "@/lib/db/client";
import { today } from "@/lib/time/today";

export const GET = apiRoute(ENDPOINTS.notices, async ({ actor, query }) =>
  cachedReads.listNotices(db(), actor, today(), query),
);

export const POST = apiRoute(ENDPOINTS.createNotice, async ({ caller, body }) =>
  createNoticeViaApi(db(), caller, today(), body),
);
