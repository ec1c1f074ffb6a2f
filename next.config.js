/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder; pdfmake (pdfkit) its
  // fonts and metrics, and exceljs is CommonJS with optional requires: left to Node, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pdfmake", "exceljs"],
  poweredByHeader: false,
  typedRoutes: false,
  // Uploaded notices and attachments reach 10 MB; the confirmed notice carries its full text.
  experimental: { serverActions: { bodySizeLimit: "12mb" } },
};

module.exports = nextConfig;
