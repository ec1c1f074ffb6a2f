// A Công điện: the header's urgency mark makes every directive urgent, and the list after
// "… điện:" is the notice's audience (not assignees of their own: each item names its own).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractNotice } from "@/lib/extract";

const EMPTY = { province: null, agencies: [], groups: [] };
const base = readFileSync(join(__dirname, "../../fixtures/extract/unseen/kien-giang-cd-07.txt"), "utf8");

describe("Công điện", () => {
  it("reads the addressees after 'điện:' as the audience", () => {
    const { draft } = extractNotice(base, EMPTY);
    expect(draft.notice.audience).toEqual([
      "Giám đốc các sở, Thủ trưởng các ban, ngành cấp tỉnh",
      "Chủ tịch UBND các huyện, thành phố",
    ]);
    expect(draft.notice.urgency).toBeNull();
    expect(draft.directives.map((d) => d.urgent)).toContain(false);
  });

  it.each([
    ["HỎA TỐC", "hoa_toc"],
    ["**KHẨN**", "khan"],
    ["THƯỢNG KHẨN", "thuong_khan"],
  ])("marks every directive urgent under %s", (mark, urgency) => {
    const { draft } = extractNotice(`${mark}\n${base}`, EMPTY);
    expect(draft.notice.urgency).toBe(urgency);
    expect(draft.directives.length).toBe(5);
    expect(draft.directives.every((d) => d.urgent)).toBe(true);
  });

  it("does not take the word in a sentence for the mark", () => {
    const { draft } = extractNotice(base.replace("Trước tình hình", "KHẨN trương trước tình hình"), EMPTY);
    expect(draft.notice.urgency).toBeNull();
  });

  it("reads a letter's 'Kính gửi' on one line as its audience", () => {
    const text =
      "UBND TỈNH BÌNH ĐỊNH\nSố: 12/UBND-VX\nBình Định, ngày 06 tháng 9 năm 2021\nV/v tăng cường phòng dịch\n\n" +
      "Kính gửi: Sở Y tế; Công an tỉnh.\n\n1. Sở Y tế rà soát các chốt kiểm soát.\n\nNơi nhận:\n- Như trên.\n";
    expect(extractNotice(text, EMPTY).draft.notice.audience).toEqual(["Sở Y tế", "Công an tỉnh"]);
  });
});
