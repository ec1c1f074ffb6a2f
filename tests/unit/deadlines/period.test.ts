import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { dueInForce, judge } from "@/lib/assignments/timeliness";
import { periodDeadline } from "@/lib/deadlines/period";
import { DueBadge } from "@/components/board/due-badge";

// A recurring directive is judged per period (issue 12): the report of the period holding today is
// due, done or late; never "quá hạn 95 ngày" for a weekly report.

describe("periodDeadline", () => {
  it("keeps the weekday of a weekly report's first due day", () => {
    // First report due Friday 04/6/2021.
    expect(periodDeadline("weekly", "2021-06-04", "2021-06-02")).toEqual({
      period: { start: "2021-05-31", end: "2021-06-06" },
      dueOn: "2021-06-04",
    });
    expect(periodDeadline("weekly", "2021-06-04", "2021-09-06").dueOn).toBe("2021-09-10");
    expect(periodDeadline("weekly", "2021-06-04", "2021-09-12").dueOn).toBe("2021-09-10");
    expect(periodDeadline("weekly", "2021-06-04", "2021-09-13").dueOn).toBe("2021-09-17");
  });

  it("keeps a month's end at each month's end, and a day of the month within shorter months", () => {
    expect(periodDeadline("monthly", "2021-06-30", "2021-07-03").dueOn).toBe("2021-07-31");
    expect(periodDeadline("monthly", "2021-06-30", "2022-02-10").dueOn).toBe("2022-02-28");
    expect(periodDeadline("monthly", "2021-06-05", "2021-09-20").dueOn).toBe("2021-09-05");
    expect(periodDeadline("monthly", "2021-05-30", "2021-06-15").dueOn).toBe("2021-06-30"); // 30/5 is not May's end
    expect(periodDeadline("monthly", "2021-05-30", "2022-02-15").dueOn).toBe("2022-02-28");
    expect(periodDeadline("quarterly", "2021-06-30", "2021-08-01").dueOn).toBe("2021-09-30");
    expect(periodDeadline("yearly", "2021-12-31", "2023-03-01").dueOn).toBe("2023-12-31");
    expect(periodDeadline("daily", "2021-06-01", "2021-06-20").dueOn).toBe("2021-06-20");
  });
});

describe("the one judge, per period", () => {
  const weekly = {
    state: "in_progress" as const,
    dueOn: "2021-06-04",
    completedOn: null,
    recurrence: "weekly" as const,
  };

  it("is due, done or late for the current period only", () => {
    expect(judge(weekly, "2021-06-04")).toBe("on_track");
    expect(judge(weekly, "2021-06-05")).toBe("overdue");
    expect(judge(weekly, "2021-09-06")).toBe("on_track"); // due Friday 10/9
    expect(dueInForce(weekly, "2021-09-06")).toBe("2021-09-10");
    expect(judge(weekly, "2021-09-11")).toBe("overdue");
    expect(judge({ ...weekly, periodReported: true }, "2021-09-11")).toBe("on_track");
    // A one-off task with the same date is 94 days late.
    expect(judge({ ...weekly, recurrence: null }, "2021-09-06")).toBe("overdue");
    expect(dueInForce({ ...weekly, state: "completed" }, "2021-09-06")).toBe("2021-06-04");
  });

  it("is what the board's badge says", () => {
    const html = (today: string, extra: object = {}) =>
      renderToStaticMarkup(
        createElement(DueBadge, { assignment: { ...weekly, recurrence: null, ...extra }, today, recurrence: "weekly" }),
      );
    expect(html("2021-09-06")).toContain("Báo cáo kỳ này hạn 10/09/2021 · còn 4 ngày");
    expect(html("2021-09-06")).not.toContain("Quá hạn");
    expect(html("2021-09-11")).toContain("Báo cáo kỳ này quá hạn 1 ngày · hạn 10/09/2021");
    expect(html("2021-09-11", { periodReported: true })).toContain("Đã báo cáo kỳ này");
    const oneOff = createElement(DueBadge, { assignment: { ...weekly, recurrence: null }, today: "2021-09-06" });
    expect(renderToStaticMarkup(oneOff)).toContain("Quá hạn 94 ngày");
  });
});
