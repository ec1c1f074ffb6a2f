import { describe, expect, it } from "vitest";
import { ongoingPeriodOf } from "@/lib/assignments/ongoing";
import { countBuckets, digestSubject, lineDueText, ongoingReminderDay } from "@/lib/reminders/message";

describe("the province's period of ongoing tasks", () => {
  it("holds today: a Monday-to-Sunday week, a calendar month, a quarter; an unknown setting reads as monthly", () => {
    expect(ongoingPeriodOf("weekly", "2021-07-04")).toEqual({
      recurrence: "weekly",
      period: { start: "2021-06-28", end: "2021-07-04" },
      label: "tuần 28/06/2021 – 04/07/2021",
    });
    expect(ongoingPeriodOf("monthly", "2021-02-10")).toMatchObject({
      period: { start: "2021-02-01", end: "2021-02-28" },
      label: "tháng 02/2021",
    });
    expect(ongoingPeriodOf("quarterly", "2021-09-30")).toMatchObject({
      period: { start: "2021-07-01", end: "2021-09-30" },
      label: "quý III/2021",
    });
    expect(ongoingPeriodOf("daily", "2021-07-07").recurrence).toBe("monthly");
    expect(ongoingPeriodOf(null, "2021-07-07").label).toBe("tháng 07/2021");
  });
});

describe("reminding of ongoing tasks", () => {
  it("goes on the schedule's days before the period's last day, never after it", () => {
    const schedule = { daysBefore: [7, 3, 0], overdueEvery: 7 };
    const days = ["2021-07-23", "2021-07-24", "2021-07-28", "2021-07-30", "2021-07-31", "2021-08-01"];
    expect(days.map((d) => ongoingReminderDay("2021-07-31", d, schedule))).toEqual([
      false,
      true,
      true,
      false,
      true,
      false,
    ]);
  });

  it("says which period's report is asked and until when", () => {
    const line = {
      bucket: "ongoing" as const,
      dueOn: "2021-07-31",
      period: "tháng 07/2021",
      directive: { deadlinePhrase: "thường xuyên" },
    };
    expect(lineDueText(line, "2021-07-31")).toBe(
      "Báo cáo tháng 07/2021 trước hết ngày 31/07/2021 (“thường xuyên”) · Đến hạn hôm nay",
    );
    expect(lineDueText({ ...line, bucket: "due_soon", period: undefined }, "2021-07-28")).toBe(
      "Hạn 31/07/2021 (“thường xuyên”) · Còn 3 ngày",
    );
    const items = [{ bucket: "ongoing" as const }, { bucket: "ongoing" as const }, { bucket: "overdue" as const }];
    expect(countBuckets(items)).toEqual({ overdue: 1, due_today: 0, due_soon: 0, ongoing: 2 });
    expect(digestSubject("Sở Y tế", "2021-07-28", items)).toBe(
      "[Nhắc việc 28/07/2021] Sở Y tế: 1 việc quá hạn, 2 việc thường xuyên chưa báo cáo kỳ này",
    );
  });
});
