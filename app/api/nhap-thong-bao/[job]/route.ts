import { route } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { intakeJobView } from "@/lib/intake/jobs";

// GET /api/nhap-thong-bao/:job — how one's own OCR job stands (the intake page polls it).
export const GET = route({ name: "intake.job", ids: ["job"], permission: "notice.create" }, async ({ user, params }) =>
  Response.json(await intakeJobView(db(), user, params.job), { headers: { "cache-control": "no-store" } }),
);
