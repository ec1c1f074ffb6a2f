import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { STAMPED_MODELS, UPDATED_MODELS } from "@/lib/db/stamps";

// The demo clock's stamps must cover every model that records when it was made or changed, or a
// new table would show the real date in the demo (lib/db/stamps.ts). Sessions, the login
// throttle, the outbox (webhook deliveries too) and OCR jobs (whose heartbeat says a job died) run on the real clock on purpose.
const REAL_CLOCK = new Set(["UserSession", "OutboxMessage", "WebhookDelivery", "LoginThrottle", "IntakeJob"]);

function modelsWith(pattern: RegExp): string[] {
  const schema = fs.readFileSync(new URL("../../../prisma/schema.prisma", import.meta.url), "utf8");
  const out: string[] = [];
  let model: string | null = null;
  for (const line of schema.split("\n")) {
    const m = /^model (\w+)/.exec(line);
    if (m) model = m[1]!;
    else if (model && pattern.test(line)) out.push(model);
  }
  return out.filter((m) => !REAL_CLOCK.has(m)).sort();
}

describe("demo clock stamps", () => {
  it("cover every model with a createdAt", () => {
    expect([...STAMPED_MODELS].sort()).toEqual(modelsWith(/^\s+createdAt\s.*@default\(now\(\)\)/));
  });
  it("cover every model with an @updatedAt", () => {
    expect([...UPDATED_MODELS].sort()).toEqual(modelsWith(/@updatedAt/));
  });
});
