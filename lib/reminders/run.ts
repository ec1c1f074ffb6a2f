import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Mailer } from "@/lib/reminders/mailer";
import { ongoingMissingSql, ongoingPeriodOf, type OngoingPeriod } from "@/lib/assignments/ongoing";
import {
  bucketOf,
  ongoingReminderDay,
  countBuckets,
  DIGEST_BUCKET_LABELS,
  digestSubject,
  digestText,
  MAX_DAYS_BEFORE,
  type ReminderSchedule,
  sortLines,
  type DigestItem,
  type DigestLine,
} from "@/lib/reminders/message";
import { shorten } from "@/lib/text/shorten";
import { addDays, fromIsoDay, toIsoDay } from "@/lib/time/calendar";
import { enqueueOverdueWebhooks } from "@/lib/webhooks/overdue";

// The daily reminder run (`npm run reminders`, from cron): for each agency with a task whose
// reminder day is today by its province's schedule (days before the deadline, the due day, every
// so many days while overdue; for ongoing tasks without this period's report, the same days before
// the period's last day), one digest. The unique (agencyId, digestOn) with INSERT … ON
// CONFLICT DO NOTHING guarantees one digest per agency per day, even with two runs at once: only
// the run whose insert won sends the e-mail. Queries: one to read, one to insert, one or two to
// record what was sent, whatever the number of agencies.

export interface AgencyDigest {
  agency: { id: number; name: string; provinceId: number; provinceName: string; email: string | null };
  lines: DigestLine[];
}

const LINE_SELECT = {
  id: true,
  dueOn: true,
  role: true,
  agency: { select: { id: true, name: true, email: true, provinceId: true, province: { select: { name: true } } } },
  directive: {
    select: {
      ref: true,
      text: true,
      deadlinePhrase: true,
      notice: { select: { kind: true, number: true, issuedOn: true, issuedPrecision: true, meetingOn: true } },
    },
  },
} as const satisfies Prisma.AssignmentSelect;

/**
 * The ongoing tasks (no due day) without a report in their province's current period, of the
 * provinces for which today is a reminder day of that period (the schedule's days before its last
 * day): the one rule of lib/assignments/ongoing.ts. Two queries per period length among them.
 */
async function ongoingLines(
  db: Db,
  today: string,
  provinces: { id: number; ongoingReportPeriod: string }[],
  schedules: Map<number, ReminderSchedule>,
) {
  const byPeriod = new Map<string, { period: OngoingPeriod; ids: number[] }>();
  for (const p of provinces) {
    const o = ongoingPeriodOf(p.ongoingReportPeriod, today);
    if (!ongoingReminderDay(o.period.end, today, schedules.get(p.id))) continue;
    const group = byPeriod.get(o.recurrence) ?? { period: o, ids: [] };
    group.ids.push(p.id);
    byPeriod.set(o.recurrence, group);
  }
  const out: { row: Prisma.AssignmentGetPayload<{ select: typeof LINE_SELECT }>; period: OngoingPeriod }[] = [];
  for (const { period, ids } of byPeriod.values()) {
    const found = await db.$queryRaw<{ id: number }[]>`
      SELECT a.id FROM "Assignment" a JOIN "Notice" n ON n.id = a."noticeId" AND n."status" = 'published'
        JOIN "Agency" g ON g.id = a."agencyId" AND g."active"
      WHERE a."provinceId" = ANY(${ids}::int[]) AND ${ongoingMissingSql(period.period)}`;
    if (found.length === 0) continue;
    const rows = await db.assignment.findMany({
      where: { id: { in: found.map((r) => r.id) } },
      orderBy: [{ agencyId: "asc" }, { id: "asc" }],
      select: LINE_SELECT,
    });
    for (const row of rows) out.push({ row, period });
  }
  return out;
}

