import NextAuth from "next-auth";
import { publicRoute } from "@/lib/auth/gate";
import { authOptions } from "@/lib/auth/options";
import { AppError } from "@/lib/errors";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// next-auth's own endpoints (sign-in, sign-out, CSRF token, session), behind the gate's error
// mapping. Its forms post application/x-www-form-urlencoded; anything else is refused before
// next-auth reads the body.
const handler = publicRoute<Ctx>("auth", async (request, ctx) => {
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
