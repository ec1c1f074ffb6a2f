import { describe, expect, it } from "vitest";
import { parseDeadline } from "@/lib/deadlines";

const ctx = { issuedOn: "2021-09-06", year: 2021 };
const parse = (s: string, c: Parameters<typeof parseDeadline>[1] = ctx) => parseDeadline(s, c)?.deadline ?? null;

describe("deadline phrases (DOMAIN.md table)", () => {
  it.each([
    ["báo cáo chậm nhất ngày 20/9/2021", "exact", "2021-09-20"],
    ["hoàn thành chậm nhất đến ngày 20/9/2021", "exact", "2021-09-20"],
    ["thực hiện đến ngày 2/9", "exact", "2021-09-02"],
    ["xong trong ngày 08/9/2021", "exact", "2021-09-08"],
    ["trình UBND tỉnh trước ngày 15/9/2021", "before", "2021-09-14"],
    ["trước ngày 01/10/2021", "before", "2021-09-30"],
    ["giãn cách đến hết ngày 15/9/2021", "until_end", "2021-09-15"],
    ["hoàn thành trong tháng 01/2022", "month", "2022-01-31"],
    ["trong tháng 9 năm 2021", "month", "2021-09-30"],
    ["trong tháng 2/2024", "month", "2024-02-29"],
    ["trong quý III/2021", "quarter", "2021-09-30"],
    ["trong năm 2022", "year", "2022-12-31"],
    ["trong vòng 05 ngày kể từ ngày ký", "within_days", "2021-09-11"],
    ["trong 03 ngày làm việc", "working_days", "2021-09-09"],
    ["ngày 06 tháng 10 năm 2021 trước ngày 06 tháng 10 năm 2021", "before", "2021-10-05"],
  ])("%s → %s %s", (phrase, kind, dueOn) => {
    const d = parse(phrase);
    expect(d?.kind).toBe(kind);
    expect(d?.dueOn).toBe(dueOn);
    expect(phrase).toContain(d!.phrase);
  });

  it("keeps the hour of 'trước 17 giờ ngày D' in Vietnam time", () => {
    const d = parse("gửi báo cáo trước 17 giờ ngày 15/9/2021");
    expect(d).toMatchObject({ kind: "datetime", dueOn: "2021-09-15", dueAt: "2021-09-15T17:00:00+07:00" });
    expect(parse("trước 9h30 ngày 15/9/2021")?.dueAt).toBe("2021-09-15T09:30:00+07:00");
  });

  it("reads a milestone with its target", () => {
    const d = parse("phấn đấu đến ngày 15/6/2021 đạt 50% kế hoạch đề ra. Trong đó …");
    expect(d).toMatchObject({ kind: "milestone", dueOn: "2021-06-15", target: "50% kế hoạch đề ra" });
  });

  it("treats 'từ ngày D' as a start, not a deadline", () => {
    expect(parse("Từ ngày 16/11/2021, khôi phục hoạt động")).toMatchObject({
      kind: "start",
      startOn: "2021-11-16",
      dueOn: null,
    });
    expect(parse("từ ngày 27/5 – 29/5/2021")).toMatchObject({ startOn: "2021-05-27", dueOn: "2021-05-29" });
    expect(parse("khẩn trương thực hiện từ ngày 08/9/2021, hoàn thành trước ngày 20/9/2021")).toMatchObject({
      kind: "before",
      dueOn: "2021-09-19",
      startOn: "2021-09-08",
    });
  });

  it("gives ongoing work no date, and does not mistake an adjective for a pace", () => {
    expect(parse("khẩn trương chỉ đạo")).toMatchObject({ kind: "ongoing", dueOn: null, phrase: "khẩn trương" });
    expect(parse("thường xuyên kiểm tra, giám sát")).toMatchObject({ kind: "ongoing" });
    expect(parse("sử dụng lâu dài cho khám, chữa bệnh thường xuyên;")).toBeNull();
  });

  it("reads recurring reports, but not a citizen's daily health declaration", () => {
    expect(parse("định kỳ hằng tuần báo cáo UBND tỉnh")).toMatchObject({
      kind: "recurring",
      recurrence: "weekly",
      dueOn: "2021-09-13",
    });
    expect(parse("báo cáo định kỳ hằng tháng")).toMatchObject({
      kind: "recurring",
      recurrence: "monthly",
      dueOn: "2021-09-30",
    });
    expect(parse("khai báo y tế hàng ngày")).toBeNull();
  });

  it("ties event phrases to the holiday period", () => {
    expect(parse("trong dịp nghỉ lễ 2/9", { issuedOn: null, year: 2021, referenceOn: "2021-08-30" })).toMatchObject({
      kind: "event",
      startOn: "2021-09-02",
      dueOn: "2021-09-05",
    });
    expect(parse("trong dịp Tết Nguyên đán Nhâm Dần", { issuedOn: "2022-01-10", year: 2022 })).toMatchObject({
      kind: "event",
      startOn: "2022-01-29",
      dueOn: "2022-02-06",
    });
  });

  it("reports a date that does not exist and a count with no issue date", () => {
    const bad = parseDeadline("chậm nhất ngày 31/02/2021", ctx);
    expect(bad?.deadline.dueOn).toBeNull();
    expect(bad?.problems[0]).toMatch(/không tồn tại/);
    const noIssue = parseDeadline("trong vòng 05 ngày", { issuedOn: null, year: 2021 });
    expect(noIssue?.deadline).toMatchObject({ kind: "within_days", dueOn: null });
    expect(noIssue?.problems[0]).toMatch(/chưa ghi ngày ban hành/);
  });

  it("does not read a citation's date or a document symbol as a deadline", () => {
    expect(parse("theo Chỉ thị số 18-CT/TU ngày 18/10/2021 của Ban Thường vụ Tỉnh ủy")).toBeNull();
    expect(parse("theo Thông báo số 874/TB-VPUBND ngày 30/5/2021")).toBeNull();
  });
});
