import type { PrismaClient } from "@/lib/generated/prisma/client";
import { stampNow } from "@/lib/time/today";

// Dates new rows on the app's clock when that clock is the demo's (lib/time/today.ts stampNow):
// the demo's audit trail, reports and notifications then read as a history up to the demo's
// "today" instead of all bearing the moment the seed ran. In a real deployment (and in tests)
// stampNow() is undefined and the database's own default applies, as before.
//
// Sessions and the outbox keep the real time: their expiry and retries run on the real clock.

/** Models whose createdAt follows the demo clock. */
export const STAMPED_MODELS = new Set([
  "Province",
  "Agency",
  "AgencyGroup",
  "Notice",
  "Directive",
  "Assignment",
  "ProgressReport",
  "Attachment",
  "ExtensionRequest",
  "ExplanationRequest",
  "Comment",
  "AuditLog",
  "ReminderDigest",
  "User",
  "Notification",
  "RegistryImport",
]);

type Row = Record<string, unknown>;

function stamp(data: unknown, at: Date): unknown {
  if (Array.isArray(data)) return data.map((row) => stamp(row, at));
  if (data && typeof data === "object" && !("createdAt" in data)) return { ...(data as Row), createdAt: at };
  return data;
}

/** Adds createdAt (when the demo clock runs) to the rows of a create, createMany or createManyAndReturn. */
function stamped<A extends { data?: unknown }>(model: string, args: A): A {
  const at = STAMPED_MODELS.has(model) ? stampNow() : undefined;
  return at ? { ...args, data: stamp(args.data, at) } : args;
}

export function withClockStamps(client: PrismaClient): PrismaClient {
  return client.$extends({
    name: "demo-clock-stamps",
    query: {
      $allModels: {
        create: ({ model, args, query }) => query(stamped(model, args)),
        createMany: ({ model, args, query }) => query(stamped(model, args)),
        createManyAndReturn: ({ model, args, query }) => query(stamped(model, args)),
      },
    },
  }) as unknown as PrismaClient;
}
