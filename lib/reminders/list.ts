import "server-only";
import { scopeOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sortLines, type DigestItem, type DigestLine } from "@/lib/reminders/message";
import { fromIsoDay, toIsoDay } from "@/lib/time/calendar";

// The in-app list of reminder digests ("Nhắc việc"). A digest belongs to an agency: whoever may
// read that agency's board may read its digests (agency staff their own agencies, the
// secretariat and the chairman the whole province). Only the agency's own staff mark it read.

export interface DigestView {
  id: number;
  digestOn: string;
  agency: { id: number; name: string };
  overdue: number;
  dueToday: number;
  dueSoon: number;
  channel: "email" | "in_app";
  emailTo: string | null;
  sentAt: Date | null;
  error: string | null;
  unread: boolean;
  lines: (DigestLine & { stillOpen: boolean })[];
}

/** The digests an action on them reaches, from the permission table; null when none. */
function digestsWhere(
  user: SessionUser,
  action: "digest.read" | "digest.markRead",
): Prisma.ReminderDigestWhereInput | null {
  const scope = scopeOf(user, action);
  if (!scope || scope.provinceId === null) return null;
  return scope.agencyIds === "all"
    ? { provinceId: scope.provinceId }
    : { provinceId: scope.provinceId, agencyId: { in: scope.agencyIds } };
}

/** Newest first; two queries (digests with their agency, then the items' tasks) and a count. */
export async function listDigests(
  db: Db,
  user: SessionUser,
  opts: { page?: number; pageSize?: number; agencyId?: number } = {},
): Promise<{ rows: DigestView[]; total: number; page: number; pageSize: number }> {
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.floor(opts.pageSize ?? 20)));
  const scope = digestsWhere(user, "digest.read");
  if (!scope) return { rows: [], total: 0, page, pageSize };
  const where: Prisma.ReminderDigestWhereInput = opts.agencyId ? { AND: [scope, { agencyId: opts.agencyId }] } : scope;
  const [digests, total] = await Promise.all([
    db.reminderDigest.findMany({
      where,
      orderBy: [{ digestOn: "desc" }, { overdue: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        digestOn: true,
        overdue: true,
        dueToday: true,
        dueSoon: true,
        items: true,
        channel: true,
        emailTo: true,
        sentAt: true,
        error: true,
        readAt: true,
        agency: { select: { id: true, name: true } },
      },
    }),
    db.reminderDigest.count({ where }),
  ]);
  const items = new Map<number, DigestItem[]>(
    digests.map((d) => [d.id, (Array.isArray(d.items) ? d.items : []) as unknown as DigestItem[]]),
  );
  const ids = [...new Set([...items.values()].flat().map((i) => i.assignmentId))];
  const tasks =
    ids.length === 0
      ? []
      : await db.assignment.findMany({
          where: { id: { in: ids }, provinceId: user.provinceId! },
          select: {
            id: true,
            role: true,
            state: true,
            directive: {
              select: {
                ref: true,
                text: true,
                deadlinePhrase: true,
                notice: {
                  select: { kind: true, number: true, issuedOn: true, issuedPrecision: true, meetingOn: true },
                },
              },
            },
          },
        });
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const rows = digests.map((d): DigestView => ({
    id: d.id,
    digestOn: toIsoDay(d.digestOn),
    agency: d.agency,
    overdue: d.overdue,
    dueToday: d.dueToday,
    dueSoon: d.dueSoon,
    channel: d.channel,
    emailTo: d.emailTo,
    sentAt: d.sentAt,
    error: d.error,
    unread: d.readAt === null,
    lines: sortLines(
      (items.get(d.id) ?? []).flatMap((i) => {
        const t = byId.get(i.assignmentId);
        if (!t) return []; // the task was removed since
        const { notice, ...directive } = t.directive;
        return [
          {
            ...i,
            role: t.role,
            directive,
            stillOpen: t.state !== "completed",
            notice: {
              ...notice,
              issuedOn: notice.issuedOn ? toIsoDay(notice.issuedOn) : null,
              meetingOn: notice.meetingOn ? toIsoDay(notice.meetingOn) : null,
            },
          },
        ];
      }),
    ),
  }));
  return { rows, total, page, pageSize };
}

/** The number beside "Nhắc việc": unread digests of one's own agencies; for the province's readers, today's digests. */
export async function reminderBadge(db: Db, user: SessionUser, today: string): Promise<number> {
  const own = digestsWhere(user, "digest.markRead");
  if (own) return db.reminderDigest.count({ where: { ...own, readAt: null } });
  const readable = digestsWhere(user, "digest.read");
  if (!readable) return 0;
  return db.reminderDigest.count({ where: { ...readable, digestOn: fromIsoDay(today) } });
}

/** Marks as read the unread digests of the user's own agencies; returns how many. */
export async function markDigestsRead(db: Db, user: SessionUser, now: Date): Promise<number> {
  const own = digestsWhere(user, "digest.markRead");
  if (!own) return 0;
  const { count } = await db.reminderDigest.updateMany({
    where: { ...own, readAt: null },
    data: { readAt: now },
  });
  return count;
}
