// Text read from positions: a PDF's text layer and a scan's words become the text the extractor
// reads: the header's two columns split by a tab, paragraphs by their indent and gaps, a ruled
// task table as one pipe row per table row, wherever its cells' lines fall.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractNotice } from "@/lib/extract";
import { layoutText, type PositionedWord } from "@/lib/extract/layout";
import { readNoticeFile } from "@/lib/intake/read-notice";
import { CORPUS } from "../../fixtures/corpus/expectations";
import { corpusRegistry, leadNames } from "../../fixtures/corpus/score";

/** Words of one line at y, placed left to right from x, each character 6 units wide. */
function line(y: number, ...parts: [x: number, text: string][]): PositionedWord[] {
  const out: PositionedWord[] = [];
  for (const [x0, text] of parts) {
    let x = x0;
    for (const w of text.split(" ")) {
      out.push({ text: w, x0: x, x1: x + w.length * 6, y0: y, y1: y + 12 });
      x += w.length * 6 + 4;
    }
  }
  return out;
}

describe("laying out positioned words", () => {
  const words = [
    ...line(20, [40, "UBND TỈNH HÒA BÌNH"], [300, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
    ...line(40, [40, "Số: 15/TB-UBND"], [300, "Hòa Bình, ngày 05 tháng 7 năm 2021"]),
    ...line(70, [250, "THÔNG BÁO"]),
    ...line(85, [180, "Kết luận của Chủ tịch UBND tỉnh"]),
    ...line(100, [60, "1. Sở Y tế hoàn thành trước ngày 20/7/2021."]),
    // A table: the header's middle line carries STT and Nội dung, centred between two lines.
    ...line(130, [200, "Cơ quan"], [330, "Thời gian"]),
    ...line(140, [44, "STT"], [100, "Nội dung"]),
    ...line(150, [200, "chủ trì"], [330, "hoàn thành"]),
    ...line(175, [44, "1"], [80, "Chuẩn bị khu cách ly"], [190, "Bộ Chỉ huy"], [320, "Trước"]),
    ...line(189, [80, "tập trung"], [190, "Quân sự tỉnh"], [320, "25/7/2021"]),
    ...line(215, [44, "2"], [80, "Tập huấn y tế"], [190, "Sở Y tế"], [320, "Tháng 8/2021"]),
    ...line(250, [60, "UBND tỉnh thông báo để các cơ quan biết, thực hiện./."]),
  ];
  const { text, spans } = layoutText([{ width: 600, height: 800, words }]);

  it("splits the header's columns and writes the table as pipe rows", () => {
    expect(text).toContain("UBND TỈNH HÒA BÌNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("| STT | Nội dung | Cơ quan chủ trì | Thời gian hoàn thành |");
    expect(text).toContain("| 1 | Chuẩn bị khu cách ly tập trung | Bộ Chỉ huy Quân sự tỉnh | Trước 25/7/2021 |");
    expect(text).toContain("| 2 | Tập huấn y tế | Sở Y tế | Tháng 8/2021 |");
  });

  it("keeps where every word went", () => {
    words.forEach((w, i) => expect(text.slice(spans[0]![i]!.start, spans[0]![i]!.end)).toBe(w.text));
  });

  it("gives the extractor the table's rows", () => {
    const { draft } = extractNotice(text, { province: null, agencies: [], groups: [] });
    // The table follows a directive, not a lead-in: its rows stand beside it, numbered apart.
    expect(draft.directives.map((d) => [d.ref, d.deadline?.dueOn ?? null])).toEqual([
      ["1", "2021-07-19"],
      ["Bảng.1", "2021-07-24"],
      ["Bảng.2", "2021-08-31"],
    ]);
  });
});

describe("a PDF with a text layer and a task table", () => {
  it("reads the table row by row, not as a jumble of lines", async () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, "../../fixtures/intake/khanh-hoa-tb-520.pdf")));
    const reading = await readNoticeFile("tb.pdf", bytes);
    expect(reading.source).toMatchObject({ kind: "pdf-text", pdf: { pages: 1, scannedPages: [] } });
    expect(reading.pages).toEqual([]);
    const c = CORPUS.find((x) => x.file.startsWith("khanh-hoa"))!;
    const { draft } = extractNotice(reading.text, corpusRegistry(c));
    expect(draft.directives.map((d) => [d.ref, leadNames(d), d.deadline?.dueOn ?? null])).toEqual(
      c.directives.map(([ref, leads, dl]) => [ref, [...leads].sort(), dl?.[1] ?? null]),
    );
  });
});
