import "server-only";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";

// A person's own notifications (the inbox on "Nhắc việc"): newest first, unread marked. Each
// person reads and marks only their own; nobody else's are reachable from here.

export interface NotificationView {
  id: number;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  unread: boolean;
}

export async function unreadNotifications(db: Db, user: SessionUser): Promise<number> {
  return db.notification.count({ where: { userId: user.id, readAt: null } });
}

export async function listNotifications(
  db: Db,
  user: SessionUser,
  opts: { take?: number } = {},
): Promise<{ rows: NotificationView[]; unread: number }> {
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId: user.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: Math.min(200, opts.take ?? 50),
      select: { id: true, kind: true, title: true, body: true, link: true, createdAt: true, readAt: true },
    }),
    unreadNotifications(db, user),
  ]);
  return {
    unread,
    rows: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: n.createdAt.toISOString(),
      unread: n.readAt === null,
    })),
  };
}

export async function markNotificationsRead(db: Db, user: SessionUser, now: Date): Promise<number> {
  const r = await db.notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: now } });
  return r.count;
}
