import { publicRoute } from "@/lib/auth/gate";
import { openApiDocument } from "@/lib/api/openapi";

// The API's OpenAPI 3.1 document, generated from its zod schemas; public like any API's reference.
export const GET = publicRoute(
  "api.openapi",
  async () =>
    new Response(JSON.stringify(openApiDocument(), null, 2), {
      headers: { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" },
    }),
);
