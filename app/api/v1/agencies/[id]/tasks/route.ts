import { apiRoute } from "@/lib/api/gate";
import { cachedReads } from "@/lib/db/cached-reads";
import { ENDPOINTS } from "@/lib/api/endpoints";

import { db } from "@/lib/db/client";
import { today } from "@/lib/time/today";

export const GET = apiRoute(ENDPOINTS.agencyTasks, async ({ actor, params, query }) =>
  cachedReads.listAgencyTasks(db(), actor, today(), params.id, query),
);
