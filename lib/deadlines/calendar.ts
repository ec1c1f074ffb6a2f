// The days the deadline and metadata readers (parse.ts, lib/extract/metadata.ts) work with come
// from the app's one calendar-day module, lib/time/calendar.ts; this file only names them as those
// readers import them ("formatVi" is its dd/MM/yyyy).
export {
  addDays,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  formatDay as formatVi,
  isValidYmd,
  vietnamDateTime,
  weekday,
  ymd,
  type IsoDate,
} from "@/lib/time/calendar";