/** What each agency should be reminded of today, in one query (and two per ongoing period that has a reminder day today). */
export async function computeDigests(db: Db, today: string, provinceId?: number): Promise<AgencyDigest[]> {
  const provinces = await db.province.findMany({
    where: provinceId !== undefined ? { id: provinceId } : {},
    select: { id: true, reminderDaysBefore: true, overdueReminderEveryDays: true, ongoingReportPeriod: true },
  });
  const schedules = new Map<number, ReminderSchedule>(
    provinces.map((p) => [p.id, { daysBefore: p.reminderDaysBefore, overdueEvery: p.overdueReminderEveryDays }]),
  );
  const ahead = Math.min(MAX_DAYS_BEFORE, Math.max(0, ...provinces.flatMap((p) => p.reminderDaysBefore)));
  const rows = await db.assignment.findMany({
    where: {
      ...(provinceId !== undefined ? { provinceId } : {}),
      state: { not: "completed" },
      dueOn: { not: null, lte: fromIsoDay(addDays(today, ahead)) },
      agency: { active: true },
      directive: { notice: { status: "published" } },
    },
    orderBy: [{ agencyId: "asc" }, { dueOn: "asc" }, { id: "asc" }],
    select: LINE_SELECT,
  });
  const ongoing = await ongoingLines(db, today, provinces, schedules);
  const byAgency = new Map<number, AgencyDigest>();
  const lines = [
    ...rows.flatMap((r) => {
      const dueOn = toIsoDay(r.dueOn!);
      const bucket = bucketOf(dueOn, today, schedules.get(r.agency.provinceId));
      return bucket ? [{ r, dueOn, bucket, period: undefined as string | undefined }] : [];
    }),
    ...ongoing.map((o) => ({
      r: o.row,
      dueOn: o.period.period.end,
      bucket: "ongoing" as const,
      period: o.period.label,
    })),
  ];
  for (const { r, dueOn, bucket, period } of lines) {
    let d = byAgency.get(r.agency.id);
    if (!d) {
      const { province, ...agency } = r.agency;
      d = { agency: { ...agency, provinceName: province.name }, lines: [] };
      byAgency.set(r.agency.id, d);
    }
    const { notice, ...directive } = r.directive;
    d.lines.push({
      assignmentId: r.id,
      dueOn,
      bucket,
      ...(period ? { period } : {}),
      role: r.role,
      directive,
      notice: {
        ...notice,
        issuedOn: notice.issuedOn ? toIsoDay(notice.issuedOn) : null,
        meetingOn: notice.meetingOn ? toIsoDay(notice.meetingOn) : null,
      },
    });
  }
  return [...byAgency.values()].map((d) => ({ ...d, lines: sortLines(d.lines) }));
}

export interface RunOptions {
  /** Set when SMTP is configured: agencies with an e-mail address get the digest by mail. */
  mailer?: Mailer;
  /** The app's address, for the link in the e-mail. */
  baseUrl: string;
  provinceId?: number;
}

export interface RunResult {
  agencies: number;
  created: number;
  skipped: number; // already had today's digest
  emailed: number;
  failed: number;
  inApp: number;
  /** Reminder e-mails to the agencies' own staff who chose them (sent by the app server's outbox). */
  personal: number;
  /** Webhook deliveries of "task.overdue" enqueued (sent by the app server's outbox). */
  webhooks: number;
}

/** At most this many tasks are listed in one person's reminder e-mail (the board has the rest). */
const PERSONAL_ITEMS = 30;

/**
 * The digest also goes to each active staff member of its agency who has an e-mail address and
 * has not turned off "Nhắc việc trước và sau thời hạn" on /tai-khoan: one message per person and
 * digest, queued in the outbox (its key keeps a second run from queueing it again) and sent by the
 * app server. Only for the digests this run wrote.
 */
