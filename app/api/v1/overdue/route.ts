import { apiRoute } from "@/lib/api/gate";
import { cachedReads } from "@/lib/db/cached-reads";
import { ENDPOINTS } from "@/lib/api/endpoints";

import { db } from "@/lib/db/client";
import { today } from "@/lib/time/today";

export const GET = apiRoute(ENDPOINTS.overdue, async ({ actor, query }) =>
  cachedReads.listOverdue(db(), actor, today(), query),
);
