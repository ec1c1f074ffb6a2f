import { env } from "@/lib/env";
import { fromIsoDay, vietnamDay, vietnamTimeOfDayMs, VIETNAM_UTC_OFFSET_MS } from "@/lib/time/calendar";

// The present, as the app sees it: the real clock, or a day fixed by APP_TODAY for tests and
// demos. Calendar days travel as "YYYY-MM-DD" strings (lib/time/calendar.ts).

/** Today in Asia/Ho_Chi_Minh, or the day fixed by APP_TODAY for tests and demos. */
export function today(): string {
  return env().APP_TODAY ?? vietnamDay(new Date());
}

/** The instant "now"; on a fixed day, that day at the current time of day in Vietnam. */
export function now(): Date {
  const fixed = env().APP_TODAY;
  if (!fixed) return new Date();
  return new Date(fromIsoDay(fixed).getTime() + vietnamTimeOfDayMs(new Date()) - VIETNAM_UTC_OFFSET_MS);
}
