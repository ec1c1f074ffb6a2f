import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Recipient } from "@/lib/notifications/recipients";
import type { NotificationKind } from "@/lib/users/schemas";

// Telling people what waits for them, inside the transaction of the change that caused it: one
// Notification per person and item (the inbox), and, for those who want this kind by e-mail and
// have an address, one outbox message per person and event (a notice published with 40 tasks for
// one agency is one e-mail listing them, not 40; several results confirmed at once from the queue
// are one e-mail too: MailHold below). The outbox worker (lib/outbox) sends it.
// No "server-only": the app's own server loads it in-process with the outbox worker (lib/outbox).

/** The notification kinds as stored, and the e-mail choice (NOTIFICATION_KINDS) each falls under. */
export const KIND_GROUP = {
  assigned: "assigned",
  withdrawn: "assigned", // a notice withdrawn: the agency's tasks of it ended
  returned: "returned",
  confirmed: "returned",
  extension_decided: "extension",
  explanation_requested: "explanation",
  explanation_answered: "explanation",
  reminder: "reminder",
  waiting: "waiting",
  webhook_paused: "webhook",
} as const satisfies Record<string, NotificationKind>;
export type StoredKind = keyof typeof KIND_GROUP;

export interface NotificationItem {
  title: string;
  body?: string;
  /** A path in the app: "/nhiem-vu/12". */
  link?: string;
}

export interface NotifyEvent {
  kind: StoredKind;
  provinceId: number;
  /** Identifies the event (a publication, a decision): one e-mail per person per event. */
  eventKey: string;
  /** E-mail subject when there are several items (one item: its own title). */
  subject: string;
  recipients: Recipient[];
  items: NotificationItem[] | ((recipient: Recipient) => NotificationItem[]);
}

/**
 * E-mails held back for a moment so that several steps taken together (a bulk confirmation from
 * the queue, each step its own transaction) go out as one message per person: each step's e-mail
 * is written as usual but due only at `until`, then mergeHeldEmails joins them. Should the merge
 * never run (the server died meanwhile), each goes out on its own at `until`: late, not lost.
 */
export interface MailHold {
  group: string;
  until: Date;
}

export async function notify(tx: Tx, events: NotifyEvent[], excludeUserId?: number, hold?: MailHold): Promise<void> {
  const rows: {
    userId: number;
    provinceId: number;
    kind: string;
    title: string;
    body: string | null;
    link: string | null;
    batch: string;
  }[] = [];
  const mails: { kind: string; dedupeKey: string; payload: object; runAt?: Date }[] = [];
  const smtp = Boolean(env().SMTP_URL);
  for (const e of events) {
    const seen = new Set<number>();
    for (const r of e.recipients) {
      if (seen.has(r.id) || r.id === excludeUserId) continue;
      seen.add(r.id);
      const items = typeof e.items === "function" ? e.items(r) : e.items;
      if (items.length === 0) continue;
      const batch = `${e.eventKey}:${r.id}`;
      for (const i of items)
        rows.push({
          userId: r.id,
          provinceId: e.provinceId,
          kind: e.kind,
          title: i.title,
          body: i.body ?? null,
          link: i.link ?? null,
          batch,
        });
      if (smtp && r.email && !r.emailOptOut.includes(KIND_GROUP[e.kind])) {
        mails.push({
          kind: "email",
          dedupeKey: `email:${batch}`,
          payload: {
            to: r.email,
            subject: items.length === 1 ? items[0]!.title : e.subject,
            items,
            ...(hold ? { group: hold.group } : {}),
          },
          ...(hold ? { runAt: hold.until } : {}),
        });
      }
    }
  }
  if (rows.length > 0) await tx.notification.createMany({ data: rows });
  if (mails.length > 0) await tx.outboxMessage.createMany({ data: mails, skipDuplicates: true });
}

interface HeldPayload {
  to: string;
  subject: string;
  items: NotificationItem[];
  group: string;
}

/**
 * Joins the e-mails held under `hold.group` into one per person (subject from the number of
 * items), due now. The joined steps' own messages are marked sent with the joined one, so that
 * undoing one of the steps (lib/assignments/undo.ts) counts its recipients as already e-mailed.
 */
export async function mergeHeldEmails(
  tx: Tx,
  hold: MailHold,
  subject: (count: number) => string,
  now: Date = new Date(),
): Promise<number> {
  const held = await tx.outboxMessage.findMany({
    where: { kind: "email", sentAt: null, failedAt: null, payload: { path: ["group"], equals: hold.group } },
    orderBy: { id: "asc" },
    select: { id: true, dedupeKey: true, payload: true },
  });
  const perPerson = new Map<string, { ids: number[]; to: string; items: NotificationItem[] }>();
  for (const m of held) {
    const payload = m.payload as unknown as HeldPayload;
    // The dedupe key of a step's e-mail ends with the recipient's id (`email:${eventKey}:${userId}`).
    const userId = m.dedupeKey.slice(m.dedupeKey.lastIndexOf(":") + 1);
    const entry = perPerson.get(userId) ?? { ids: [], to: payload.to, items: [] };
    entry.ids.push(m.id);
    entry.items.push(...payload.items);
    perPerson.set(userId, entry);
  }
  for (const [userId, p] of perPerson) {
    if (p.ids.length === 1) {
      await tx.outboxMessage.update({ where: { id: p.ids[0]! }, data: { runAt: now } });
      continue;
    }
    await tx.outboxMessage.create({
      data: {
        kind: "email",
        dedupeKey: `email:${hold.group}:${userId}`,
        payload: { to: p.to, subject: subject(p.items.length), items: p.items as object[] },
        runAt: now,
      },
    });
    await tx.outboxMessage.updateMany({
      where: { id: { in: p.ids } },
      data: { sentAt: now, lastError: `Gộp vào thư chung email:${hold.group}:${userId}` },
    });
  }
  return perPerson.size;
}
