import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, SECURITY_HEADERS, strictTransport } from "@/lib/server/headers";

// Runs before Next routes a request:
// - a body over the limit (next.config.js: serverActions.bodySizeLimit) is refused with a
//   Vietnamese message, instead of Next failing half-way through reading it;
// - an address whose percent-encoding is malformed (/thong-bao/%FF) cannot name any page: it gets
//   the 404 page instead of failing inside the router;
// - every answer carries the security headers, and pages a Content-Security-Policy with a fresh
//   nonce, which Next puts on its own scripts (no other inline script is allowed).

/** The same 12 MB as serverActions.bodySizeLimit in next.config.js. */
const MAX_BODY_BYTES = 12 * 1024 * 1024;

export function proxy(request: NextRequest): NextResponse {
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) {
    return secured(
      new NextResponse(
        "Dữ liệu gửi lên quá lớn (tối đa 12 MB mỗi lần). Tệp đính kèm tối đa 10 MB; hãy chọn tệp nhỏ hơn hoặc chia nhỏ nội dung.",
        { status: 413, headers: { "content-type": "text/plain; charset=utf-8" } },
      ),
      https,
    );
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== "production");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  let response: NextResponse;
  if (!decodable(request.nextUrl.pathname)) {
    const url = request.nextUrl.clone();
    url.pathname = "/khong-tim-thay";
    url.search = "";
    response = NextResponse.rewrite(url, { status: 404, request: { headers } });
  } else {
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("content-security-policy", csp);
  return secured(response, https);
}

function secured(response: NextResponse, https: boolean): NextResponse {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  if (https) response.headers.set("strict-transport-security", strictTransport);
  return response;
}

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  // Not Next's own static files: next.config.js gives them the plain security headers.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
