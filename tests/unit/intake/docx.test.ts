// Word notices read cell by cell: a task table with merged header cells (gridSpan over "Chủ trì |
// Phối hợp"), a lead cell merged down two rows (vMerge), a group row across the table, Word's own
// automatic numbering, and the borderless header and signature tables read as their paragraphs.
import { describe, expect, it } from "vitest";
import { extractNotice } from "@/lib/extract";
import { readNoticeFile } from "@/lib/intake/read-notice";
import { docxOf, type DocxBlock } from "../../bench/corpus/docx";
import { unseenRegistry } from "../extract/unseen-registry";

const REG = unseenRegistry("Hòa Bình", [["thành phố", "Hòa Bình"]]);
const h = (text: string | string[], o: object = {}) => ({ text, bold: true, ...o });

const blocks: DocxBlock[] = [
  {
    table: [
      [
        h(["UBND TỈNH HÒA BÌNH", "Số: 15/KH-UBND"]),
        h(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Hòa Bình, ngày 05 tháng 7 năm 2021"]),
      ],
    ],
    ruled: false,
  },
  { p: "KẾ HOẠCH", bold: true, center: true },
  { p: "Ứng phó với dịch COVID-19", bold: true, center: true },
  { p: "Tổ chức thực hiện", numbered: { numId: 1, level: 0 } },
  { p: "Sở Y tế chủ trì tổng hợp, báo cáo UBND tỉnh trong tháng 7/2021.", numbered: { numId: 1, level: 1 } },
  { p: "Công an tỉnh bảo đảm an ninh tại các khu cách ly.", numbered: { numId: 1, level: 1 } },
  { p: "Phân công cụ thể như sau:", numbered: { numId: 1, level: 0 } },
  {
    ruled: true,
    table: [
      [
        h("STT", { vmerge: "restart" }),
        h("Nội dung", { vmerge: "restart" }),
        h("Cơ quan thực hiện", { span: 2 }),
        h("Thời hạn", { vmerge: "restart" }),
      ],
      [
        h("", { vmerge: "continue" }),
        h("", { vmerge: "continue" }),
        h("Chủ trì"),
        h("Phối hợp"),
        h("", { vmerge: "continue" }),
      ],
      [h("I. NHIỆM VỤ CHUNG", { span: 5 })],
      [
        { text: "1" },
        { text: ["Chuẩn bị 500 giường", "thu dung điều trị"] },
        { text: "Sở Y tế", vmerge: "restart" },
        { text: "UBND thành phố Hòa Bình" },
        { text: "Trước 20/7/2021" },
      ],
      [
        { text: "2" },
        { text: "Tập huấn điều trị" },
        { text: "", vmerge: "continue" },
        { text: "Trung tâm Kiểm soát bệnh tật tỉnh" },
        { text: "Tháng 7/2021" },
      ],
    ],
  },
  {
    table: [
      [{ text: ["Nơi nhận:", "- Như trên;", "- Lưu: VT."] }, h(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Chương"])],
    ],
    ruled: false,
  },
];

describe("a Word notice with a real table", async () => {
  const reading = await readNoticeFile("kh.docx", docxOf(blocks));
  const { draft } = extractNotice(reading.text, REG);
  const rows = draft.directives.map((d) => [
    d.ref,
    [...new Set(d.assignments.filter((a) => a.role === "lead").map((a) => a.agency))],
    [...new Set(d.assignments.filter((a) => a.role === "support").map((a) => a.agency))],
    d.deadline?.dueOn ?? null,
  ]);

  it("keeps Word's automatic numbers", () => {
    expect(reading.source.kind).toBe("docx");
    expect(reading.text).toContain("1. Tổ chức thực hiện");
    expect(reading.text).toContain("a) Sở Y tế chủ trì");
    expect(reading.text).toContain("2. Phân công cụ thể như sau:");
  });

  it("reads the table cell by cell: merged header, merged lead cell, group row", () => {
    expect(reading.text).toMatch(/^\| STT \| Nội dung \| Cơ quan thực hiện \|  \| Thời hạn \|$/m);
    expect(rows).toEqual([
      ["1.a", ["Sở Y tế"], [], "2021-07-31"],
      ["1.b", ["Công an tỉnh"], [], null],
      ["2.I.1", ["Sở Y tế"], ["UBND thành phố Hòa Bình"], "2021-07-19"],
      ["2.I.2", ["Sở Y tế"], ["Trung tâm Kiểm soát bệnh tật tỉnh"], "2021-07-31"],
    ]);
    expect(draft.directives[2]!.text).toBe("Chuẩn bị 500 giường thu dung điều trị");
  });

  it("reads the header and signature tables as paragraphs", () => {
    expect(draft.notice).toMatchObject({
      kind: "KH",
      number: "15/KH-UBND",
      issuedOn: "2021-07-05",
      signer: "Nguyễn Văn Chương",
      signingFormula: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
    });
  });
});

describe("Word files that are not what they claim", () => {
  it("refuses a DOCTYPE inside the document part", async () => {
    const { strToU8, zipSync } = await import("fflate");
    const evil = zipSync({
      "word/document.xml": strToU8('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><w:document/>'),
    });
    await expect(readNoticeFile("x.docx", evil)).rejects.toThrow(/DOCTYPE/);
  });
  it("refuses a zip with no document", async () => {
    const { strToU8, zipSync } = await import("fflate");
    await expect(readNoticeFile("x.docx", zipSync({ "a.txt": strToU8("x") }))).rejects.toThrow(
      /Không đọc được tệp Word/,
    );
  });
});
