import "server-only";
import { authorize, scopeOf } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { categoryPredicate, checkToday, scope } from "@/lib/reports/scope";
import { onTimeRate } from "@/lib/reports/counts";
import { defaultPeriod, makePeriod, previousPeriod, quarterOf, type Period } from "@/lib/ranking/periods";
import { DEFAULT_FORMULA, score, type Formula, type PeriodCounts } from "@/lib/ranking/score";
import { toIsoDay } from "@/lib/time/calendar";

// Quarterly (half-year, year) results per agency: one aggregate query per period over the
// province's assignments, whatever their number. A task counts in a period when its due day
// (Assignment.dueOn: the approved extension's day when one was approved) falls in the period;
// tasks with no due day (ongoing) are not ranked. Only tasks of published notices count (the
// scope of lib/reports/scope.ts). Each task is judged by the categories of that file (timeliness.ts
// `judge` as SQL) at `today`.

export interface RankRow extends PeriodCounts {
  agencyId: number;
  name: string;
  shortName: string;
  score: number | null;
  onTimeRate: number | null;
  rank: number | null;
  previousRank: number | null;
}

async function counts(db: Db, provinceId: number, p: Period, today: string) {
  const cat = (c: Parameters<typeof categoryPredicate>[0]) => categoryPredicate(c, today);
  return db.$queryRaw<(PeriodCounts & { agencyId: number; name: string; shortName: string })[]>(Prisma.sql`
    SELECT ag.id AS "agencyId", ag."name", ag."shortName",
      count(*)::int AS "assigned",
      (count(*) FILTER (WHERE ${cat("completed_on_time")}))::int AS "completedOnTime",
      (count(*) FILTER (WHERE ${cat("completed_late")}))::int AS "completedLate",
      (count(*) FILTER (WHERE ${cat("on_track")}))::int AS "onTrack",
      (count(*) FILTER (WHERE ${cat("overdue")}))::int AS "overdue",
      COALESCE(sum(${today}::date - a."dueOn") FILTER (WHERE ${cat("overdue")}), 0)::int AS "overdueDays"
    FROM "Assignment" a JOIN "Agency" ag ON ag.id = a."agencyId"
    WHERE ${scope(provinceId, {})} AND a."dueOn" >= ${p.start}::date AND a."dueOn" <= ${p.end}::date
    GROUP BY ag.id, ag."name", ag."shortName"`);
}

/** Ranks by score (ties: on-time rate, then name); agencies with nothing judged get no rank. */
export function rank<T extends { name: string; score: number | null; onTimeRate: number | null }>(
  rows: T[],
): (T & { rank: number | null })[] {
  const sorted = [...rows].sort(
    (a, b) =>
      (b.score ?? -1) - (a.score ?? -1) ||
      (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) ||
      a.name.localeCompare(b.name, "vi"),
  );
  let n = 0;
  return sorted.map((r) => ({ ...r, rank: r.score === null ? null : ++n }));
}

async function ranked(db: Db, provinceId: number, p: Period, today: string, f: Formula) {
  const rows = await counts(db, provinceId, p, today);
  return rank(rows.map((r) => ({ ...r, score: score(r, f), onTimeRate: onTimeRate(r) })));
}

/** A published period's frozen ranking: when, by whom, as of which day, and whether it is public. */
export interface Published {
  publishedAt: Date;
  publishedBy: string | null;
  asOf: string;
  isPublic: boolean;
}

export interface Ranking {
  period: Period;
  previous: Period;
  formula: Formula;
  /** The day the figures stand at: today, or the day a published period was frozen. */
  asOf: string;
  published: Published | null;
  rows: RankRow[];
}

/** The province's score formula (its settings, lib/provinces/settings.ts), the defaults otherwise. */
export async function formulaOf(db: Db, provinceId: number): Promise<Formula> {
  const p = await db.province.findUnique({
    where: { id: provinceId },
    select: { scoreLateCredit: true, scorePenaltyPerDay: true, scorePenaltyCap: true },
  });
  if (!p) return DEFAULT_FORMULA;
  return { lateCredit: p.scoreLateCredit, penaltyPerDay: p.scorePenaltyPerDay, penaltyCap: p.scorePenaltyCap };
}

/** The province's ranking of a period computed now from the tasks (what publishing freezes). */
export async function liveRanking(db: Db, provinceId: number, p: Period, today: string) {
  checkToday(today);
  const previous = previousPeriod(p);
  const formula = await formulaOf(db, provinceId);
  const [now, before] = await Promise.all([
    ranked(db, provinceId, p, today, formula),
    ranked(db, provinceId, previous, today, formula),
  ]);
  const prior = new Map(before.map((r) => [r.agencyId, r.rank]));
  const rows: RankRow[] = now.map((r) => ({ ...r, previousRank: prior.get(r.agencyId) ?? null }));
  return { period: p, previous, formula, rows };
}

