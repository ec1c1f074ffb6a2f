import { publicRoute } from "@/lib/auth/gate";
import { healthReport } from "@/lib/server/health";

// GET /api/health — for a load balancer: 200 when the database answers and every migration is
// applied, 503 otherwise; the app's version. Nothing else about the installation.
export const GET = publicRoute("health", async () => {
  const report = await healthReport();
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
});
