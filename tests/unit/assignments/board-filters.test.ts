import { describe, expect, it } from "vitest";
import {
  boardQueryString,
  matchesFilters,
  parseBoardFilters,
  searchTextOf,
  windowEnd,
  type FilterableItem,
} from "@/lib/assignments/board-filters";

const TODAY = "2021-09-15"; // a Wednesday
const item = (over: Partial<FilterableItem> = {}): FilterableItem => ({
  state: "in_progress",
  role: "lead",
  dueOn: "2021-09-17",
  noticeId: 1,
  searchText: searchTextOf(["Sở Y tế", "Xây dựng kế hoạch tiêm chủng vắc xin"]),
  ...over,
});

describe("board filters", () => {
  it("reads the address, dropping what it does not understand", () => {
    expect(
      parseBoardFilters({
        q: " so y te ",
        state: "completed",
        role: "boss",
        due: ["week", "month"],
        notice: "12",
        view: "list",
        sort: "x",
      }),
    ).toEqual({
      q: "so y te",
      state: "completed",
      role: undefined,
      due: "week",
      notice: 12,
      view: "list",
      sort: undefined,
    });
    expect(parseBoardFilters({ notice: "1; drop table" }).notice).toBeUndefined();
  });

  it("writes the address back, so a view can be shared", () => {
    expect(boardQueryString({ q: "y tế", due: "overdue" }, { view: "list" })).toBe(
      "?q=y+t%E1%BA%BF&due=overdue&view=list",
    );
    expect(boardQueryString({})).toBe("");
  });

  it("searches without diacritics: 'so y te' finds 'Sở Y tế', 'vac xin' finds 'vắc xin'", () => {
    expect(matchesFilters(item(), { q: "so y te" }, TODAY)).toBe(true);
    expect(matchesFilters(item(), { q: "VAC XIN tiem" }, TODAY)).toBe(true);
    expect(matchesFilters(item(), { q: "công an" }, TODAY)).toBe(false);
  });

  it("sorts due windows as a person reads them: overdue, this week (to Sunday), this month, no deadline", () => {
    expect(windowEnd("week", TODAY)).toBe("2021-09-19");
    expect(windowEnd("month", TODAY)).toBe("2021-09-30");
    expect(matchesFilters(item({ dueOn: "2021-09-14" }), { due: "overdue" }, TODAY)).toBe(true);
    expect(matchesFilters(item({ dueOn: "2021-09-14", state: "completed" }), { due: "overdue" }, TODAY)).toBe(false);
    expect(matchesFilters(item({ dueOn: "2021-09-19" }), { due: "week" }, TODAY)).toBe(true);
    expect(matchesFilters(item({ dueOn: "2021-09-20" }), { due: "week" }, TODAY)).toBe(false);
    expect(matchesFilters(item({ dueOn: "2021-09-30" }), { due: "month" }, TODAY)).toBe(true);
    expect(matchesFilters(item({ dueOn: null }), { due: "none" }, TODAY)).toBe(true);
    expect(matchesFilters(item(), { due: "none" }, TODAY)).toBe(false);
  });

  it("filters by state, role and notice; the column counts ignore the state filter", () => {
    expect(matchesFilters(item(), { state: "completed" }, TODAY)).toBe(false);
    expect(matchesFilters(item(), { state: "completed" }, TODAY, { ignoreState: true })).toBe(true);
    expect(matchesFilters(item(), { role: "support" }, TODAY)).toBe(false);
    expect(matchesFilters(item(), { notice: 2 }, TODAY)).toBe(false);
  });
});