/** The period's standing publication of the province, if any (a withdrawn one is none). */
export async function publicationOf(db: Db, provinceId: number, periodKey: string) {
  const pub = await db.rankingPublication.findUnique({
    where: { provinceId_periodKey: { provinceId, periodKey } },
    include: { publishedBy: { select: { name: true } } },
  });
  return pub && !pub.withdrawnAt ? pub : null;
}

/** A publication's frozen ranking, in the shape of a computed one. */
export function frozenRanking(
  p: Period,
  pub: NonNullable<Awaited<ReturnType<typeof publicationOf>>>,
): Omit<Ranking, "rows"> & { rows: RankRow[] } {
  return {
    period: p,
    previous: previousPeriod(p),
    formula: pub.formula as unknown as Formula,
    asOf: toIsoDay(pub.asOf),
    published: {
      publishedAt: pub.publishedAt,
      publishedBy: pub.publishedBy?.name ?? null,
      asOf: toIsoDay(pub.asOf),
      isPublic: pub.isPublic,
    },
    rows: pub.rows as unknown as RankRow[],
  };
}

/**
 * The ranking of the user's province for a period, with each agency's rank in the previous period
 * of the same length: the frozen one when the period is published, else computed at `today`.
 * Agency staff get only their own agencies' rows (ranked among all).
 */
export async function ranking(db: Db, user: SessionUser, p: Period, today: string): Promise<Ranking> {
  checkToday(today);
  const s = scopeOf(user, "ranking.read");
  if (!s || s.provinceId === null) {
    return { period: p, previous: previousPeriod(p), formula: DEFAULT_FORMULA, asOf: today, published: null, rows: [] };
  }
  const pub = await publicationOf(db, s.provinceId, p.key);
  const r = pub
    ? frozenRanking(p, pub)
    : { ...(await liveRanking(db, s.provinceId, p, today)), asOf: today, published: null };
  return { ...r, rows: r.rows.filter((row) => s.agencyIds === "all" || s.agencyIds.includes(row.agencyId)) };
}

/**
 * The ranking of the period asked for; by default of the last quarter that has ended, or the
 * running one when nothing fell due in that one (what /xep-hang and GET /api/v1/results show).
 */
export async function rankingOf(db: Db, user: SessionUser, asked: Period | undefined, today: string): Promise<Ranking> {
  const r = await ranking(db, user, asked ?? defaultPeriod(today), today);
  if (asked || r.rows.length > 0) return r;
  return ranking(db, user, quarterOf(today), today);
}

/** "▲2", "▼1", "=", or "mới" when the agency had no rank in the previous period. */
export function rankChange(r: Pick<RankRow, "rank" | "previousRank">): string {
  if (r.rank === null) return "—";
  if (r.previousRank === null) return "mới";
  const d = r.previousRank - r.rank;
  return d > 0 ? `▲${d}` : d < 0 ? `▼${-d}` : "=";
}

export interface AgencyResults extends Pick<Ranking, "formula" | "asOf" | "published"> {
  agency: { id: number; name: string };
  current: RankRow | null;
  /** The agency's figures and rank in each quarter of the period's year (one query per quarter). */
  history: { period: Period; row: RankRow | null; ranked: number }[];
}

/**
 * One agency's own page: its figures in the period and its rank in each quarter of that year.
 * The agency and its province come from the stored record; the user must reach it with
 * "ranking.read" (agency staff: only their own agencies), else NotFound/Forbidden.
 */
export async function agencyResults(
  db: Db,
  user: SessionUser,
  agencyId: number,
  p: Period,
  today: string,
): Promise<AgencyResults> {
  checkToday(today);
  const agency = await db.agency.findUnique({
    where: { id: agencyId },
    select: { id: true, name: true, provinceId: true },
  });
  if (!agency) throw new NotFoundError();
  authorize(user, "ranking.read", { provinceId: agency.provinceId, agencyId: agency.id });
  const r = await ranking(db, user, p, today);
  const current = r.rows.find((x) => x.agencyId === agency.id) ?? null;
  const history = [];
  for (const q of [1, 2, 3, 4].map((i) => makePeriod("quarter", p.year, i))) {
    const pub = await publicationOf(db, agency.provinceId, q.key);
    const rows = pub ? frozenRanking(q, pub).rows : await ranked(db, agency.provinceId, q, today, r.formula);
    const row = rows.find((x) => x.agencyId === agency.id);
    history.push({
      period: q,
      row: row ? { ...row, previousRank: null } : null,
      ranked: rows.filter((x) => x.rank !== null).length,
    });
  }
  return {
    agency: { id: agency.id, name: agency.name },
    current,
    history,
    formula: r.formula,
    asOf: r.asOf,
    published: r.published,
  };
}
