import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  daysLeft,
  daysOverdue,
  holidayPeriod,
  holidaysOf,
  isOverdue,
  isWorkingDay,
  judgeDeadline,
  workingDaysBetween,
} from "@/lib/deadlines";
import {
  addDays,
  daysBetween as diffDays,
  endOfMonth,
  endOfQuarter,
  formatDay as formatVi,
  isValidYmd,
  vietnamDay as todayInVietnam,
  weekday,
} from "@/lib/time/calendar";

describe("calendar dates as strings", () => {
  it("adds days across months, years and leap days", () => {
    expect(addDays("2021-09-30", 1)).toBe("2021-10-01");
    expect(addDays("2021-12-31", 1)).toBe("2022-01-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2021-03-01", -1)).toBe("2021-02-28");
    expect(diffDays("2021-09-06", "2021-09-15")).toBe(9);
  });
  it("knows weekdays and month ends", () => {
    expect(weekday("2021-09-06")).toBe(1); // Monday
    expect(weekday("2022-02-01")).toBe(2); // Mùng 1 Tết Nhâm Dần, Tuesday
    expect(endOfMonth(2022, 2)).toBe("2022-02-28");
    expect(endOfMonth(2024, 2)).toBe("2024-02-29");
    expect(endOfQuarter(2021, 3)).toBe("2021-09-30");
    expect(isValidYmd(2021, 2, 29)).toBe(false);
    expect(formatVi("2021-09-05")).toBe("05/09/2021");
  });
  it("takes today in Vietnam, not in UTC", () => {
    // 17:30 UTC on 14/9 is 00:30 on 15/9 in Hà Nội.
    expect(todayInVietnam(new Date("2021-09-14T17:30:00Z"))).toBe("2021-09-15");
    expect(todayInVietnam(new Date("2021-09-14T16:59:00Z"))).toBe("2021-09-14");
  });
});

describe("Vietnamese days off", () => {
  it("has the announced Tết and National Day of 2021 and 2022", () => {
    expect(holidaysOf(2021).daysOff).toEqual(
      expect.arrayContaining(["2021-02-10", "2021-02-16", "2021-09-02", "2021-09-03", "2021-05-03"]),
    );
    expect(holidaysOf(2022).daysOff).toEqual(
      expect.arrayContaining([
        "2022-01-31",
        "2022-02-04",
        "2022-04-11",
        "2022-05-02",
        "2022-05-03",
        "2022-09-01",
        "2022-09-02",
      ]),
    );
    expect(isWorkingDay("2022-02-03")).toBe(false);
    expect(isWorkingDay("2022-02-07")).toBe(true);
  });
  it("counts a swapped Saturday as worked", () => {
    expect(isWorkingDay("2024-05-04")).toBe(true);
    expect(isWorkingDay("2024-04-29")).toBe(false);
  });
  it("derives later years from the rules, weekend holidays moved to the next weekday", () => {
    const y2026 = holidaysOf(2026);
    expect(y2026.source).toBe("derived");
    expect(y2026.daysOff).toEqual(expect.arrayContaining(["2026-02-16", "2026-02-20", "2026-04-27"])); // Giỗ Tổ on Sunday 26/4
    for (let y = 2020; y <= 2030; y++) expect(holidaysOf(y).daysOff.length).toBeGreaterThanOrEqual(10);
  });
  it("gives the period of a holiday, weekends included", () => {
    expect(holidayPeriod("national_day", 2021)).toEqual({ start: "2021-09-02", end: "2021-09-05" });
    expect(holidayPeriod("tet", 2022)).toEqual({ start: "2022-01-29", end: "2022-02-06" });
  });
});

describe("working days", () => {
  it("skips weekends and public holidays", () => {
    expect(addWorkingDays("2021-09-06", 3)).toBe("2021-09-09");
    expect(addWorkingDays("2021-09-10", 1)).toBe("2021-09-13"); // Friday → Monday
    expect(addWorkingDays("2021-08-31", 3)).toBe("2021-09-07"); // 2–3/9 off, then weekend
    expect(addWorkingDays("2022-01-28", 1)).toBe("2022-02-07"); // across Tết Nhâm Dần
    expect(workingDaysBetween("2022-01-28", "2022-02-07")).toBe(1);
  });
});

describe("judging a deadline", () => {
  it("is overdue only once the due day has ended", () => {
    expect(isOverdue("2021-09-14", null, "2021-09-14")).toBe(false);
    expect(isOverdue("2021-09-14", null, "2021-09-15")).toBe(true);
    expect(isOverdue("2021-09-14", "2021-09-14", "2021-10-01")).toBe(false);
    expect(isOverdue("2021-09-14", "2021-09-16", "2021-10-01")).toBe(true);
    expect(isOverdue(null, null, "2030-01-01")).toBe(false);
  });
  it("counts days overdue and days left", () => {
    expect(daysOverdue("2021-09-14", "2021-09-17")).toBe(3);
    expect(daysOverdue("2021-09-14", "2021-09-10")).toBe(0);
    expect(daysLeft("2021-09-14", "2021-09-10")).toBe(4);
    expect(daysLeft("2021-09-14", "2021-09-14")).toBe(0);
  });
  it("sorts into the government's five categories", () => {
    expect(judgeDeadline("2021-09-14", "2021-09-14", "2021-09-20")).toBe("done_on_time");
    expect(judgeDeadline("2021-09-14", "2021-09-15", "2021-09-20")).toBe("done_late");
    expect(judgeDeadline("2021-09-14", null, "2021-09-13")).toBe("in_progress");
    expect(judgeDeadline("2021-09-14", null, "2021-09-15")).toBe("overdue");
    expect(judgeDeadline(null, null, "2021-09-15")).toBe("no_deadline");
  });
});
