import "server-only";
import { hashSecret, LAST_USED_EVERY_MS, newSecret } from "@/lib/api/tokens";
import { audit } from "@/lib/audit/log";
import { loadSessionUser } from "@/lib/auth/credentials";
import { authorize, scopeOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import { inTransaction, type Db } from "@/lib/db/client";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { feedIcs } from "@/lib/feeds/ical";
import { Prisma } from "@/lib/generated/prisma/client";
import { checkToday, dueInForceSql, OPEN, scope } from "@/lib/reports/scope";
import { readRows, toTaskRow } from "@/lib/reports/task-lists";
import type { TaskRow } from "@/lib/reports/types";
import { now } from "@/lib/time/today";

// Calendar feeds (issue 15, "Lịch trên điện thoại"): a secret address per user or per agency that
// a phone calendar subscribes to. A user's feed lists the open tasks with a deadline of the boards
// the user may open (lib/auth/permissions.ts "board.read": agency staff their agencies', the
// secretariat, chairman and administrator the whole province, at most FEED_LIMIT of them, the
// nearest to today); an agency's feed that agency's. Both are read with the owner's permissions of
// the moment: a deactivated user's feed, or one whose user lost the board, answers 404 or is empty.
// Only published notices' tasks are listed (scope.ts): drafts and withdrawn notices' are not, nor
// completed tasks. Secrets are made and hashed as API tokens are (lib/api/tokens.ts); a new feed
// replaces the owner's previous one; a revoked feed answers 404.

export const FEED_PREFIX = "cdl_";

/** A province-wide feed (secretariat, chairman) lists at most this many tasks: those due nearest to today. */
export const FEED_LIMIT = 500;

export interface FeedStatus {
  id: number;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
}

export type FeedOwner = { agencyId?: number };

class AlreadyRevoked extends AppError {
  override readonly code = "conflict";
  constructor() {
    super("Địa chỉ lịch này đã bị thu hồi.");
  }
}

/** The agency whose feed the user manages: its own staff, or the province's secretariat and administrator. */
async function managedAgency(db: Db, user: SessionUser, agencyId: number) {
  const agency = await db.agency.findUnique({
    where: { id: agencyId },
    select: { id: true, name: true, provinceId: true },
  });
  if (!agency) throw new NotFoundError("Cơ quan");
  authorize(user, "calendarFeed.manage", { provinceId: agency.provinceId, agencyId: agency.id });
  return agency;
}

/** A user's own feed needs a province and at least one board to list. */
function ownProvince(user: SessionUser): number {
  const boards = scopeOf(user, "board.read");
  if (user.provinceId === null || !boards || (boards.agencyIds !== "all" && boards.agencyIds.length === 0))
    throw new ForbiddenError("Tài khoản này không theo dõi bảng việc nào nên không có lịch nhiệm vụ.");
  return user.provinceId;
}

/** Whether the user may have a feed of their own (the account page shows the section). */
export function mayHaveOwnFeed(user: SessionUser): boolean {
  try {
    ownProvince(user);
    return true;
  } catch {
    return false;
  }
}

async function ownerWhere(db: Db, user: SessionUser, owner: FeedOwner) {
  if (owner.agencyId === undefined) return { provinceId: ownProvince(user), userId: user.id, agencyId: null };
  const agency = await managedAgency(db, user, owner.agencyId);
  return { provinceId: agency.provinceId, userId: null, agencyId: agency.id };
}

/** The owner's feed in use, if any (the address itself is never shown again). */
export async function feedStatus(db: Db, user: SessionUser, owner: FeedOwner = {}): Promise<FeedStatus | null> {
  const where = await ownerWhere(db, user, owner);
  const row = await db.calendarFeed.findFirst({
    where: { ...where, revokedAt: null },
    orderBy: { id: "desc" },
    select: { id: true, createdAt: true, lastUsedAt: true, createdBy: { select: { name: true } } },
  });
  return row
    ? { id: row.id, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt, createdBy: row.createdBy?.name ?? null }
    : null;
}

/** Makes the owner a new feed (the previous one stops at once); the secret is returned here and never again. */
export async function createFeed(
  db: Db,
  user: SessionUser,
  owner: FeedOwner = {},
): Promise<{ id: number; secret: string; replaced: number }> {
  const where = await ownerWhere(db, user, owner);
  const secret = newSecret(FEED_PREFIX);
  return inTransaction(db, async (tx) => {
    const at = now();
    const { count: replaced } = await tx.calendarFeed.updateMany({
      where: { ...where, revokedAt: null },
      data: { revokedAt: at },
    });
    const feed = await tx.calendarFeed.create({
      data: { ...where, tokenHash: hashSecret(secret), createdById: user.id },
      select: { id: true },
    });
    await audit(tx, {
      provinceId: where.provinceId,
      actorId: user.id,
      action: "calendarFeed.create",
      entityType: "CalendarFeed",
      entityId: feed.id,
      after: { userId: where.userId, agencyId: where.agencyId, replaced },
    });
    return { id: feed.id, secret, replaced };
  });
}

/** Revokes a feed: one's own, or an agency's one manages. Anyone else's is not there. */
export async function revokeFeed(db: Db, user: SessionUser, feedId: number): Promise<{ agencyId: number | null }> {
  const feed = await db.calendarFeed.findUnique({
    where: { id: feedId },
    select: { id: true, provinceId: true, userId: true, agencyId: true, revokedAt: true },
  });
  if (!feed) throw new NotFoundError("Địa chỉ lịch");
  if (feed.agencyId !== null) {
    try {
      await managedAgency(db, user, feed.agencyId);
    } catch (error) {
      if (error instanceof ForbiddenError) throw new NotFoundError("Địa chỉ lịch");
      throw error;
    }
  } else if (feed.userId !== user.id) throw new NotFoundError("Địa chỉ lịch");
  if (feed.revokedAt) throw new AlreadyRevoked();
  return inTransaction(db, async (tx) => {
    const { count } = await tx.calendarFeed.updateMany({
      where: { id: feed.id, revokedAt: null },
      data: { revokedAt: now() },
    });
    if (count === 0) throw new AlreadyRevoked();
    await audit(tx, {
      provinceId: feed.provinceId,
      actorId: user.id,
      action: "calendarFeed.revoke",
      entityType: "CalendarFeed",
      entityId: feed.id,
      before: { userId: feed.userId, agencyId: feed.agencyId },
    });
    return { agencyId: feed.agencyId };
  });
}

/**
 * The open tasks with a deadline of a province's agencies (all, or those listed), of published
 * notices only: the overview's scope and the board's "open" (lib/reports/scope.ts), read as its
 * lists are (task-lists.ts readRows), by due day in force. At most FEED_LIMIT, the nearest to today.
 */
export async function feedTasks(
  db: Db,
  provinceId: number,
  agencyIds: "all" | number[],
  today: string,
): Promise<TaskRow[]> {
  checkToday(today);
  if (agencyIds !== "all" && agencyIds.length === 0) return [];
  const due = dueInForceSql(today);
  const parts = [scope(provinceId, {}), OPEN, Prisma.sql`a."dueOn" IS NOT NULL`];
  if (agencyIds !== "all") parts.push(Prisma.sql`a."agencyId" IN (${Prisma.join(agencyIds)})`);
  const rows = await readRows(
    db,
    Prisma.sql`SELECT a.id FROM "Assignment" a WHERE ${Prisma.join(parts, " AND ")}
      ORDER BY abs(${due} - ${today}::date) ASC, a.id ASC LIMIT ${FEED_LIMIT}`,
    Prisma.sql`${due} ASC, a.id ASC`,
    today,
  );
  return rows.map((r) => toTaskRow(r, today));
}

/** What a secret address shows: the iCalendar text, or null (unknown, revoked, or its owner gone). */
export async function feedBySecret(
  db: Db,
  secret: string,
  options: { baseUrl: string; today: string },
): Promise<string | null> {
  if (!secret.startsWith(FEED_PREFIX) || secret.length > 200) return null;
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash: hashSecret(secret) },
    select: {
      id: true,
      provinceId: true,
      userId: true,
      agencyId: true,
      revokedAt: true,
      lastUsedAt: true,
      agency: { select: { name: true, provinceId: true } },
    },
  });
  if (!feed || feed.revokedAt) return null;

  let name: string;
  let tasks: TaskRow[];
  if (feed.userId !== null) {
    // The owner as they are now: deactivated is no feed; their boards are what they may open today.
    const owner = await loadSessionUser(db, feed.userId);
    if (!owner || owner.provinceId !== feed.provinceId) return null;
    const boards = scopeOf(owner, "board.read");
    name = `Nhiệm vụ – ${owner.name}`;
    tasks = boards ? await feedTasks(db, feed.provinceId, boards.agencyIds, options.today) : [];
  } else {
    if (!feed.agency || feed.agency.provinceId !== feed.provinceId || feed.agencyId === null) return null;
    name = `Nhiệm vụ – ${feed.agency.name}`;
    tasks = await feedTasks(db, feed.provinceId, [feed.agencyId], options.today);
  }

  const at = now();
  if (!feed.lastUsedAt || at.getTime() - feed.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await db.calendarFeed.update({ where: { id: feed.id }, data: { lastUsedAt: at } });
  }
  return feedIcs({
    name,
    description: "Hạn các nhiệm vụ đang thực hiện (Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh)",
    baseUrl: options.baseUrl,
    stamp: at,
    tasks,
  });
}
