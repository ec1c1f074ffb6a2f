import "server-only";
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db/client";
import { readMigrations } from "@/lib/db/migrate";

export interface HealthReport {
  status: "ok" | "error";
  database: "ok" | "unreachable";
  migrations: { applied: number; pending: string[] };
  version: string;
}

function version(): string {
  const root = process.cwd();
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
  const build = fs.existsSync(path.join(root, ".next", "BUILD_ID"))
    ? fs.readFileSync(path.join(root, ".next", "BUILD_ID"), "utf8").trim()
    : "dev";
  return `${pkg.version}+${build}`;
}

export async function healthReport(): Promise<HealthReport> {
  const expected = readMigrations(path.join(process.cwd(), "prisma", "migrations")).map((m) => m.name);
  let applied: string[] = [];
  let database: HealthReport["database"] = "ok";
  try {
    const rows = await db().$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    applied = rows.map((r) => r.migration_name);
  } catch {
    database = "unreachable";
  }
  const pending = database === "ok" ? expected.filter((name) => !applied.includes(name)) : expected;
  return {
    status: database === "ok" && pending.length === 0 ? "ok" : "error",
    database,
    migrations: { applied: applied.length, pending },
    version: version(),
  };
}
