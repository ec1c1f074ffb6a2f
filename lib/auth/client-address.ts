import proxyaddr from "proxy-addr";

// Who is asking, for throttling and the logs. The app's own server (lib/server/serve.ts) puts the
// answer in CLIENT_ADDRESS_HEADER on every request, after removing any value a client sent: the
// socket's address, or, when that socket is one of TRUSTED_PROXIES, the nearest address in
// X-Forwarded-For that is not a trusted proxy (proxy-addr, as Express decides it). A client that
// sends its own X-Forwarded-For to a server with no trusted proxy changes nothing.

export const CLIENT_ADDRESS_HEADER = "x-chidao-client-address";
export const REQUEST_ID_HEADER = "x-request-id";

export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trusted: string[],
): string {
  const trust = proxyaddr.compile(trusted);
  const fake = {
    headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
    connection: { remoteAddress: socketAddress },
    socket: { remoteAddress: socketAddress },
  } as unknown as Parameters<typeof proxyaddr>[0];
  return normalize(proxyaddr(fake, trust) || socketAddress || "unknown");
}

/** "::ffff:127.0.0.1" is 127.0.0.1. */
function normalize(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

/** The address the app's server decided, from a request's headers (null outside that server, e.g. `next dev`). */
export function addressFromHeaders(headers: Headers | Record<string, unknown> | undefined): string | null {
  if (!headers) return null;
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  return typeof value === "string" && value ? value : null;
}
