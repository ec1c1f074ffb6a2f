import type { AgencyRow, TaskCounts } from "@/lib/reports/types";

// Arithmetic on the government's categories counted over a set of tasks: the province's totals
// (the sum of the agency rows), the on-time rate, and how that rate is written.

export function totals(agencies: AgencyRow[]): TaskCounts {
  const t: TaskCounts = { assigned: 0, completedOnTime: 0, completedLate: 0, onTrack: 0, overdue: 0, noDeadline: 0 };
  for (const a of agencies) {
    t.assigned += a.assigned;
    t.completedOnTime += a.completedOnTime;
    t.completedLate += a.completedLate;
    t.onTrack += a.onTrack;
    t.overdue += a.overdue;
    t.noDeadline += a.noDeadline;
  }
  return t;
}

/** Completed on time / (completed with a deadline + overdue); null when nothing can be judged yet. */
export function onTimeRate(c: Pick<TaskCounts, "completedOnTime" | "completedLate" | "overdue">): number | null {
  const judged = c.completedOnTime + c.completedLate + c.overdue;
  return judged === 0 ? null : c.completedOnTime / judged;
}

/** Percent as Vietnamese write it: "85,7%"; "—" when there is nothing to judge. */
export function formatRate(rate: number | null): string {
  if (rate === null) return "—";
  return `${(Math.round(rate * 1000) / 10).toLocaleString("vi-VN")}%`;
}
