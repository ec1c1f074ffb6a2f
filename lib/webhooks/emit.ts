import "server-only";
import { randomUUID } from "node:crypto";
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { now } from "@/lib/time/today";
import { outboxKeyOf, type WebhookEvent } from "@/lib/webhooks/events";

// Enqueuing webhook deliveries, inside the transaction of the change they report (as the
// notifications are, lib/notifications/notify.ts): a step that fails delivers nothing, one that
// succeeds is delivered to each subscribed, active webhook of its province exactly once. Each
// delivery is a WebhookDelivery (its status for the webhook's page) and an OutboxMessage of kind
// "webhook" that the outbox worker sends and retries (lib/outbox/worker.ts).

export interface WebhookEventInput {
  event: WebhookEvent | "ping";
  /** Unique for the event itself ("confirmed:12:4"): a webhook gets one delivery per key. */
  key: string;
  data: Record<string, unknown>;
}

/** The body of a delivery: `{ id, event, occurredAt, province, data }`. */
export function deliveryBody(
  deliveryId: string,
  e: WebhookEventInput,
  province: { id: number; name: string },
  occurredAt: Date,
): Prisma.InputJsonObject {
  return {
    id: deliveryId,
    event: e.event,
    occurredAt: occurredAt.toISOString(),
    province,
    data: e.data as Prisma.InputJsonObject,
  };
}

/** Writes the deliveries and their outbox messages; returns the deliveries' ids (uuid) it added. */
export async function enqueueWebhookDeliveries(
  tx: Tx | Db,
  provinceId: number,
  events: WebhookEventInput[],
  only?: { webhookId: number },
): Promise<string[]> {
  if (events.length === 0) return [];
  const names = [...new Set(events.map((e) => e.event))];
  const hooks = await tx.webhook.findMany({
    where: only ? { id: only.webhookId, provinceId } : { provinceId, pausedAt: null, events: { hasSome: names } },
    select: { id: true, events: true },
  });
  if (hooks.length === 0) return [];
  const province = await tx.province.findUniqueOrThrow({ where: { id: provinceId }, select: { id: true, name: true } });
  const at = now();
  const rows: Prisma.WebhookDeliveryCreateManyInput[] = [];
  for (const h of hooks)
    for (const e of events) {
      if (!only && !h.events.includes(e.event)) continue;
      const deliveryId = randomUUID();
      rows.push({
        webhookId: h.id,
        event: e.event,
        eventKey: e.key,
        deliveryId,
        payload: deliveryBody(deliveryId, e, province, at),
      });
    }
  if (rows.length === 0) return [];
  // ON CONFLICT DO NOTHING: an event already delivered to a webhook (the same key) is not added again.
  const added = await tx.webhookDelivery.createManyAndReturn({
    data: rows,
    skipDuplicates: true,
    select: { id: true, deliveryId: true },
  });
  if (added.length > 0)
    await tx.outboxMessage.createMany({
      data: added.map((d) => ({ kind: "webhook", dedupeKey: outboxKeyOf(d.deliveryId), payload: { delivery: d.id } })),
      skipDuplicates: true,
    });
  return added.map((d) => d.deliveryId);
}
