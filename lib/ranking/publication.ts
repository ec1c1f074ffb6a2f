import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit/log";
import { authorize } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { ConflictError, NotFoundError, invalidField } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { frozenRanking, liveRanking, publicationOf, type Ranking } from "@/lib/ranking/figures";
import { parsePeriodKey, type Period } from "@/lib/ranking/periods";
import { checkToday } from "@/lib/reports/scope";
import { now } from "@/lib/time/today";

// Publishing a period's results (công bố kết quả): the secretariat freezes the ranking as it
// stands today (rows and formula copied into RankingPublication), so that later reports, extensions
// or edits no longer change what was published; optionally readable without sign-in at
// /cong-khai/<province code>/xep-hang/<period>. Withdrawing a publication ends both, with a reason,
// in the audit log; publishing again freezes anew. Until published nothing is public.

const ZPeriodKey = z.string({ error: "Vui lòng chọn kỳ." }).transform((v, ctx) => {
  const p = parsePeriodKey(v);
  if (!p) {
    ctx.addIssue({ code: "custom", message: "Kỳ không hợp lệ." });
    return z.NEVER;
  }
  return p;
});

export const ZPublishRanking = z.object({
  period: ZPeriodKey,
  isPublic: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});
export type PublishRankingInput = z.output<typeof ZPublishRanking>;

export const ZWithdrawRanking = z.object({
  period: ZPeriodKey,
  reason: z
    .string({ error: "Vui lòng nêu lý do thu hồi." })
    .trim()
    .min(5, "Vui lòng nêu lý do thu hồi (ít nhất 5 ký tự).")
    .max(1000, "Lý do thu hồi tối đa 1000 ký tự."),
});
export type WithdrawRankingInput = z.output<typeof ZWithdrawRanking>;

function provinceOf(user: SessionUser): number {
  if (user.provinceId === null) throw new NotFoundError("Tỉnh");
  authorize(user, "ranking.publish", { provinceId: user.provinceId });
  return user.provinceId;
}

/** Freezes the period's ranking of the user's province as computed at `today`. */
export async function publishRanking(
  db: Db,
  user: SessionUser,
  input: PublishRankingInput,
  today: string,
): Promise<{ agencies: number }> {
  checkToday(today);
  const provinceId = provinceOf(user);
  const p = input.period;
  if (p.start > today) invalidField("period", `${p.label} chưa bắt đầu: chưa có kết quả để công bố.`);
  const r = await liveRanking(db, provinceId, p, today);
  if (r.rows.length === 0)
    invalidField("period", `${p.label} chưa có nhiệm vụ nào có hạn: không có kết quả để công bố.`);
  const data = {
    asOf: new Date(`${today}T00:00:00Z`),
    formula: r.formula as unknown as Prisma.InputJsonValue,
    rows: r.rows as unknown as Prisma.InputJsonValue,
    isPublic: input.isPublic,
    publishedAt: now(),
    publishedById: user.id,
    withdrawnAt: null,
    withdrawnById: null,
    withdrawnReason: null,
  };
  await db.$transaction(async (tx) => {
    const existing = await tx.rankingPublication.findUnique({
      where: { provinceId_periodKey: { provinceId, periodKey: p.key } },
      select: { id: true, withdrawnAt: true },
    });
    if (existing && !existing.withdrawnAt)
      throw new ConflictError(`${p.label} đã được công bố. Thu hồi công bố trước khi công bố lại.`);
    const pub = existing
      ? await tx.rankingPublication.update({ where: { id: existing.id }, data })
      : await tx.rankingPublication.create({ data: { ...data, provinceId, periodKey: p.key } });
    await audit(tx, {
      provinceId,
      actorId: user.id,
      action: "ranking.publish",
      entityType: "RankingPublication",
      entityId: pub.id,
      after: { period: p.key, asOf: today, isPublic: input.isPublic, agencies: r.rows.length },
    });
  });
  return { agencies: r.rows.length };
}

/** Ends the period's publication (and its public page); the frozen figures give way to live ones. */
export async function withdrawRankingPublication(db: Db, user: SessionUser, input: WithdrawRankingInput) {
  const provinceId = provinceOf(user);
  await db.$transaction(async (tx) => {
    const pub = await tx.rankingPublication.findUnique({
      where: { provinceId_periodKey: { provinceId, periodKey: input.period.key } },
      select: { id: true, withdrawnAt: true, isPublic: true, asOf: true },
    });
    if (!pub || pub.withdrawnAt) throw new ConflictError(`${input.period.label} chưa được công bố hoặc đã bị thu hồi.`);
    await tx.rankingPublication.update({
      where: { id: pub.id },
      data: { withdrawnAt: now(), withdrawnById: user.id, withdrawnReason: input.reason },
    });
    await audit(tx, {
      provinceId,
      actorId: user.id,
      action: "ranking.withdraw",
      entityType: "RankingPublication",
      entityId: pub.id,
      before: { period: input.period.key, isPublic: pub.isPublic },
      after: { reason: input.reason },
    });
  });
}

/**
 * What anyone may read without signing in: a province's period, only while it is published and
 * made public; anything else (unknown province or period, unpublished, withdrawn, not public) is
 * null, which the page answers as 404.
 */
export async function publicRanking(
  db: Db,
  provinceCode: string,
  periodKey: string,
): Promise<{ province: string; ranking: Omit<Ranking, "rows"> & { rows: Ranking["rows"] } } | null> {
  const p: Period | undefined = parsePeriodKey(periodKey);
  if (!p || p.key !== periodKey) return null;
  const province = await db.province.findUnique({ where: { code: provinceCode }, select: { id: true, name: true } });
  if (!province) return null;
  const pub = await publicationOf(db, province.id, p.key);
  if (!pub || !pub.isPublic) return null;
  return { province: province.name, ranking: frozenRanking(p, pub) };
}

/** The public address of a published period (relative). */
export function publicRankingPath(provinceCode: string, periodKey: string): string {
  return `/cong-khai/${encodeURIComponent(provinceCode)}/xep-hang/${periodKey}`;
}
