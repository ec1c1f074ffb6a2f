import { describe, expect, it } from "vitest";
import {
  currentPeriod,
  missingPeriodicReport,
  periodLabel,
  type PeriodicStatusInput,
} from "@/lib/assignments/recurrence";

describe("currentPeriod", () => {
  it("runs a week from Monday to Sunday, whatever day it is", () => {
    expect(currentPeriod("weekly", "2021-07-05")).toEqual({ start: "2021-07-05", end: "2021-07-11" }); // Monday
    expect(currentPeriod("weekly", "2021-07-08")).toEqual({ start: "2021-07-05", end: "2021-07-11" }); // Thursday
    expect(currentPeriod("weekly", "2021-07-11")).toEqual({ start: "2021-07-05", end: "2021-07-11" }); // Sunday
    // Across a year end.
    expect(currentPeriod("weekly", "2022-01-01")).toEqual({ start: "2021-12-27", end: "2022-01-02" });
  });

  it("knows month lengths, leap years included", () => {
    expect(currentPeriod("monthly", "2021-02-14")).toEqual({ start: "2021-02-01", end: "2021-02-28" });
    expect(currentPeriod("monthly", "2024-02-29")).toEqual({ start: "2024-02-01", end: "2024-02-29" });
    expect(currentPeriod("monthly", "2021-09-30")).toEqual({ start: "2021-09-01", end: "2021-09-30" });
  });

  it("cuts quarters at January, April, July and October", () => {
    expect(currentPeriod("quarterly", "2021-09-06")).toEqual({ start: "2021-07-01", end: "2021-09-30" });
    expect(currentPeriod("quarterly", "2021-10-01")).toEqual({ start: "2021-10-01", end: "2021-12-31" });
    expect(currentPeriod("quarterly", "2021-03-31")).toEqual({ start: "2021-01-01", end: "2021-03-31" });
  });

  it("has daily and yearly periods", () => {
    expect(currentPeriod("daily", "2021-09-06")).toEqual({ start: "2021-09-06", end: "2021-09-06" });
    expect(currentPeriod("yearly", "2021-09-06")).toEqual({ start: "2021-01-01", end: "2021-12-31" });
  });

  it("refuses a day that does not exist", () => {
    expect(() => currentPeriod("weekly", "2021-02-30")).toThrow(RangeError);
  });
});

describe("periodLabel", () => {
  it("reads as Vietnamese reports name periods", () => {
    expect(periodLabel("weekly", currentPeriod("weekly", "2021-07-08"))).toBe("tuần 05/07/2021 – 11/07/2021");
    expect(periodLabel("monthly", currentPeriod("monthly", "2021-07-08"))).toBe("tháng 07/2021");
    expect(periodLabel("quarterly", currentPeriod("quarterly", "2021-07-08"))).toBe("quý III/2021");
    expect(periodLabel("yearly", currentPeriod("yearly", "2021-07-08"))).toBe("năm 2021");
    expect(periodLabel("daily", currentPeriod("daily", "2021-07-08"))).toBe("ngày 08/07/2021");
  });
});

describe("missingPeriodicReport", () => {
  const weekly: PeriodicStatusInput = {
    recurrence: "weekly",
    state: "in_progress",
    startOn: null,
    dueOn: null,
    reportedPeriodStarts: [],
  };

  it("says so when this week has no report, even if last week had one", () => {
    expect(missingPeriodicReport(weekly, "2021-07-08")).toBe(true);
    expect(missingPeriodicReport({ ...weekly, reportedPeriodStarts: ["2021-06-28"] }, "2021-07-08")).toBe(true);
  });

  it("is satisfied by a report filed under this week's Monday", () => {
    expect(missingPeriodicReport({ ...weekly, reportedPeriodStarts: ["2021-06-28", "2021-07-05"] }, "2021-07-11")).toBe(
      false,
    );
    // …until the next Monday.
    expect(missingPeriodicReport({ ...weekly, reportedPeriodStarts: ["2021-07-05"] }, "2021-07-12")).toBe(true);
  });

  it("asks nothing of a one-off task, a completed task, one not started yet or one whose reporting ended", () => {
    expect(missingPeriodicReport({ ...weekly, recurrence: null }, "2021-07-08")).toBe(false);
    expect(missingPeriodicReport({ ...weekly, state: "completed" }, "2021-07-08")).toBe(false);
    expect(missingPeriodicReport({ ...weekly, startOn: "2021-07-12" }, "2021-07-08")).toBe(false);
    expect(missingPeriodicReport({ ...weekly, startOn: "2021-07-10" }, "2021-07-08")).toBe(true);
    expect(missingPeriodicReport({ ...weekly, dueOn: "2021-07-04" }, "2021-07-08")).toBe(false);
  });

  it("counts a not-yet-started monthly task as missing its report", () => {
    expect(missingPeriodicReport({ ...weekly, recurrence: "monthly", state: "not_started" }, "2021-07-31")).toBe(true);
  });
});
