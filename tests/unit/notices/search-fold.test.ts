import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  containsPattern,
  noticeSearchText,
  searchFold,
  searchFoldSql,
  searchTerms,
  WHITESPACE_CLASS,
} from "@/lib/notices/search-fold";

const MIGRATION = fileURLToPath(
  new URL("../../../prisma/migrations/20261202152000_notice_search/migration.sql", import.meta.url),
);

describe("the notices search fold", () => {
  it("ignores case and diacritics, đ and Đ read as d, decomposed accents too", () => {
    expect(searchFold("Xét nghiệm SARS-CoV-2")).toBe("xet nghiem sars-cov-2");
    expect(searchFold("ĐIỀU TRỊ đột xuất")).toBe("dieu tri dot xuat");
    expect(searchFold("xe\u0301t nghie\u0323\u0302m")).toBe("xet nghiem"); // NFD, as some PDFs give it
  });

  it("makes every run of white space one space", () => {
    expect(searchFold("xét\n  nghiệm\u00a0\tnhanh")).toBe("xet nghiem nhanh");
  });

  it("reads a query as terms: its words in the order typed, terms apart where a comma or semicolon says", () => {
    expect(searchTerms("  “Xét   nghiệm”  ")).toEqual(["xet nghiem"]);
    expect(searchTerms("xét nghiệm, Sở Y tế; xet nghiem")).toEqual(["xet nghiem", "so y te"]);
    expect(searchTerms("875/TB-VPUBND.")).toEqual(["875/tb-vpubnd"]);
    expect(searchTerms(" , ; ")).toEqual([]);
    expect(searchTerms(undefined)).toEqual([]);
  });

  it("takes LIKE's own characters literally", () => {
    expect(containsPattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });

  it("holds number, title, issuer and text", () => {
    expect(
      noticeSearchText({ number: "875/TB-VPUBND", title: "Kết luận", issuer: "UBND tỉnh", sourceText: "Đồng ý" }),
    ).toBe("875/tb-vpubnd ket luan ubnd tinh dong y");
  });

  it("the migration's translate() strings are still searchFoldSql()'s (the backfill folds as the app does)", () => {
    const sql = readFileSync(MIGRATION, "utf8");
    const { from, to } = searchFoldSql();
    const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
    expect(sql.includes(`${lit(from)},\n    ${lit(to)}),\n    ${lit(WHITESPACE_CLASS + "+")}, ' ', 'g')`)).toBe(true);
    // translate() character by character, as PostgreSQL does it, gives searchFold's answer
    const map = new Map<string, string>();
    [...from].forEach((c, i) => map.set(c, to[i] ?? ""));
    const translate = (s: string) =>
      [...s]
        .map((c) => (map.has(c) ? map.get(c) : c))
        .join("")
        .replace(new RegExp(`${WHITESPACE_CLASS}+`, "g"), " ");
    const sample = Array.from({ length: 0x2000 }, (_, c) => String.fromCharCode(c)).join("") + "Ngày 15/9/2021 Đắk Lắk";
    expect(translate(sample)).toBe(searchFold(sample));
  });
});
