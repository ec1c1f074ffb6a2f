// The deadline domain: days off, working days, holiday periods, reading dates and deadline
// phrases, judging a due day. Calendar days themselves: lib/time/calendar.ts.
export {
  holidaysOf,
  isPublicHoliday,
  isWorkingDay,
  LUNAR_DATES,
  FIRST_HOLIDAY_YEAR,
  LAST_HOLIDAY_YEAR,
} from "./holidays";
export type { HolidayYear } from "./holidays";
export { addWorkingDays, workingDaysBetween } from "./working-days";
export { holidayPeriod, nextHolidayPeriod, eventOf } from "./events";
export type { HolidayEvent } from "./events";
export { readDate, findDates } from "./dates";
export { findDeadlines, parseDeadline, describeDeadline } from "./parse";
export type { DeadlineContext, DeadlineMatch } from "./parse";
export { isOverdue, daysOverdue, daysLeft, judgeDeadline } from "./judge";
export type { DeadlineStatus } from "./judge";
export { foldVi } from "./fold";
