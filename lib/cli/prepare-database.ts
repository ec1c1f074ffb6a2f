import { EnvError, loadEnv, type Env } from "@/lib/env";
import { applyMigrations, MigrationError } from "@/lib/db/migrate";
import { DatabaseConfigError, openConfiguredDatabase } from "@/lib/db/migrate-cli";

// The first steps of every command that touches the database: check the configuration and
// bring the schema up to date. Failures print one line for the operator and return false.

export function loadEnvOrExplain(): Env | null {
  try {
    return loadEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      return null;
    }
    throw error;
  }
}

export async function prepareDatabase(): Promise<boolean> {
  const config = loadEnvOrExplain();
  if (!config) return false;
  let client;
  try {
    client = await openConfiguredDatabase(config.DATABASE_URL ?? null, config.pgliteDir);
    const { applied } = await applyMigrations(client);
    for (const name of applied) console.log(`Đã áp dụng migration ${name}`);
    return true;
  } catch (error) {
    if (error instanceof DatabaseConfigError || error instanceof MigrationError) {
      console.error(error.message);
      return false;
    }
    throw error;
  } finally {
    await client?.close().catch(() => {});
  }
}
