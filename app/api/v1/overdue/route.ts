import { apiRoute } from "@/lib/api/gate";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { listOverdue } from "@/lib/api/v1";
import { db } from "@/lib/db/client";
import { today } from "@/lib/time/today";

export const GET = apiRoute(ENDPOINTS.overdue, async ({ actor, query }) => listOverdue(db(), actor, today(), query));
