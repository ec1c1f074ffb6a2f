/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
  typedRoutes: false,
  // Uploaded notices and attachments reach 10 MB; the confirmed notice carries its full text.
  experimental: { serverActions: { bodySizeLimit: "12mb" } },
};

module.exports = nextConfig;
