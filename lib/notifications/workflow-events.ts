import "server-only";
import type { Tx } from "@/lib/db/client";
import { noticeLabel } from "@/lib/notices/notice-label";
import { notify, type MailHold, type NotifyEvent } from "@/lib/notifications/notify";
import { leadersOf, staffOf, usersById } from "@/lib/notifications/recipients";
import { formatDay, toIsoDay } from "@/lib/time/calendar";
import { enqueueWebhookDeliveries, type WebhookEventInput } from "@/lib/webhooks/emit";

// The workflow's events as notifications, written in the transaction of the step itself so that a
// step that fails tells nobody and one that succeeds tells everyone concerned exactly once.
// The person who acted is never told of their own step. The same steps are delivered to the
// province's webhooks that subscribed to them (lib/webhooks/emit.ts), in the same transaction.

interface TaskLabel {
  assignmentId: number;
  provinceId: number;
  agencyId: number;
  agency: string;
  ref: string;
  notice: string;
  link: string;
  /** What a webhook delivery says of the task (`data.task`). */
  data: Record<string, unknown>;
}

async function taskLabel(tx: Tx, assignmentId: number): Promise<TaskLabel> {
  const a = await tx.assignment.findUniqueOrThrow({
    where: { id: assignmentId },
    select: {
      id: true,
      provinceId: true,
      agencyId: true,
      role: true,
      state: true,
      dueOn: true,
      version: true,
      agency: { select: { name: true } },
      directive: {
        select: {
          id: true,
          ref: true,
          notice: {
            select: { id: true, kind: true, number: true, issuedOn: true, issuedPrecision: true, meetingOn: true },
          },
        },
      },
    },
  });
  const n = a.directive.notice;
  const notice = noticeLabel({
    ...n,
    issuedOn: n.issuedOn ? toIsoDay(n.issuedOn) : null,
    meetingOn: n.meetingOn ? toIsoDay(n.meetingOn) : null,
  });
  return {
    assignmentId: a.id,
    provinceId: a.provinceId,
    agencyId: a.agencyId,
    agency: a.agency.name,
    ref: a.directive.ref,
    notice,
    link: `/nhiem-vu/${a.id}`,
    data: {
      id: a.id,
      path: `/nhiem-vu/${a.id}`,
      state: a.state,
      role: a.role,
      dueOn: a.dueOn ? toIsoDay(a.dueOn) : null,
      version: a.version,
      agency: { id: a.agencyId, name: a.agency.name },
      directive: { id: a.directive.id, ref: a.directive.ref },
      notice: { id: n.id, label: notice },
    },
  };
}

/** What a webhook delivery says of a task (`data.task`). */
export async function webhookTaskData(tx: Tx, assignmentId: number): Promise<Record<string, unknown>> {
  return (await taskLabel(tx, assignmentId)).data;
}

/** The webhook event of a workflow step, if it is one a webhook may subscribe to. */
function webhookEventOf(event: WorkflowEvent, t: TaskLabel, key: string): WebhookEventInput | null {
  switch (event.kind) {
    case "submitted":
      return { event: "result.reported", key, data: { task: t.data } };
    case "confirmed":
      return { event: "result.confirmed", key, data: { task: t.data } };
    case "returned":
      return { event: "result.returned", key, data: { task: t.data, reason: event.reason } };
    case "extension_decided":
      return {
        event: "extension.decided",
        key,
        data: {
          task: t.data,
          extension: { id: event.extensionId, approved: event.approved, dueOn: event.dueOn, note: event.note },
        },
      };
    default:
      return null;
  }
}

const item = (t: TaskLabel, title: string, body?: string | null) => ({
  title,
  body: body ? `${t.notice}, mục ${t.ref}. ${body}` : `${t.notice}, mục ${t.ref}.`,
  link: t.link,
});

export type WorkflowEvent =
  | { kind: "submitted"; assignmentId: number; version: number }
  | { kind: "confirmed"; assignmentId: number; version: number }
  | { kind: "returned"; assignmentId: number; version: number; reason: string }
  | { kind: "extension_requested"; assignmentId: number; extensionId: number; requestedDueOn: string }
  | {
      kind: "extension_decided";
      assignmentId: number;
      extensionId: number;
      /** The assignment's version after the decision: an undone decision decided again is a new event. */
      version: number;
      approved: boolean;
      dueOn: string | null;
      note: string | null;
    }
  | { kind: "explanation_requested"; assignmentId: number; explanationId: number; replyDueOn: string }
  | { kind: "explanation_answered"; assignmentId: number; explanationId: number }
  | {
      /** A step undone, told to those who had already read (or been e-mailed) its notification. */
      kind: "undone";
      assignmentId: number;
      step: "confirmed" | "returned" | "extension";
      /** The assignment's version after the undoing. */
      version: number;
      recipientIds: number[];
      body: string;
    };

const UNDONE: Record<
  "confirmed" | "returned" | "extension",
  { kind: NotifyEvent["kind"]; title: (agency: string) => string }
