import { defineConfig } from "prisma/config";

// Used only by the Prisma CLI (generate; migrate deploy/status where its engine can be
// downloaded). The app applies migrations itself: see lib/db/migrate.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
});
