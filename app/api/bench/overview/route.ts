import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { overview } from "@/lib/reports/overview";
import { today } from "@/lib/time/today";

// TEMPORARY, for `npm run bench:dashboard` only while the overview page (/tong-quan) does not
// exist yet: the chairman's overview computed as the page will, returned as JSON. Answers 404
// unless the server was started with BENCH_ROUTES=1 (the bench does so). Remove with the page.
export const dynamic = "force-dynamic";

export async function GET() {
  if (process.env.BENCH_ROUTES !== "1") return new Response("Not found", { status: 404 });
  const user = await currentUser();
  if (!user) return new Response("Unauthenticated", { status: 401 });
  const started = performance.now();
  try {
    const body = JSON.stringify(await overview(db(), user, today()));
    return new Response(body, {
      headers: { "content-type": "application/json; charset=utf-8", "server-timing": `db;dur=${(performance.now() - started).toFixed(1)}`, "cache-control": "no-store" },
    });
  } catch (error) {
    return new Response(error instanceof AppError ? error.message : "Error", { status: error instanceof AppError ? error.status : 500 });
  }
}
