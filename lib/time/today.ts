import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { env } from "@/lib/env";
import { TIME_ZONE } from "@/lib/time/zone";

// Calendar days travel through the app as "YYYY-MM-DD" strings: a deadline is a day in
// Asia/Ho_Chi_Minh, not an instant, and strings cannot drift across time zones.

/** Today in Asia/Ho_Chi_Minh, or the day fixed by APP_TODAY for tests and demos. */
export function today(): string {
  return env().APP_TODAY ?? format(new TZDate(Date.now(), TIME_ZONE), "yyyy-MM-dd");
}

/** The instant "now"; on a fixed day, that day at the current time of day in Vietnam. */
export function now(): Date {
  const fixed = env().APP_TODAY;
  if (!fixed) return new Date();
  const clock = format(new TZDate(Date.now(), TIME_ZONE), "HH:mm:ss.SSS");
  return new Date(`${fixed}T${clock}+07:00`);
}
