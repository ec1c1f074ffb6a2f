/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder; pdfmake (pdfkit) its
  // fonts and metrics, and exceljs is CommonJS with optional requires: left to Node, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pdfmake", "exceljs", "yauzl", "pino"],
  poweredByHeader: false,
  // Static files are not seen by proxy.ts: they get the plain security headers here
  // (the same list, lib/server/headers.ts).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
  typedRoutes: false,
  // Uploaded notices and attachments reach 10 MB; the confirmed notice carries its full text.
  // proxy.ts refuses a larger body with a Vietnamese message (413) before Next reads it; the
  // proxy's own buffer is a little larger, so that it never cuts a body it let through.
  experimental: { serverActions: { bodySizeLimit: "12mb" }, proxyClientMaxBodySize: "13mb" },
};

module.exports = nextConfig;
