import { describe, expect, it } from "vitest";
import { matchEntries, matchesQuery, pickerEntries, searchKey } from "@/lib/agencies/match";
import { directiveOverlap, directivesOverlap } from "@/lib/intake/similarity";

const entries = pickerEntries({
  agencies: [
    { name: "Sở Y tế", shortName: "SYT", aliases: ["CDC"] },
    { name: "Sở Lao động - Thương binh và Xã hội", shortName: "Sở LĐTBXH", aliases: [] },
    { name: "Liên đoàn Lao động tỉnh", shortName: "LĐLĐ", aliases: [] },
    { name: "Sở Giáo dục và Đào tạo", shortName: "Sở GDĐT", aliases: [] },
    { name: "UBND huyện Đức Hòa", shortName: "Đức Hòa", aliases: [] },
    { name: "Đài Phát thanh và Truyền hình tỉnh", shortName: "Đài PT-TH", aliases: [] },
  ],
  groups: [{ name: "UBND các huyện, thị xã, thành phố", aliases: ["các địa phương"], members: ["UBND huyện Đức Hòa"] }],
});
const names = (q: string) => matchEntries(q, entries).map((e) => e.name);

describe("the agency picker's matching", () => {
  it("folds diacritics, case, đ and punctuation", () => {
    expect(searchKey("Sở Lao động - Thương binh và Xã hội")).toBe("so lao dong thuong binh va xa hoi");
    expect(searchKey("ĐỨC HÒA")).toBe("duc hoa");
    // Decomposed input (typed on some keyboards) folds the same.
    expect(searchKey("Đức Hòa".normalize("NFD"))).toBe("duc hoa");
  });

  it("finds 'lao dong' in both agencies of that name", () => {
    expect(names("lao dong")).toEqual(["Sở Lao động - Thương binh và Xã hội", "Liên đoàn Lao động tỉnh"]);
    expect(names("LAO ĐỘNG thuong binh")).toEqual(["Sở Lao động - Thương binh và Xã hội"]);
  });

  it("treats đ and d alike in both directions", () => {
    expect(names("duc hoa")).toContain("UBND huyện Đức Hòa");
    expect(names("đuc hoa")).toContain("UBND huyện Đức Hòa");
    expect(names("dai phat thanh")).toEqual(["Đài Phát thanh và Truyền hình tỉnh"]);
  });

  it("finds by short name and alias, and groups by their aliases", () => {
    expect(names("ldtbxh")).toEqual(["Sở Lao động - Thương binh và Xã hội"]);
    expect(names("cdc")).toEqual(["Sở Y tế"]);
    expect(names("cac dia phuong")).toEqual(["UBND các huyện, thị xã, thành phố"]);
  });

  it("puts a name that starts with the query first, words in any order", () => {
    expect(names("so")[0]).toBe("Sở Y tế");
    expect(matchesQuery("hoa duc", "UBND huyện Đức Hòa")).toBe(true);
    expect(matchesQuery("y te cong an", "Sở Y tế")).toBe(false);
  });

  it("finds nothing for a name not in the registry, and everything for an empty query", () => {
    expect(names("hoi chu thap do")).toEqual([]);
    expect(names("  ")).toHaveLength(entries.length);
  });
});

describe("nearly the same directives", () => {
  const a = [
    "Sở Y tế chủ trì tổ chức tiêm vắc xin.",
    "Công an tỉnh kiểm soát các chốt.",
    "UBND các huyện rà soát người về từ vùng dịch.",
    "Sở Công Thương bảo đảm hàng hóa thiết yếu.",
    "Sở Thông tin và Truyền thông tuyên truyền.",
  ];
  it("counts texts equal after folding case, spaces and punctuation", () => {
    const b = a.map((t) => t.toUpperCase().replace(/ /g, "  ").replace(/\.$/, ""));
    expect(directiveOverlap(a, b)).toBe(1);
  });
  it("is nearly the same at 4 of 5, not at 3 of 5, nor when one notice holds many more", () => {
    expect(directivesOverlap(a, [...a.slice(0, 4), "Sở Tài chính bố trí kinh phí."])).toBe(true);
    expect(directivesOverlap(a, [...a.slice(0, 3), "Khác 1.", "Khác 2."])).toBe(false);
    expect(directivesOverlap(a.slice(0, 2), a)).toBe(false);
    expect(directivesOverlap([], [])).toBe(false);
  });
  it("matches each directive once", () => {
    expect(directiveOverlap([a[0]!, a[0]!], [a[0]!, a[1]!])).toBe(0.5);
  });
});
