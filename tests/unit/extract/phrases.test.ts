// One notice per deadline phrase kind of DOMAIN.md (tests/fixtures/extract/phrase-*.txt), all
// issued 06/9/2021 (a Monday) in a province of our own registry.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractNotice } from "@/lib/extract";
import { BINH_DINH } from "./registry-fixture";

const FIX = join(__dirname, "../../fixtures/extract");
const run = (kind: string) => extractNotice(readFileSync(join(FIX, `phrase-${kind}.txt`), "utf8"), BINH_DINH);

describe.each([
  ["exact", "exact", "2021-09-20", "chậm nhất đến ngày 20/9/2021", "Sở Y tế"],
  ["before", "before", "2021-09-14", "trước ngày 15/9/2021", "Sở Tài chính"],
  ["datetime", "datetime", "2021-09-10", "trước 17 giờ ngày 10/9/2021", "UBND huyện Phù Mỹ"],
  ["until_end", "until_end", "2021-09-21", "đến hết ngày 21/9/2021", "UBND thành phố Quy Nhơn"],
  ["month", "month", "2021-09-30", "trong tháng 9 năm 2021", "Sở Giáo dục và Đào tạo"],
  ["quarter", "quarter", "2021-12-31", "trong quý IV/2021", "Sở Kế hoạch và Đầu tư"],
  ["year", "year", "2021-12-31", "trong năm 2021", "Sở Y tế"],
  ["within_days", "within_days", "2021-09-11", "trong vòng 05 ngày kể từ ngày ký", "Sở Nội vụ"],
  ["working_days", "working_days", "2021-09-09", "trong 03 ngày làm việc", "Công an tỉnh"],
  ["milestone", "milestone", "2021-09-30", "phấn đấu đến ngày 30/9/2021", "UBND thị xã Hoài Nhơn"],
  ["start", "start", null, "Từ ngày 08/9/2021", "UBND thị xã An Nhơn"],
  ["ongoing", "ongoing", null, "thường xuyên", "Sở Thông tin và Truyền thông"],
  ["recurring", "recurring", "2021-09-13", "định kỳ hằng tuần", "Sở Y tế"],
  ["event", "event", "2022-02-06", "trong dịp Tết Nguyên đán", "Công an tỉnh"],
])("phrase kind %s", (file, kind, dueOn, phrase, agency) => {
  const { draft, warnings } = run(file);
  const d = draft.directives[0]!;

  it("yields one directive with its lead agency", () => {
    expect(draft.directives).toHaveLength(1);
    expect(d.ref).toBe("1");
    expect(d.assignments.filter((a) => a.role === "lead").map((a) => a.agency)).toContain(agency);
  });

  it(`has deadline ${kind} ${dueOn ?? "(no date)"} with the notice's own words`, () => {
    expect(d.deadline?.kind).toBe(kind);
    expect(d.deadline?.dueOn ?? null).toBe(dueOn);
    expect(d.deadline?.phrase).toContain(phrase);
  });

  it("warns about nothing but new agencies", () => {
    expect(warnings.filter((w) => !w.message.includes("chưa có trong danh mục"))).toEqual([]);
  });
});

describe("details of some kinds", () => {
  it("keeps the hour as a Vietnam date-time", () => {
    expect(run("datetime").draft.directives[0]!.deadline?.dueAt).toBe("2021-09-10T17:00:00+07:00");
  });
  it("keeps the milestone's target", () => {
    expect(run("milestone").draft.directives[0]!.deadline?.target).toBe("70% dân số từ 18 tuổi trở lên");
  });
  it("gives a start date and no due date", () => {
    expect(run("start").draft.directives[0]!.deadline).toMatchObject({ startOn: "2021-09-08", dueOn: null });
  });
  it("makes a recurring report weekly", () => {
    expect(run("recurring").draft.directives[0]!.deadline?.recurrence).toBe("weekly");
  });
  it("gives the Tết period for an event", () => {
    expect(run("event").draft.directives[0]!.deadline?.startOn).toBe("2022-01-29");
  });
  it("gives no deadline when the notice says nothing about time", () => {
    const d = run("none").draft.directives[0]!;
    expect(d.deadline).toBeNull();
    expect(d.assignments.map((a) => a.agency)).toEqual(["Sở Công Thương"]);
  });
  it("expands a group into its members, keeping the notice's name of the group", () => {
    // "UBND các huyện, thành phố" stays that, not the registry's "…, thị xã, …" (issue 13).
    const d = run("datetime").draft.directives[0]!;
    expect(d.assignments).toHaveLength(5);
    expect(d.assignments.every((a) => a.viaGroup === "UBND các huyện, thành phố" && !a.isNew)).toBe(true);
  });
});
