import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { resolve } from "../../vitest.config";

// Browser journeys: one app started with `npm start` for the whole run (tests/e2e/global-setup.ts),
// driven in Debian's Chromium through playwright-core.
export default defineConfig({
  resolve,
  test: {
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["tests/e2e/**/*.e2e.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
