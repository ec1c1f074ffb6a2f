// The security headers of every answer (proxy.ts for pages and routes, next.config.js for static
// files). Plain data: no imports, so that the proxy and the config can both read it.

export const SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
};

/** Sent only over https: a year, subdomains included. */
export const strictTransport = "max-age=31536000; includeSubDomains";

/**
 * Scripts only from this site and with this response's nonce (Next adds it to its own scripts);
 * no framing anywhere (the sign-in page cannot be put in someone else's frame); forms post only here.
 */
export function contentSecurityPolicy(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}
