// The score of an agency over a period (the province may later configure the weights; these are
// the defaults, documented on /xep-hang and in the README):
//   score = 100 × (on time + 0.5 × late) / counted − penalty
//   counted = completed on time + completed late + overdue (in-progress tasks not yet due are not judged)
//   penalty = 0.1 point per day overdue, averaged over the counted tasks, capped at 20 points
// Clamped to 0…100; no score (null) when nothing can be judged.

export interface Formula {
  lateCredit: number;
  penaltyPerDay: number;
  penaltyCap: number;
}

export const DEFAULT_FORMULA: Formula = { lateCredit: 0.5, penaltyPerDay: 0.1, penaltyCap: 20 };

export interface PeriodCounts {
  assigned: number;
  completedOnTime: number;
  completedLate: number;
  onTrack: number;
  overdue: number;
  /** Sum over the overdue tasks of their days overdue (at the period's end or today, the earlier). */
  overdueDays: number;
}

export function score(c: PeriodCounts, f: Formula = DEFAULT_FORMULA): number | null {
  const counted = c.completedOnTime + c.completedLate + c.overdue;
  if (counted === 0) return null;
  const base = (100 * (c.completedOnTime + f.lateCredit * c.completedLate)) / counted;
  const penalty = Math.min(f.penaltyCap, (f.penaltyPerDay * c.overdueDays) / counted);
  return Math.round(Math.max(0, Math.min(100, base - penalty)) * 10) / 10;
}
