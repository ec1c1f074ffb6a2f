import { describe, expect, it } from "vitest";
import { judge, daysLeft, daysOverdue } from "@/lib/assignments/timeliness";
import { formatDay, formatDateTime, formatDayWithPrecision, parseTypedDay } from "@/lib/time/calendar";

describe("days as Vietnamese documents write them", () => {
  it("shows dd/MM/yyyy, and instants in Asia/Ho_Chi_Minh", () => {
    expect(formatDay("2021-09-06")).toBe("06/09/2021");
    expect(formatDay(new Date("2021-09-06T00:00:00Z"))).toBe("06/09/2021");
    // 17:30 UTC is 00:30 the next day in Vietnam.
    expect(formatDateTime(new Date("2021-09-14T17:30:00Z"))).toBe("15/09/2021 00:30");
    expect(formatDayWithPrecision("2022-01-01", "month")).toBe("tháng 01/2022");
    expect(formatDayWithPrecision(null, "unknown")).toBe("Chưa ghi ngày");
  });

  it("reads what a person types, refusing days that do not exist", () => {
    expect(parseTypedDay("25/6/2021")).toBe("2021-06-25");
    expect(parseTypedDay("05.09.2021")).toBe("2021-09-05");
    expect(parseTypedDay("30/02/2021")).toBeNull();
    expect(parseTypedDay("2021-06-25")).toBeNull();
    expect(parseTypedDay("")).toBeNull();
  });
});

describe("timeliness, as the government's reports sort tasks", () => {
  const due = "2021-09-15";
  it("counts a task due today as not yet overdue, and the next day as one day overdue", () => {
    expect(judge({ state: "in_progress", dueOn: due, completedOn: null }, "2021-09-15")).toBe("on_track");
    expect(judge({ state: "not_started", dueOn: due, completedOn: null }, "2021-09-16")).toBe("overdue");
    expect(daysOverdue(due, "2021-09-16")).toBe(1);
    expect(daysLeft(due, "2021-09-13")).toBe(2);
  });

  it("tells completion on time from late completion, and tasks with no deadline", () => {
    expect(judge({ state: "completed", dueOn: due, completedOn: "2021-09-15" }, "2021-10-01")).toBe(
      "completed_on_time",
    );
    expect(judge({ state: "completed", dueOn: due, completedOn: "2021-09-16" }, "2021-10-01")).toBe("completed_late");
    expect(judge({ state: "submitted", dueOn: null, completedOn: null }, "2021-10-01")).toBe("no_deadline");
  });
});
