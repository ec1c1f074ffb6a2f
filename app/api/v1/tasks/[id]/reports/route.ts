import { apiRoute } from "@/lib/api/gate";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { reportViaApi } from "@/lib/api/writes";
import { db } from "@/lib/db/client";

export const POST = apiRoute(ENDPOINTS.reportTask, async ({ caller, params, body }) =>
  reportViaApi(db(), caller, params.id, body),
);
