import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  formatDateTime,
  isRealDay,
  mondayOf,
  vietnamDateTime,
  vietnamDay,
  VIETNAM_UTC_OFFSET_MS,
} from "@/lib/time/calendar";

// The one calendar-day module: the Vietnam offset it names, and what the copies it replaced did.

describe("the calendar-day module", () => {
  it("names Vietnam's offset once, and uses it both ways", () => {
    expect(VIETNAM_UTC_OFFSET_MS).toBe(7 * 60 * 60 * 1000);
    const instant = new Date(vietnamDateTime("2021-09-15", 17));
    expect(instant.toISOString()).toBe("2021-09-15T10:00:00.000Z");
    expect(vietnamDay(instant)).toBe("2021-09-15");
    expect(vietnamDay(new Date("2021-09-15T16:59:59Z"))).toBe("2021-09-15");
    expect(vietnamDay(new Date("2021-09-15T17:00:00Z"))).toBe("2021-09-16");
    expect(formatDateTime(new Date("2021-12-31T17:05:00Z"))).toBe("01/01/2022 00:05");
  });

  it("counts days across years, including deadlines stored far ahead", () => {
    expect(daysBetween("2021-12-31", "2022-01-01")).toBe(1);
    expect(daysBetween("2021-09-16", "2021-09-15")).toBe(-1);
    expect(addDays("2999-12-31", 1)).toBe("3000-01-01");
    expect(() => addDays("2021-02-30", 1)).toThrow(RangeError);
  });

  it("finds the Monday of a week, and refuses days that do not exist", () => {
    expect(mondayOf("2021-09-12")).toBe("2021-09-06"); // Sunday
    expect(mondayOf("2021-09-13")).toBe("2021-09-13"); // Monday
    expect(isRealDay("2024-02-29")).toBe(true);
    expect(isRealDay("2021-02-29")).toBe(false);
    expect(isRealDay("2021-13-01")).toBe(false);
    expect(isRealDay("15/09/2021")).toBe(false);
  });
});
