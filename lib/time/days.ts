// Arithmetic on calendar days written "YYYY-MM-DD"; no time zone can shift them.

const DAY_MS = 86_400_000;

function epochDay(day: string): number {
  return Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / DAY_MS;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round(epochDay(to) - epochDay(from));
}

export function addDays(day: string, n: number): string {
  return new Date((epochDay(day) + n) * DAY_MS).toISOString().slice(0, 10);
}
