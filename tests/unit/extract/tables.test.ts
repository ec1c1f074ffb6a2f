// Task tables in every text form they reach the extractor: a paste from Word (tabs, a cell's
// second paragraph on the next line, merged header cells), from Excel (quoted cells), markdown
// pipes from OCR tools (continuation rows, bold group rows). One directive per row, the columns
// found by their header words in any order; the prose parts of the same notice still read.
import { describe, expect, it } from "vitest";
import { extractNotice } from "@/lib/extract";
import { ZNoticeDraft, type DraftDirective } from "@/lib/notices/draft";
import { unseenRegistry } from "./unseen-registry";

const REG = unseenRegistry("Phú Thọ", [
  ["thành phố", "Việt Trì"],
  ["huyện", "Lâm Thao"],
]);

const head = (kind = "KẾ HOẠCH", number = "120/KH-UBND") =>
  `UBND TỈNH PHÚ THỌ\nSố: ${number}\nPhú Thọ, ngày 10 tháng 8 năm 2021\n\n${kind}\nTriển khai tiêm vắc xin phòng COVID-19\n\n`;
const foot = "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nBùi Văn Quang\n";

const leads = (d: DraftDirective) => [
  ...new Set(d.assignments.filter((a) => a.role === "lead").map((a) => a.viaGroup ?? a.agency)),
];
const supports = (d: DraftDirective) => [
  ...new Set(d.assignments.filter((a) => a.role === "support").map((a) => a.viaGroup ?? a.agency)),
];
const row = (d: DraftDirective) => [d.ref, leads(d), supports(d), d.deadline?.kind ?? null, d.deadline?.dueOn ?? null];

describe("a table pasted from Word (tab-separated)", () => {
  const text =
    head() +
    "I. MỤC ĐÍCH\n\nBảo đảm tiêm đủ liều cho người dân.\n\nII. TỔ CHỨC THỰC HIỆN\n\n" +
    "1. Sở Y tế chủ trì theo dõi, tổng hợp kết quả, báo cáo UBND tỉnh trong tháng 9/2021.\n\n" +
    "2. Các cơ quan thực hiện các nhiệm vụ theo bảng sau:\n" +
    "STT\tNội dung công việc\tCơ quan thực hiện\tThời gian hoàn thành\n" +
    "Chủ trì\tPhối hợp\n" +
    "I. NHIỆM VỤ CHUNG\n" +
    "1\tXây dựng kế hoạch tiêm chủng chi tiết\tSở Y tế\tUBND các huyện, thành phố\tTrước 20/8/2021\n" +
    "2\tBảo đảm kinh phí\tSở Tài chính\tSở Y tế\tQuý III/2021\n" +
    "II. NHIỆM VỤ CỦA ĐỊA PHƯƠNG\n" +
    "1\tLập danh sách người dân\nđủ điều kiện tiêm\tUBND các huyện, thành phố\tCông an tỉnh\tXong trước 25/8/2021\n" +
    "2\tBáo cáo tiến độ tiêm\tUBND các huyện, thành phố\tSở Y tế\tĐịnh kỳ hằng tuần vào thứ Sáu\n" +
    "\n3. Công an tỉnh bảo đảm an ninh tại các điểm tiêm.\n" +
    foot;
  const { draft, spans } = extractNotice(text, REG);

  it("reads one directive per row, grouped, between the prose items", () => {
    expect(draft.directives.map(row)).toEqual([
      ["II.1", ["Sở Y tế"], [], "month", "2021-09-30"],
      ["II.2.I.1", ["Sở Y tế"], ["UBND các huyện, thành phố"], "before", "2021-08-19"],
      ["II.2.I.2", ["Sở Tài chính"], ["Sở Y tế"], "quarter", "2021-09-30"],
      ["II.2.II.1", ["UBND các huyện, thành phố"], ["Công an tỉnh"], "exact", "2021-08-25"],
      ["II.2.II.2", ["UBND các huyện, thành phố"], ["Sở Y tế"], "recurring", "2021-08-13"],
      ["II.3", ["Công an tỉnh"], [], null, null],
    ]);
    expect(ZNoticeDraft.safeParse(draft).success).toBe(true);
  });

  it("joins a cell's second paragraph and keeps each row's words in the original", () => {
    const d = draft.directives.find((x) => x.ref === "II.2.II.1")!;
    expect(d.text).toBe("Lập danh sách người dân đủ điều kiện tiêm");
    expect(d.deadline?.phrase).toBe("Xong trước 25/8/2021");
    const s = spans.directives[draft.directives.indexOf(d)]!;
    expect(text.slice(s.deadline!.start, s.deadline!.end)).toBe("Xong trước 25/8/2021");
    expect(s.assignments.map((a) => text.slice(a.start, a.end))).toContain("Công an tỉnh");
    expect(text.slice(d.sourceStart!, d.sourceEnd!)).toMatch(/^1\tLập danh sách.*\n.*Xong trước 25\/8\/2021$/);
  });

  it("keeps the notice's data and signature", () => {
    expect(draft.notice).toMatchObject({ kind: "KH", number: "120/KH-UBND", signer: "Bùi Văn Quang" });
  });
});

