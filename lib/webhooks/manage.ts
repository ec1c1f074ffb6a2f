import "server-only";
import { randomBytes } from "node:crypto";
import { audit } from "@/lib/audit/log";
import { authorize } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import { inTransaction, type Db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { now } from "@/lib/time/today";
import { holdWaitingDeliveries } from "@/lib/webhooks/deliver";
import { enqueueWebhookDeliveries } from "@/lib/webhooks/emit";
import { outboxKeyOf, PING_EVENT } from "@/lib/webhooks/events";
import type { CreateWebhook, UpdateWebhookEvents } from "@/lib/webhooks/schemas";

// The province's webhooks (issue 15), managed by its administrator on /quan-tri/webhook: register
// a URL for some events, change them, pause and resume, delete, send a test event, and read each
// webhook's deliveries. The secret that signs deliveries must be known to sign, so it is stored as
// generated (not hashed, unlike API tokens) and shown to the administrator on the webhook's page.

export const DELIVERIES_PAGE_SIZE = 20;

/** "whsec_" and 32 random bytes in base64url. */
export function newWebhookSecret(): string {
  return "whsec_" + randomBytes(32).toString("base64url");
}

/** Only a province's own administrator manages its webhooks (a system administrator has no province). */
function provinceOfAdmin(user: SessionUser): number {
  if (user.provinceId === null) throw new ForbiddenError();
  authorize(user, "webhook.manage", { provinceId: user.provinceId });
  return user.provinceId;
}

async function ownWebhook(db: Db, user: SessionUser, webhookId: number) {
  const provinceId = provinceOfAdmin(user);
  const hook = await db.webhook.findUnique({ where: { id: webhookId } });
  if (!hook || hook.provinceId !== provinceId) throw new NotFoundError("Webhook");
  return hook;
}

export interface WebhookListItem {
  id: number;
  url: string;
  events: string[];
  pausedAt: Date | null;
  pauseReason: string | null;
  failingSince: Date | null;
  createdAt: Date;
  createdBy: string | null;
  lastDelivery: { status: string; createdAt: Date; lastStatusCode: number | null } | null;
}

export async function listWebhooks(db: Db, user: SessionUser): Promise<WebhookListItem[]> {
  const provinceId = provinceOfAdmin(user);
  const rows = await db.webhook.findMany({
    where: { provinceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      url: true,
      events: true,
      pausedAt: true,
      pauseReason: true,
      failingSince: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      deliveries: {
        orderBy: { id: "desc" },
        take: 1,
        select: { status: true, createdAt: true, lastStatusCode: true },
      },
    },
  });
  return rows.map(({ createdBy, deliveries, ...r }) => ({
    ...r,
    createdBy: createdBy?.name ?? null,
    lastDelivery: deliveries[0] ?? null,
  }));
}

export interface WebhookDeliveryRow {
  id: number;
  deliveryId: string;
  event: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastResponse: string | null;
  lastError: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
}

/** One webhook, with its secret, and a page of its deliveries, newest first. */
export async function getWebhook(db: Db, user: SessionUser, webhookId: number, page: number) {
  const hook = await ownWebhook(db, user, webhookId);
  const [total, deliveries] = await Promise.all([
    db.webhookDelivery.count({ where: { webhookId } }),
    db.webhookDelivery.findMany({
      where: { webhookId },
      orderBy: { id: "desc" },
      skip: (page - 1) * DELIVERIES_PAGE_SIZE,
      take: DELIVERIES_PAGE_SIZE,
      select: {
        id: true,
        deliveryId: true,
        event: true,
        status: true,
        attempts: true,
        lastStatusCode: true,
        lastResponse: true,
        lastError: true,
        createdAt: true,
        lastAttemptAt: true,
        nextAttemptAt: true,
        deliveredAt: true,
      },
    }),
  ]);
  return { webhook: hook, deliveries: deliveries satisfies WebhookDeliveryRow[], total };
}

export async function createWebhook(db: Db, user: SessionUser, input: CreateWebhook): Promise<{ id: number }> {
  const provinceId = provinceOfAdmin(user);
  const events = [...new Set(input.events)];
  return inTransaction(db, async (tx) => {
    const hook = await tx.webhook.create({
      data: { provinceId, url: input.url, secret: newWebhookSecret(), events, createdById: user.id },
      select: { id: true },
    });
    await audit(tx, {
      provinceId,
      actorId: user.id,
      action: "webhook.create",
      entityType: "Webhook",
      entityId: hook.id,
      after: { url: input.url, events },
    });
    return hook;
  });
}

export async function updateWebhookEvents(db: Db, user: SessionUser, input: UpdateWebhookEvents): Promise<void> {
  const hook = await ownWebhook(db, user, input.webhookId);
  const events = [...new Set(input.events)];
  await inTransaction(db, async (tx) => {
    await tx.webhook.update({ where: { id: hook.id }, data: { events } });
    await audit(tx, {
      provinceId: hook.provinceId,
      actorId: user.id,
      action: "webhook.update",
      entityType: "Webhook",
      entityId: hook.id,
      before: { events: hook.events },
      after: { events },
    });
  });
}

/** Paused by the administrator: nothing is sent until resumed; waiting deliveries are held. */
export async function pauseWebhook(db: Db, user: SessionUser, webhookId: number): Promise<void> {
  const hook = await ownWebhook(db, user, webhookId);
  const at = now();
  await inTransaction(db, async (tx) => {
    const { count } = await tx.webhook.updateMany({
      where: { id: hook.id, pausedAt: null },
      data: { pausedAt: at, pauseReason: `Quản trị viên ${user.name} tạm dừng.` },
    });
    if (count === 0) throw new ConflictError("Webhook này đang tạm dừng.");
    await holdWaitingDeliveries(tx, hook.id, new Date());
    await audit(tx, {
      provinceId: hook.provinceId,
      actorId: user.id,
      action: "webhook.pause",
      entityType: "Webhook",
      entityId: hook.id,
      before: { url: hook.url },
    });
  });
}

/** Resumed: the held deliveries go again from now, with a fresh count of attempts. */
export async function resumeWebhook(db: Db, user: SessionUser, webhookId: number): Promise<{ resent: number }> {
  const hook = await ownWebhook(db, user, webhookId);
  return inTransaction(db, async (tx) => {
    const { count } = await tx.webhook.updateMany({
      where: { id: hook.id, pausedAt: { not: null } },
      data: { pausedAt: null, pauseReason: null, failingSince: null },
    });
    if (count === 0) throw new ConflictError("Webhook này đang hoạt động.");
    const held = await tx.webhookDelivery.findMany({
      where: { webhookId: hook.id, status: "paused" },
      select: { id: true, deliveryId: true },
    });
    if (held.length > 0) {
      await tx.webhookDelivery.updateMany({
        where: { id: { in: held.map((d) => d.id) } },
        data: { status: "pending", nextAttemptAt: null },
      });
      await tx.outboxMessage.updateMany({
        where: { dedupeKey: { in: held.map((d) => outboxKeyOf(d.deliveryId)) }, sentAt: null },
        data: { failedAt: null, lockedUntil: null, attempts: 0, runAt: new Date(), lastError: null },
      });
    }
    await audit(tx, {
      provinceId: hook.provinceId,
      actorId: user.id,
      action: "webhook.resume",
      entityType: "Webhook",
      entityId: hook.id,
      after: { url: hook.url, resent: held.length },
    });
    return { resent: held.length };
  });
}

export async function deleteWebhook(db: Db, user: SessionUser, webhookId: number): Promise<{ url: string }> {
  const hook = await ownWebhook(db, user, webhookId);
  await inTransaction(db, async (tx) => {
    const keys = await tx.webhookDelivery.findMany({ where: { webhookId: hook.id }, select: { deliveryId: true } });
    await tx.outboxMessage.deleteMany({
      where: { dedupeKey: { in: keys.map((k) => outboxKeyOf(k.deliveryId)) }, sentAt: null },
    });
    await tx.webhook.delete({ where: { id: hook.id } });
    await audit(tx, {
      provinceId: hook.provinceId,
      actorId: user.id,
      action: "webhook.delete",
      entityType: "Webhook",
      entityId: hook.id,
      before: { url: hook.url, events: hook.events },
    });
  });
  return { url: hook.url };
}

/** A test event ("ping") to this webhook alone, whatever it subscribed to; paused ones refuse it. */
export async function pingWebhook(db: Db, user: SessionUser, webhookId: number): Promise<{ deliveryId: string }> {
  const hook = await ownWebhook(db, user, webhookId);
  if (hook.pausedAt) throw new ConflictError('Webhook đang tạm dừng: chọn "Tiếp tục gửi" trước khi gửi thử.');
  const at = now();
  const [deliveryId] = await enqueueWebhookDeliveries(
    db,
    hook.provinceId,
    [
      {
        event: PING_EVENT,
        key: `ping:${at.getTime()}:${randomBytes(4).toString("hex")}`,
        data: { message: "Sự kiện gửi thử từ Hệ thống theo dõi chỉ đạo.", requestedBy: user.name },
      },
    ],
    { webhookId: hook.id },
  );
  return { deliveryId: deliveryId! };
}
