// The deadline phrases issue 13 found missed, each with the day a secretary would write down.
// 06/9/2021 is a Monday.
import { describe, expect, it } from "vitest";
import { parseDeadline } from "@/lib/deadlines";

const ctx = { issuedOn: "2021-09-06", year: 2021 };
const parse = (s: string, cell = false) => parseDeadline(s, ctx, { cell })?.deadline ?? null;

describe("'trước D' without the word 'ngày'", () => {
  it.each([
    // "trước D" is read as DOMAIN's "trước ngày D": the last day before D.
    ["hoàn thành trước 15/9/2021", "before", "2021-09-14"],
    ["gửi Sở Y tế trước 30/9", "before", "2021-09-29"],
    ["Trước 01/10/2021", "before", "2021-09-30"],
    // DOMAIN's own exception: "xong trước D" is D.
    ["hoàn thành xong trước 15/9/2021", "exact", "2021-09-15"],
  ])("%s → %s %s", (phrase, kind, dueOn) => {
    expect(parse(phrase)).toMatchObject({ kind, dueOn });
  });

  it("keeps the hour when one is given", () => {
    expect(parse("trước 17 giờ 15/9/2021")).toMatchObject({ kind: "datetime", dueAt: "2021-09-15T17:00:00+07:00" });
  });
});

describe("recurring reports with their rule", () => {
  it("is due on the first Friday after issue for 'hằng tuần vào thứ Sáu'", () => {
    expect(parse("tổng hợp, báo cáo UBND tỉnh hằng tuần vào thứ Sáu")).toMatchObject({
      kind: "recurring",
      recurrence: "weekly",
      dueOn: "2021-09-10",
      phrase: "hằng tuần vào thứ Sáu",
    });
    expect(parse("báo cáo vào thứ Năm hằng tuần")).toMatchObject({ recurrence: "weekly", dueOn: "2021-09-09" });
    // Issued on a Monday, "thứ Hai" means the next Monday, not the same day.
    expect(parse("báo cáo hằng tuần vào thứ Hai")?.dueOn).toBe("2021-09-13");
  });

  it("keeps the hour of 'báo cáo hằng ngày trước 16 giờ'", () => {
    expect(parse("báo cáo hằng ngày trước 16 giờ về Sở Y tế")).toMatchObject({
      kind: "recurring",
      recurrence: "daily",
      dueOn: "2021-09-06",
      dueAt: "2021-09-06T16:00:00+07:00",
      phrase: "hằng ngày trước 16 giờ",
    });
  });

  it("reads a table's deadline cell without the word 'báo cáo'", () => {
    expect(parse("Định kỳ hằng tuần vào thứ Sáu", true)).toMatchObject({ recurrence: "weekly", dueOn: "2021-09-10" });
    expect(parse("Định kỳ hằng tuần vào thứ Sáu")).toBeNull();
  });
});

describe("quarters, months and bare dates", () => {
  it("reads 'Quý III/2021' without 'trong'", () => {
    expect(parse("hoàn thành Quý III/2021")).toMatchObject({ kind: "quarter", dueOn: "2021-09-30" });
    expect(parse("Quý IV năm 2021", true)).toMatchObject({ kind: "quarter", dueOn: "2021-12-31" });
    // Without a year a bare "quý III" is a topic, not a deadline.
    expect(parse("kết quả quý III")).toBeNull();
  });

  it("reads what a deadline cell holds alone", () => {
    expect(parse("30/9/2021", true)).toMatchObject({ kind: "exact", dueOn: "2021-09-30" });
    expect(parse("Tháng 10/2021", true)).toMatchObject({ kind: "month", dueOn: "2021-10-31" });
    expect(parse("Năm 2022", true)).toMatchObject({ kind: "year", dueOn: "2022-12-31" });
    expect(parse("Thường xuyên", true)).toMatchObject({ kind: "ongoing", dueOn: null });
    // The same words in prose are not a deadline.
    expect(parse("Thường xuyên")).toBeNull();
  });
});
