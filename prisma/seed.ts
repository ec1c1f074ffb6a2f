// `npm run db:seed`: adds the demo data to the configured database (migrated first).
import { closeDb, db } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/cli/prepare-database";
import { demoLoginsText, seedDemo } from "./seed/demo";

async function main(): Promise<number> {
  const ok = await prepareDatabase();
  if (!ok) return 1;
  // SEED_DEMO=no-history: the provinces, accounts and notices without the played history.
  await seedDemo(db(), console.log, { history: process.env.SEED_DEMO !== "no-history" });
  console.log(demoLoginsText());
  return 0;
}

main()
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error);
    await closeDb().catch(() => {});
    process.exit(1);
  });
