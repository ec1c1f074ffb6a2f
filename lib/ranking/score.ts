// The score of an agency over a period (the province configures the weights on /quan-tri/cai-dat;
// these are the defaults, documented on /xep-hang and in the README):
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

const num = (x: number) => x.toLocaleString("vi-VN", { maximumFractionDigits: 2 });

/** The formula in words, with the province's weights, under every ranking and in its exports. */
export function formulaText(f: Formula): string {
  return (
    `Điểm = 100 × (số việc hoàn thành đúng hạn + ${num(f.lateCredit)} × số việc hoàn thành trễ hạn) / số việc được tính, ` +
    `trừ ${num(f.penaltyPerDay)} điểm cho mỗi ngày quá hạn (bình quân trên số việc được tính, trừ tối đa ${num(f.penaltyCap)} điểm). ` +
    "Việc được tính = đúng hạn + trễ hạn + quá hạn, có hạn xử lý (hạn đã được gia hạn nếu có) trong kỳ, thuộc thông báo đã ban hành; " +
    "việc của thông báo đã thu hồi và việc thường xuyên không có hạn không xếp hạng."
  );
}
