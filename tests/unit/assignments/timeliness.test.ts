import { describe, expect, it } from "vitest";
import { judge, type Timeliness } from "@/lib/assignments/timeliness";
import { isOverdue, judgeDeadline, type DeadlineStatus } from "@/lib/deadlines";

// One timeliness judge: lib/assignments/timeliness.ts `judge`, which the overview's SQL and its
// running totals (AssignmentTally) count alike; lib/deadlines/judge.ts calls it.

const TODAY = "2021-09-20";

describe("a completed task with no deadline", () => {
  it("is 'no deadline / ongoing', not 'completed on time' (DOMAIN.md, How tracking is judged)", () => {
    expect(judge({ state: "completed", dueOn: null, completedOn: "2021-09-10" }, TODAY)).toBe("no_deadline");
    expect(judge({ state: "completed", dueOn: null, completedOn: null }, TODAY)).toBe("no_deadline");
    expect(judgeDeadline(null, "2021-09-10", TODAY)).toBe("no_deadline");
    expect(isOverdue(null, "2021-09-10", TODAY)).toBe(false);
  });
});

describe("the judge of days alone", () => {
  const same: Record<Timeliness, DeadlineStatus> = {
    completed_on_time: "done_on_time",
    completed_late: "done_late",
    on_track: "in_progress",
    overdue: "overdue",
    no_deadline: "no_deadline",
  };
  const days = [null, "2021-09-14", "2021-09-19", "2021-09-20", "2021-09-21"];
  const cases = days.flatMap((dueOn) => days.map((completedOn) => ({ dueOn, completedOn })));

  it("says what the one judge says for every due day and completion day", () => {
    expect(cases.length).toBe(25);
    for (const { dueOn, completedOn } of cases) {
      const state = completedOn ? "completed" : "in_progress";
      const expected = judge({ state, dueOn, completedOn }, TODAY);
      expect(judgeDeadline(dueOn, completedOn, TODAY), `${dueOn} / ${completedOn}`).toBe(same[expected]);
      expect(isOverdue(dueOn, completedOn, TODAY)).toBe(expected === "overdue" || expected === "completed_late");
    }
  });
});