async function enqueuePersonalReminders(
  db: Db,
  today: string,
  inserted: { id: number; agencyId: number }[],
  byAgency: Map<number, AgencyDigest>,
  baseUrl: string,
): Promise<number> {
  if (inserted.length === 0) return 0;
  const staff = await db.userAgency.findMany({
    where: {
      agencyId: { in: inserted.map((d) => d.agencyId) },
      user: { active: true, role: "agency_staff", email: { not: null }, NOT: { emailOptOut: { has: "reminder" } } },
    },
    select: { agencyId: true, user: { select: { id: true, email: true } } },
  });
  const base = baseUrl.replace(/\/$/, "");
  const data = staff.flatMap((s) => {
    const digest = inserted.find((d) => d.agencyId === s.agencyId)!;
    const d = byAgency.get(s.agencyId)!;
    const items = d.lines.slice(0, PERSONAL_ITEMS).map((l) => ({
      title: `${DIGEST_BUCKET_LABELS[l.bucket]}: ${shorten(l.directive.text, 160)}`,
      body: l.bucket === "ongoing" ? l.period : `Hạn ${l.dueOn.split("-").reverse().join("/")}`,
      link: `${base}/nhiem-vu/${l.assignmentId}`,
    }));
    if (d.lines.length > PERSONAL_ITEMS)
      items.push({
        title: `Và ${d.lines.length - PERSONAL_ITEMS} nhiệm vụ khác trên bảng việc của ${d.agency.name}`,
        body: undefined,
        link: `${base}/co-quan/${d.agency.id}`,
      });
    return [
      {
        kind: "email",
        dedupeKey: `reminder:${digest.id}:${s.user.id}`,
        payload: {
          to: s.user.email!,
          subject: digestSubject(d.agency.name, today, d.lines),
          items,
        } as Prisma.InputJsonValue,
      },
    ];
  });
  if (data.length === 0) return 0;
  const r = await db.outboxMessage.createMany({ data, skipDuplicates: true });
  return r.count;
}

export async function runReminders(db: Db, today: string, options: RunOptions): Promise<RunResult> {
  const digests = await computeDigests(db, today, options.provinceId);
  const byAgency = new Map(digests.map((d) => [d.agency.id, d]));
  const data = digests.map((d) => {
    const items: DigestItem[] = d.lines.map((l) => ({
      assignmentId: l.assignmentId,
      dueOn: l.dueOn,
      bucket: l.bucket,
      ...(l.period ? { period: l.period } : {}),
    }));
    const c = countBuckets(items);
    const email = options.mailer && d.agency.email ? d.agency.email : null;
    return {
      provinceId: d.agency.provinceId,
      agencyId: d.agency.id,
      digestOn: fromIsoDay(today),
      overdue: c.overdue,
      dueToday: c.due_today,
      dueSoon: c.due_soon,
      items: items as unknown as Prisma.InputJsonValue,
      channel: email ? ("email" as const) : ("in_app" as const),
      emailTo: email,
    };
  });
  // ON CONFLICT DO NOTHING: returns only the rows this run inserted.
  const inserted =
    data.length === 0
      ? []
      : await db.reminderDigest.createManyAndReturn({
          data,
          skipDuplicates: true,
          select: { id: true, agencyId: true, channel: true, emailTo: true },
        });

  const personal = options.mailer ? await enqueuePersonalReminders(db, today, inserted, byAgency, options.baseUrl) : 0;

  const sent: number[] = [];
  const failures: { id: number; error: string }[] = [];
  for (const row of inserted) {
    if (row.channel !== "email" || !row.emailTo || !options.mailer) continue;
    const d = byAgency.get(row.agencyId)!;
    try {
      await options.mailer.send({
        to: row.emailTo,
        subject: digestSubject(d.agency.name, today, d.lines),
        text: digestText({
          agencyName: d.agency.name,
          provinceName: d.agency.provinceName,
          day: today,
          lines: d.lines,
          boardUrl: `${options.baseUrl.replace(/\/$/, "")}/co-quan/${d.agency.id}`,
        }),
      });
      sent.push(row.id);
    } catch (error) {
      failures.push({ id: row.id, error: error instanceof Error ? error.message.slice(0, 500) : String(error) });
    }
  }
  if (sent.length > 0)
    await db.reminderDigest.updateMany({ where: { id: { in: sent } }, data: { sentAt: new Date() } });
  // Failures are rare and each has its own message.
  for (const f of failures) await db.reminderDigest.update({ where: { id: f.id }, data: { error: f.error } });

  const webhooks = await enqueueOverdueWebhooks(db, today, options.provinceId);

  return {
    agencies: digests.length,
    created: inserted.length,
    personal,
    skipped: digests.length - inserted.length,
    emailed: sent.length,
    failed: failures.length,
    inApp: inserted.filter((r) => r.channel === "in_app").length,
    webhooks,
  };
}
