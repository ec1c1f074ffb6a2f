import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { TIME_ZONE } from "@/lib/time/zone";

/** A database DATE (midnight UTC) or an ISO day as "YYYY-MM-DD". */
export function toIsoDay(value: Date | string): string {
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" → a Date at midnight UTC, how Prisma writes a DATE column. */
export function fromIsoDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** dd/MM/yyyy, the way Vietnamese documents write a day. */
export function formatDay(value: Date | string | null | undefined): string {
  if (value == null) return "";
  const [y, m, d] = toIsoDay(value).split("-");
  return `${d}/${m}/${y}`;
}

/** dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh. */
export function formatDateTime(value: Date | null | undefined): string {
  if (value == null) return "";
  return format(new TZDate(value.getTime(), TIME_ZONE), "dd/MM/yyyy HH:mm");
}

/** A day with the precision it was written with: "06/9/2021" → "06/09/2021", "tháng 01/2022", "năm 2021". */
export function formatDayWithPrecision(
  value: Date | string | null,
  precision: "day" | "month" | "year" | "unknown",
): string {
  if (value == null || precision === "unknown") return "Chưa ghi ngày";
  const [y, m] = toIsoDay(value).split("-");
  if (precision === "year") return `năm ${y}`;
  if (precision === "month") return `tháng ${m}/${y}`;
  return formatDay(value);
}
