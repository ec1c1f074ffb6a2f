import { NextResponse, type NextRequest } from "next/server";

// Runs before Next routes a request. An address whose percent-encoding is malformed
// (/thong-bao/%FF) cannot name any page: it gets the 404 page instead of failing inside the router.

export function proxy(request: NextRequest): NextResponse {
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
