import type { TestProject } from "vitest/node";
import { startApp, type RunningApp } from "@/tests/helpers/app-server";

// Every journey runs against one app on a fresh database with the demo data and a fixed "today".
export const E2E_TODAY = "2021-09-20";

let app: RunningApp | undefined;

export async function setup(project: TestProject) {
  app = await startApp({ today: E2E_TODAY, timeoutMs: 900_000 });
  project.provide("baseUrl", app.baseUrl);
  project.provide("today", E2E_TODAY);
  // Empty on the embedded database, which only the app's own process can open.
  project.provide("databaseUrl", app.databaseUrl ?? "");
}

export async function teardown() {
  await app?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    today: string;
    databaseUrl: string;
  }
}
