import { describe, expect, it } from "vitest";
import { BOM, csvBytes, toCsv } from "@/lib/exports/csv";
import { asciiSlug, exportFileName, type ExportSheet } from "@/lib/exports/table";

const sheet: ExportSheet = {
  name: "Quá hạn",
  title: "Việc quá hạn",
  columns: [
    { header: "STT", kind: "number" },
    { header: "Cơ quan" },
    { header: "Nhiệm vụ" },
    { header: "Số ngày", kind: "number" },
  ],
  rows: [
    [1, "Sở Y tế", 'Xét nghiệm, truy vết "F0"\nvà cách ly', 12],
    [2, "UBND huyện Cần Đước", "- Tăng cường kiểm tra", -3],
    [3, "Công an tỉnh", '=HYPERLINK("http://x")', null],
  ],
};

describe("CSV for Excel", () => {
  it("starts with the UTF-8 byte-order mark so Excel reads Vietnamese", () => {
    const bytes = csvBytes(sheet);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8").slice(1).split("\r\n")[0]).toBe("STT,Cơ quan,Nhiệm vụ,Số ngày");
    expect(toCsv(sheet).startsWith(BOM)).toBe(true);
  });

  it("quotes commas, quotes and line breaks, and ends every line with CRLF", () => {
    const lines = toCsv(sheet).slice(1).split("\r\n");
    expect(lines[1]).toBe('1,Sở Y tế,"Xét nghiệm, truy vết ""F0""\nvà cách ly",12');
    expect(lines.at(-1)).toBe("");
  });

  it("keeps text that looks like a formula as text, and numbers as numbers", () => {
    const lines = toCsv(sheet).slice(1).split("\r\n");
    expect(lines[2]).toBe("2,UBND huyện Cần Đước,'- Tăng cường kiểm tra,-3");
    expect(lines[3]).toBe('3,Công an tỉnh,"\'=HYPERLINK(""http://x"")",');
  });
});

describe("file names", () => {
  it("are Vietnamese without diacritics", () => {
    expect(asciiSlug("Việc quá hạn — Đắk Lắk, Lạng Sơn")).toBe("viec-qua-han-dak-lak-lang-son");
    expect(exportFileName("Báo cáo tình hình thực hiện", "2021-09-20", "pdf")).toBe(
      "bao-cao-tinh-hinh-thuc-hien-2021-09-20.pdf",
    );
  });
});