> = {
  confirmed: { kind: "confirmed", title: (a) => `Việc xác nhận hoàn thành nhiệm vụ của ${a} đã được hoàn tác` },
  returned: { kind: "returned", title: (a) => `Việc trả lại kết quả của ${a} đã được hoàn tác` },
  extension: { kind: "extension_decided", title: (a) => `Quyết định về đề nghị gia hạn của ${a} đã được hoàn tác` },
};

/** Tells those concerned by one step on one assignment. */
export async function notifyWorkflow(tx: Tx, event: WorkflowEvent, actorId: number, hold?: MailHold): Promise<void> {
  const t = await taskLabel(tx, event.assignmentId);
  const base = { provinceId: t.provinceId, subject: "" };
  let e: NotifyEvent;
  switch (event.kind) {
    case "submitted":
      e = {
        ...base,
        kind: "waiting",
        eventKey: `submitted:${t.assignmentId}:${event.version}`,
        recipients: await leadersOf(tx, t.provinceId, ["secretariat"]),
        items: [item(t, `${t.agency} báo cáo hoàn thành, chờ xác nhận`)],
      };
      break;
    case "confirmed":
      e = {
        ...base,
        kind: "confirmed",
        eventKey: `confirmed:${t.assignmentId}:${event.version}`,
        recipients: await staffOf(tx, [t.agencyId]),
        items: [item(t, `Văn phòng đã xác nhận hoàn thành nhiệm vụ của ${t.agency}`)],
      };
      break;
    case "returned":
      e = {
        ...base,
        kind: "returned",
        eventKey: `returned:${t.assignmentId}:${event.version}`,
        recipients: await staffOf(tx, [t.agencyId]),
        items: [item(t, `Kết quả của ${t.agency} bị trả lại`, `Lý do: ${event.reason}`)],
      };
      break;
    case "extension_requested":
      e = {
        ...base,
        kind: "waiting",
        eventKey: `extension:${event.extensionId}:requested`,
        recipients: await leadersOf(tx, t.provinceId, ["secretariat", "chairman"]),
        items: [item(t, `${t.agency} xin gia hạn đến ${formatDay(event.requestedDueOn)}, chờ quyết định`)],
      };
      break;
    case "extension_decided":
      e = {
        ...base,
        kind: "extension_decided",
        eventKey: `extension:${event.extensionId}:decided:${event.version}`,
        recipients: await staffOf(tx, [t.agencyId]),
        items: [
          item(
            t,
            event.approved
              ? `Được gia hạn đến ${formatDay(event.dueOn!)}`
              : `Đề nghị gia hạn của ${t.agency} không được đồng ý`,
            event.note ? `Ghi chú: ${event.note}` : null,
          ),
        ],
      };
      break;
    case "explanation_requested":
      e = {
        ...base,
        kind: "explanation_requested",
        eventKey: `explanation:${event.explanationId}:requested`,
        recipients: await staffOf(tx, [t.agencyId]),
        items: [item(t, `Yêu cầu ${t.agency} giải trình việc chậm, trả lời trước ${formatDay(event.replyDueOn)}`)],
      };
      break;
    case "explanation_answered":
      e = {
        ...base,
        kind: "explanation_answered",
        eventKey: `explanation:${event.explanationId}:answered`,
        recipients: await leadersOf(tx, t.provinceId, ["secretariat", "chairman"]),
        items: [item(t, `${t.agency} đã giải trình`)],
      };
      break;
    case "undone":
      e = {
        ...base,
        kind: UNDONE[event.step].kind,
        eventKey: `undone:${t.assignmentId}:${event.version}`,
        recipients: await usersById(tx, event.recipientIds),
        items: [item(t, UNDONE[event.step].title(t.agency), event.body)],
      };
      break;
  }
  await notify(tx, [e], actorId, hold);
  const hook = webhookEventOf(event, t, e.eventKey);
  if (hook) await enqueueWebhookDeliveries(tx, t.provinceId, [hook]);
}

/** The notice's province and its label: "Thông báo số 875/TB-VPUBND ngày 30/05/2021". */
async function storedNotice(tx: Tx, noticeId: number): Promise<{ id: number; provinceId: number; label: string }> {
  const notice = await tx.notice.findUniqueOrThrow({
    where: { id: noticeId },
    select: {
      id: true,
      provinceId: true,
      kind: true,
      number: true,
      issuedOn: true,
      issuedPrecision: true,
      meetingOn: true,
    },
  });
  const label = noticeLabel({
    ...notice,
    issuedOn: notice.issuedOn ? toIsoDay(notice.issuedOn) : null,
    meetingOn: notice.meetingOn ? toIsoDay(notice.meetingOn) : null,
  });
  return { id: notice.id, provinceId: notice.provinceId, label };
}

async function agencyNames(tx: Tx, ids: number[]): Promise<Map<number, string>> {
  const agencies = await tx.agency.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(agencies.map((a) => [a.id, a.name]));
}

