import { AsyncLocalStorage } from "node:async_hooks";
import { env } from "@/lib/env";
import { fromIsoDay, vietnamDay, vietnamTimeOfDayMs, VIETNAM_UTC_OFFSET_MS } from "@/lib/time/calendar";

// The present, as the app sees it: the real clock, or a day fixed by APP_TODAY for tests and
// demos. Calendar days travel as "YYYY-MM-DD" strings (lib/time/calendar.ts).
//
// The demo seed plays a province's history through the workflow services on a moving clock: it
// runs each step inside `onClock`, and everything that asks today()/now() in that step (and the
// createdAt stamps of lib/db/stamps.ts) reads that clock instead.

export interface ScopedClock {
  today(): string;
  now(): Date;
}

const scoped = new AsyncLocalStorage<ScopedClock>();

/** Runs `fn` with today()/now() (and new rows' createdAt) on `clock`. */
export function onClock<T>(clock: ScopedClock, fn: () => T): T {
  return scoped.run(clock, fn);
}

/** Today in Asia/Ho_Chi_Minh, or the day fixed by APP_TODAY for tests and demos. */
export function today(): string {
  const clock = scoped.getStore();
  if (clock) return clock.today();
  return env().APP_TODAY ?? vietnamDay(new Date());
}

/** The instant "now"; on a fixed day, that day at the current time of day in Vietnam. */
export function now(): Date {
  const clock = scoped.getStore();
  if (clock) return clock.now();
  const fixed = env().APP_TODAY;
  if (!fixed) return new Date();
  return new Date(fromIsoDay(fixed).getTime() + vietnamTimeOfDayMs(new Date()) - VIETNAM_UTC_OFFSET_MS);
}

/**
 * The demo's "today" when the app serves the demo data (DEMO_TODAY, set by `npm start` from the
 * seeded history); null in a real deployment.
 */
export function demoToday(): string | null {
  return env().DEMO_TODAY ?? null;
}

/**
 * The instant to stamp as createdAt on new rows: the demo clock's now while the demo seed plays
 * its history or the app serves the demo, so that audit rows and notifications are dated on the
 * same clock as the tasks; undefined (the database's own time) in a real deployment and in tests.
 */
export function stampNow(): Date | undefined {
  if (scoped.getStore() || demoToday()) return now();
  return undefined;
}
