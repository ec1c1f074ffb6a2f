import { apiRoute } from "@/lib/api/gate";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { readNotice } from "@/lib/api/v1";
import { db } from "@/lib/db/client";
import { today } from "@/lib/time/today";

export const GET = apiRoute(ENDPOINTS.notice, async ({ actor, params }) => readNotice(db(), actor, today(), params.id));