/** Tasks added to a notice already published (a directive or agencies added): "task.assigned" each. */
export async function webhooksOfNewTasks(tx: Tx, provinceId: number, assignmentIds: number[]): Promise<void> {
  if (assignmentIds.length === 0) return;
  const subscribed = await tx.webhook.count({
    where: { provinceId, pausedAt: null, events: { has: "task.assigned" } },
  });
  if (subscribed === 0) return;
  const tasks = await Promise.all(assignmentIds.map((id) => taskLabel(tx, id)));
  await enqueueWebhookDeliveries(
    tx,
    provinceId,
    tasks.map((t) => ({ event: "task.assigned", key: `assigned:${t.assignmentId}`, data: { task: t.data } })),
  );
}

/** A notice published, for the webhooks: "notice.published" once, "task.assigned" per task of it. */
async function webhooksOfPublication(tx: Tx, noticeId: number): Promise<void> {
  const notice = await storedNotice(tx, noticeId);
  const subscribed = await tx.webhook.count({
    where: {
      provinceId: notice.provinceId,
      pausedAt: null,
      events: { hasSome: ["notice.published", "task.assigned"] },
    },
  });
  if (subscribed === 0) return;
  const stored = await tx.notice.findUniqueOrThrow({
    where: { id: noticeId },
    select: { kind: true, number: true, title: true, issuedOn: true },
  });
  const ids = await tx.assignment.findMany({ where: { noticeId }, orderBy: { id: "asc" }, select: { id: true } });
  const tasks = await Promise.all(ids.map((a) => taskLabel(tx, a.id)));
  const data = {
    id: notice.id,
    path: `/thong-bao/${notice.id}`,
    label: notice.label,
    kind: stored.kind,
    number: stored.number,
    title: stored.title,
    issuedOn: stored.issuedOn ? toIsoDay(stored.issuedOn) : null,
    tasks: tasks.length,
  };
  await enqueueWebhookDeliveries(tx, notice.provinceId, [
    { event: "notice.published", key: `published:${notice.id}`, data: { notice: data } },
    ...tasks.map((t) => ({
      event: "task.assigned" as const,
      key: `assigned:${t.assignmentId}`,
      data: { task: t.data },
    })),
  ]);
}

/**
 * A notice published: every agency's staff are told of their new tasks, one item per agency they
 * follow (a notice with 40 tasks for one agency is one line and one e-mail, not 40).
 */
export async function notifyPublished(tx: Tx, noticeId: number, actorId: number | null): Promise<void> {
  await webhooksOfPublication(tx, noticeId);
  const counts = await tx.assignment.groupBy({
    by: ["agencyId"],
    where: { noticeId },
    _count: { _all: true },
  });
  if (counts.length === 0) return;
  const notice = await storedNotice(tx, noticeId);
  const perAgency = new Map(counts.map((c) => [c.agencyId, c._count._all]));
  const names = await agencyNames(tx, [...perAgency.keys()]);
  const staff = await staffOf(tx, [...perAgency.keys()]);
  await notify(
    tx,
    [
      {
        kind: "assigned",
        provinceId: notice.provinceId,
        eventKey: `published:${notice.id}`,
        subject: `Nhiệm vụ mới: ${notice.label}`,
        recipients: staff,
        items: (r) =>
          (staff.find((s) => s.id === r.id)?.agencyIds ?? [])
            .filter((id) => perAgency.has(id))
            .map((id) => ({
              title: `${names.get(id)} được giao ${perAgency.get(id)} nhiệm vụ mới`,
              body: notice.label,
              link: `/co-quan/${id}?notice=${notice.id}`,
            })),
      },
    ],
    actorId ?? undefined,
  );
}

/** A notice withdrawn: the staff of every agency with an open task of it are told those tasks ended. */
export async function notifyWithdrawn(
  tx: Tx,
  noticeId: number,
  openTasks: { agencyId: number }[],
  reason: string,
  actorId: number,
): Promise<void> {
  const perAgency = new Map<number, number>();
  for (const t of openTasks) perAgency.set(t.agencyId, (perAgency.get(t.agencyId) ?? 0) + 1);
  if (perAgency.size === 0) return;
  const notice = await storedNotice(tx, noticeId);
  const names = await agencyNames(tx, [...perAgency.keys()]);
  const staff = await staffOf(tx, [...perAgency.keys()]);
  await notify(
    tx,
    [
      {
        kind: "withdrawn",
        provinceId: notice.provinceId,
        eventKey: `withdrawn:${notice.id}`,
        subject: `Thu hồi: ${notice.label}`,
        recipients: staff,
        items: (r) =>
          (staff.find((s) => s.id === r.id)?.agencyIds ?? [])
            .filter((id) => perAgency.has(id))
            .map((id) => ({
              title: `${notice.label} đã bị thu hồi: ${perAgency.get(id)} nhiệm vụ của ${names.get(id)} kết thúc`,
              body: `Lý do: ${reason}`,
              link: `/thong-bao/${notice.id}`,
            })),
      },
    ],
    actorId,
  );
}
