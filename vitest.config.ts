import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

/** Shared with tests/e2e/vitest.e2e.config.ts: the "@/" alias and the server-only stand-in. */
export const resolve = {
  alias: [
    { find: /^server-only$/, replacement: `${root}tests/helpers/server-only-stub.ts` },
    { find: /^@\//, replacement: root },
  ],
};

export default defineConfig({
  resolve,
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    setupFiles: ["tests/helpers/test-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { TZ: "UTC" },
  },
});
