import { describe, expect, it } from "vitest";
import { matcherFor } from "@/lib/extract/agencies";
import { guessRegistry } from "@/lib/extract";
import { REGISTRIES } from "@/prisma/seed/data/registries";
import { BINH_DINH } from "./registry-fixture";

const names = (text: string, r = BINH_DINH) =>
  matcherFor(r).find(text).map((m) => `${text.slice(m.start, m.end)} → ${m.target.type === "superior" ? "(cấp trên)" : m.target.name}`);

describe("agency matching", () => {
  it("ignores case and diacritics, and forgives one OCR slip in a long name", () => {
    expect(names("SO Y TE va Cong an tinh")).toEqual(["SO Y TE → Sở Y tế", "Cong an tinh → Công an tỉnh"]);
    expect(names("huyện Tuy Phươc")).toEqual(["huyện Tuy Phươc → UBND huyện Tuy Phước"]);
  });
  it("does not let an ordinary word pass for a short name", () => {
    expect(names("Bảo đảm cung ứng hàng hóa")).toEqual([]);
  });
  it("reads abbreviations and heads of agencies", () => {
    expect(names("Sở LĐTBXH, Giám đốc Sở Y tế, Chủ tịch UBND thị xã An Nhơn")).toEqual([
      "Sở LĐTBXH → Sở Lao động - Thương binh và Xã hội", "Giám đốc Sở Y tế → Sở Y tế", "Chủ tịch UBND thị xã An Nhơn → UBND thị xã An Nhơn",
    ]);
  });
  it("knows superiors, which are never assignees", () => {
    expect(names("đề nghị UBND tỉnh có văn bản gửi UBND các tỉnh, thành phố")).toEqual(["UBND tỉnh → (cấp trên)", "UBND các tỉnh, thành phố → (cấp trên)"]);
  });
  it("fixes the seeds' Cần Đức typo against Long An's registry", () => {
    const la = REGISTRIES.find((r) => r.province === "Long An")!;
    expect(names("huyện Cần Giuộc, Cần Đức", la)).toEqual(["huyện Cần Giuộc → UBND huyện Cần Giuộc", "Cần Đức → UBND huyện Cần Đước"]);
  });
  it("proposes bodies it does not know, by their name pattern", () => {
    expect(names("Sở Tư pháp chủ trì; UBND huyện Vân Canh")).toEqual(["Sở Tư pháp → Sở Tư pháp", "UBND huyện Vân Canh → UBND huyện Vân Canh"]);
    expect(matcherFor(BINH_DINH).find("Sở Tư pháp").every((m) => m.target.type === "agency" && m.target.isNew)).toBe(true);
  });
  it("guesses 003's province from its districts, not from the OCR'd stamp", () => {
    const text = "TỈNH ỦY QUẢNG BÌNH\n\nCác địa phương: Đầm Hà, Hải Hà, Móng Cái, Tiên Yên khẩn trương";
    expect(guessRegistry(text, REGISTRIES)?.province).toBe("Quảng Ninh");
  });
});
