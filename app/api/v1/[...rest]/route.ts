import { bearerRoute } from "@/lib/auth/gate";
import { AppError } from "@/lib/errors";

// Any other address under /api/v1, with any method: the API's JSON error shape rather than the
// app's HTML 404 page, so that a caller's mistyped path reads like every other refusal.

class NoSuchEndpoint extends AppError {
  override readonly code = "not_found";
  constructor() {
    super("Địa chỉ API không tồn tại. Danh sách địa chỉ: /api/v1/openapi.json hoặc trang /tai-lieu-api.");
  }
}

const answer = bearerRoute("api.unknown", async () => {
  throw new NoSuchEndpoint();
});

export const GET = answer;
export const POST = answer;
export const PUT = answer;
export const PATCH = answer;
export const DELETE = answer;