describe("columns in another order, no STT, cells quoted by Excel", () => {
  const text =
    head("THÔNG BÁO", "77/TB-UBND") +
    "Chủ tịch UBND tỉnh kết luận như sau:\n\n" +
    "Thời hạn\tĐơn vị phối hợp\tNhiệm vụ\tĐơn vị chủ trì\n" +
    'Chậm nhất ngày 31/8/2021\tSở Y tế\t"Kiểm tra các điểm tiêm;\nbáo cáo kết quả"\tUBND thành phố Việt Trì\n' +
    "Thường xuyên\t\tTuyên truyền tiêm chủng\tSở Thông tin và Truyền thông\n" +
    foot;
  const { draft } = extractNotice(text, REG);
  it("finds the columns by their words and numbers the rows", () => {
    expect(draft.directives.map(row)).toEqual([
      ["1", ["UBND thành phố Việt Trì"], ["Sở Y tế"], "exact", "2021-08-31"],
      ["2", ["Sở Thông tin và Truyền thông"], [], "ongoing", null],
    ]);
    expect(draft.directives[0]!.text).toBe("Kiểm tra các điểm tiêm; báo cáo kết quả");
  });
});

describe("a markdown pipe table from an OCR tool, in the appendix", () => {
  const text =
    head() +
    "I. TỔ CHỨC THỰC HIỆN\n\nCác sở, ngành, địa phương thực hiện nhiệm vụ theo Phụ lục kèm theo.\n" +
    foot +
    "\n**PHỤ LỤC**\n\n**PHÂN CÔNG NHIỆM VỤ**\n\n(Kèm theo Kế hoạch số 120/KH-UBND ngày 10/8/2021)\n\n" +
    "| STT | Nội dung nhiệm vụ | Cơ quan, đơn vị thực hiện | | Thời hạn | Sản phẩm |\n" +
    "|---|---|---|---|---|---|\n" +
    "| | | Chủ trì | Phối hợp | | |\n" +
    "| **I** | **NHIỆM VỤ CHUNG** | | | | |\n" +
    "| 1 | Rà soát người về từ vùng dịch | UBND các huyện, thành phố | Công an tỉnh | Hằng ngày, báo cáo trước 16 giờ | Báo cáo |\n" +
    "| | trên địa bàn, cách ly theo quy định | | | | |\n" +
    "| 2 | Hoàn thiện khu cách ly tập trung | Bộ Chỉ huy Quân sự tỉnh | Sở Y tế<br>Sở Nội vụ | Trước ngày 20/8/2021 | |\n" +
    "| **II** | **UBND CÁC HUYỆN, THÀNH PHỐ** | | | | |\n" +
    "| 1 | Tổ chức các điểm tiêm lưu động | | Sở Y tế | Tháng 9/2021 | |\n";
  const { draft } = extractNotice(text, REG);

  it("reads the rows under the appendix's ref, the group row handing down its agency", () => {
    expect(draft.directives.map(row)).toEqual([
      ["PL.I.1", ["UBND các huyện, thành phố"], ["Công an tỉnh"], "recurring", "2021-08-10"],
      ["PL.I.2", ["Bộ Chỉ huy Quân sự tỉnh"], ["Sở Y tế", "Sở Nội vụ"], "before", "2021-08-19"],
      ["PL.II.1", ["UBND các huyện, thành phố"], ["Sở Y tế"], "month", "2021-09-30"],
    ]);
  });

  it("merges the continuation row, keeps the product and the hour", () => {
    const d = draft.directives[0]!;
    expect(d.text).toBe("Rà soát người về từ vùng dịch trên địa bàn, cách ly theo quy định (Sản phẩm: Báo cáo)");
    expect(d.deadline).toMatchObject({ recurrence: "daily", dueAt: "2021-08-10T16:00:00+07:00" });
  });

  it("does not take the appendix's title for the signature", () => {
    expect(draft.notice.signer).toBe("Bùi Văn Quang");
    expect(draft.notice.signingFormula).toBe("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH");
  });
});

describe("what is not a task table", () => {
  it("leaves a two-column header pasted from Word to the prose reading", () => {
    const text =
      "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH PHÚ THỌ\tĐộc lập - Tự do - Hạnh phúc\n" +
      "Số: 5/TB-UBND\tPhú Thọ, ngày 10 tháng 8 năm 2021\n\nTHÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh\n\n" +
      "1. Sở Y tế hoàn thành trước ngày 20/8/2021.\n" +
      foot;
    const { draft } = extractNotice(text, REG);
    expect(draft.directives.map(row)).toEqual([["1", ["Sở Y tế"], [], "before", "2021-08-19"]]);
    expect(draft.notice.number).toBe("5/TB-UBND");
  });
});
