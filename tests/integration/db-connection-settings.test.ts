import { afterAll, describe, expect, it } from "vitest";
import { postgresClient } from "@/lib/db/client";
import { usingRealPostgres } from "@/tests/helpers/test-database";

// The app's connections to PostgreSQL run without the JIT compiler: at a million assignments the
// overview's queries spent more time compiling than running (lib/db/client.ts poolConfig).
describe.skipIf(!usingRealPostgres())("the app's PostgreSQL connections", () => {
  const client = usingRealPostgres() ? postgresClient(process.env.DATABASE_URL!) : null;
  afterAll(() => client?.$disconnect());

  it("turn JIT compilation off on every connection of the pool", async () => {
    // Several at once, so that more than one connection of the pool is opened.
    const settings = await Promise.all(
      Array.from({ length: 4 }, () => client!.$queryRaw<{ jit: string }[]>`SELECT current_setting('jit') AS jit`),
    );
    expect(settings.map((r) => r[0]!.jit)).toEqual(["off", "off", "off", "off"]);
  });

  it("leave the setting to the URL when it names one", async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.searchParams.set("options", "-c jit=on");
    const own = postgresClient(url.toString());
    try {
      const [row] = await own.$queryRaw<{ jit: string }[]>`SELECT current_setting('jit') AS jit`;
      expect(row!.jit).toBe("on");
    } finally {
      await own.$disconnect();
    }
  });
});
