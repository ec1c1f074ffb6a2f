import NextAuth from "next-auth";
import { publicRoute } from "@/lib/auth/gate";
import { authOptions } from "@/lib/auth/options";
import { AppError, NotFoundError } from "@/lib/errors";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// next-auth's endpoints, behind the gate's error mapping, and only those the sign-in form and the
// sign-out button use: anything else answers 404 in Vietnamese. Its forms post
// application/x-www-form-urlencoded; anything else is refused before next-auth reads the body.
const ENDPOINTS: Record<string, readonly string[]> = {
  GET: ["csrf", "session", "providers", "signin", "signout", "error"],
  POST: ["callback/credentials", "signin/credentials", "signout"],
};

const handler = publicRoute<Ctx>("auth", async (request, ctx) => {
  const endpoint = (await ctx.params).nextauth.join("/");
  if (!ENDPOINTS[request.method]?.includes(endpoint)) throw new NotFoundError("Địa chỉ");
  if (request.method === "POST") {
    const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
    if (type !== "application/x-www-form-urlencoded")
      throw new AppError(
        "Yêu cầu đăng nhập không hợp lệ: dữ liệu phải gửi dạng biểu mẫu (application/x-www-form-urlencoded).",
      );
  }
  return NextAuth(authOptions())(request, ctx);
});

export { handler as GET, handler as POST };
