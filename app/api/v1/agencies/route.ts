import { apiRoute } from "@/lib/api/gate";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { listAgencies } from "@/lib/api/v1";
import { db } from "@/lib/db/client";

export const GET = apiRoute(ENDPOINTS.agencies, async ({ actor, query }) => listAgencies(db(), actor, query));
