import "server-only";
import { inTransaction, type Db } from "@/lib/db/client";
import { webhookTaskData } from "@/lib/notifications/workflow-events";
import { addDays, fromIsoDay, toIsoDay } from "@/lib/time/calendar";
import { enqueueWebhookDeliveries } from "@/lib/webhooks/emit";

// "task.overdue": found by the daily reminder run (lib/reminders/run.ts). A task becomes overdue
// the day after its due day while it is not completed (the reminders' rule: its due day, which is
// an approved extension's day). Tasks whose due day passed within the last week are looked at, so
// a day the run missed is caught up, while a webhook registered today is not sent the province's
// whole backlog. Each (task, due day) goes once per webhook: an extension and a new due day that
// passes again is a new event.

const CATCH_UP_DAYS = 7;

export async function enqueueOverdueWebhooks(db: Db, today: string, provinceId?: number): Promise<number> {
  const provinces = await db.webhook.findMany({
    where: {
      pausedAt: null,
      events: { has: "task.overdue" },
      ...(provinceId !== undefined ? { provinceId } : {}),
    },
    distinct: ["provinceId"],
    select: { provinceId: true },
  });
  let added = 0;
  for (const { provinceId: pid } of provinces) {
    const tasks = await db.assignment.findMany({
      where: {
        provinceId: pid,
        state: { not: "completed" },
        dueOn: { gte: fromIsoDay(addDays(today, -CATCH_UP_DAYS)), lt: fromIsoDay(today) },
        agency: { active: true },
        directive: { notice: { status: "published" } },
      },
      orderBy: { id: "asc" },
      select: { id: true, dueOn: true },
    });
    if (tasks.length === 0) continue;
    added += await inTransaction(db, async (tx) => {
      const events = await Promise.all(
        tasks.map(async (t) => {
          const dueOn = toIsoDay(t.dueOn!);
          return {
            event: "task.overdue" as const,
            key: `overdue:${t.id}:${dueOn}`,
            data: { task: await webhookTaskData(tx, t.id), overdueSince: addDays(dueOn, 1) },
          };
        }),
      );
      return (await enqueueWebhookDeliveries(tx, pid, events)).length;
    });
  }
  return added;
}
