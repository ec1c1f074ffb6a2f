import { apiRoute } from "@/lib/api/gate";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { overviewAgencies } from "@/lib/api/v1";
import { db } from "@/lib/db/client";
import { today } from "@/lib/time/today";

export const GET = apiRoute(ENDPOINTS.overview, async ({ actor, query }) =>
  overviewAgencies(db(), actor, today(), query),
);
