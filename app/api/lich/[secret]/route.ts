import { publicRoute } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { appBaseUrl } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { feedBySecret } from "@/lib/feeds/feeds";
import { today } from "@/lib/time/today";

// GET /api/lich/<secret>.ics — a calendar feed, read by phone calendars without a session: the
// secret is the credential. Unknown, revoked, or its owner deactivated: 404.
type Ctx = { params: Promise<Record<string, string | string[] | undefined>> };

export const GET = publicRoute<Ctx>("calendarFeed.read", async (_request, ctx) => {
  const raw = (await ctx?.params)?.secret;
  const secret = typeof raw === "string" ? raw.replace(/\.ics$/i, "") : "";
  const body = await feedBySecret(db(), secret, { baseUrl: appBaseUrl(), today: today() });
  if (body === null) throw new NotFoundError("Địa chỉ lịch");
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="nhiem-vu.ics"',
      "cache-control": "private, no-store",
    },
  });
});
