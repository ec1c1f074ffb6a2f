import type { PrismaClient } from "@/lib/generated/prisma/client";
import { stampNow } from "@/lib/time/today";

// Dates new rows (createdAt, updatedAt) and changed rows (updatedAt) on the app's clock when that clock is the demo's (lib/time/today.ts stampNow):
// the demo's audit trail, reports and notifications then read as a history up to the demo's
// "today" instead of all bearing the moment the seed ran. In a real deployment (and in tests)
// stampNow() is undefined and the database's own default applies, as before.
//
// Sessions and the outbox (webhook deliveries too) keep the real time: their expiry and retries run on the real clock.

/** Models whose createdAt follows the demo clock. */
export const STAMPED_MODELS = new Set([
  "Province",
  "Agency",
  "AgencyGroup",
  "Notice",
  "NoticeLink",
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
  "ApiToken",
  "Webhook",
  "CalendarFeed",
]);

/** Models with an @updatedAt column, which Prisma would otherwise set to the real time. */
export const UPDATED_MODELS = new Set(["Agency", "AgencyGroup", "Notice", "Directive", "Assignment", "User"]);

type Row = Record<string, unknown>;

function stamp(data: unknown, fields: readonly string[], at: Date): unknown {
  if (Array.isArray(data)) return data.map((row) => stamp(row, fields, at));
  if (!data || typeof data !== "object") return data;
  const row = { ...(data as Row) };
  for (const f of fields) if (!(f in row)) row[f] = at;
  return row;
}

/** Adds createdAt and updatedAt (when the demo clock runs) to the rows of a create. */
function created<A extends { data?: unknown }>(model: string, args: A): A {
  const at = STAMPED_MODELS.has(model) ? stampNow() : undefined;
  if (!at) return args;
  const fields = UPDATED_MODELS.has(model) ? ["createdAt", "updatedAt"] : ["createdAt"];
  return { ...args, data: stamp(args.data, fields, at) };
}

/** Sets updatedAt (when the demo clock runs) on an update. */
function updated<A extends { data?: unknown }>(model: string, args: A): A {
  const at = UPDATED_MODELS.has(model) ? stampNow() : undefined;
  return at ? { ...args, data: stamp(args.data, ["updatedAt"], at) } : args;
}

export function withClockStamps(client: PrismaClient): PrismaClient {
  return client.$extends({
    name: "demo-clock-stamps",
    query: {
      $allModels: {
        create: ({ model, args, query }) => query(created(model, args)),
        createMany: ({ model, args, query }) => query(created(model, args)),
        createManyAndReturn: ({ model, args, query }) => query(created(model, args)),
        update: ({ model, args, query }) => query(updated(model, args)),
        updateMany: ({ model, args, query }) => query(updated(model, args)),
        updateManyAndReturn: ({ model, args, query }) => query(updated(model, args)),
      },
    },
  }) as unknown as PrismaClient;
}
