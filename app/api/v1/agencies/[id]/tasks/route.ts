import { apiRoute } from "@/lib/api/gate";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { listAgencyTasks } from "@/lib/api/v1";
import { db } from "@/lib/db/client";
import { today } from "@/lib/time/today";

export const GET = apiRoute(ENDPOINTS.agencyTasks, async ({ actor, params, query }) =>
  listAgencyTasks(db(), actor, today(), params.id, query),
);
