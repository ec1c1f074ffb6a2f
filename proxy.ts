import { NextResponse, type NextRequest } from "next/server";

// Runs before Next routes a request. An address whose percent-encoding is malformed
// (/thong-bao/%FF) cannot name any page: it gets the 404 page instead of failing inside the router.
// A body over the limit (next.config.js: serverActions.bodySizeLimit) is refused here with a
// Vietnamese message, instead of Next failing half-way through reading it.

/** The same 12 MB as serverActions.bodySizeLimit in next.config.js. */
const MAX_BODY_BYTES = 12 * 1024 * 1024;

export function proxy(request: NextRequest): NextResponse {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) {
    return new NextResponse(
      "Dữ liệu gửi lên quá lớn (tối đa 12 MB mỗi lần). Tệp đính kèm tối đa 10 MB; hãy chọn tệp nhỏ hơn hoặc chia nhỏ nội dung.",
      { status: 413, headers: { "content-type": "text/plain; charset=utf-8" } },
    );
  }
  if (!decodable(request.nextUrl.pathname)) {
    const url = request.nextUrl.clone();
    url.pathname = "/khong-tim-thay";
    url.search = "";
    return NextResponse.rewrite(url, { status: 404 });
  }
  return NextResponse.next();
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
  // Not Next's own files: nothing a person types reaches them.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
