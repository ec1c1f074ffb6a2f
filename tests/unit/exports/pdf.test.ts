import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { documentPdf, reportPdf } from "@/lib/exports/pdf";
import type { ReportModel } from "@/lib/reports/printed-report";
import { groupOf } from "@/lib/reports/task-lists";
import type { TaskRow } from "@/lib/reports/types";

async function textOf(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  return { pages: totalPages, text };
}

const task: TaskRow = {
  assignmentId: 1,
  agency: { id: 1, name: "UBND huyện Văn Lãng", shortName: "VL" },
  role: "lead",
  state: "not_started",
  dueOn: "2021-09-10",
  originalDueOn: "2021-09-10",
  completedOn: null,
  currentDueOn: "2021-09-10",
  timeliness: "overdue",
  daysOverdue: 10,
  explanation: null,
  pendingExtensionTo: null,
  directive: {
    id: 1,
    ref: "3",
    text: "Kiểm soát chặt chẽ người ra vào tại cửa khẩu Tân Thanh",
    deadlinePhrase: "chậm nhất ngày 10/9/2021",
    recurrence: null,
  },
  notice: {
    id: 1,
    kind: "TB",
    number: null,
    issuedOn: null,
    issuedPrecision: "unknown",
    meetingOn: "2021-09-06",
    title: "Kết luận",
  },
};

const model: ReportModel = {
  provinceName: "Lạng Sơn",
  today: "2021-09-20",
  from: "2021-09-01",
  to: "2021-09-20",
  summary: { total: 1, buckets: { d1_7: 0, d8_30: 1, d31_90: 0, d90_plus: 0 } },
  overdue: [groupOf([task])],
  overdueDirectives: 1,
  dueSoon: [],
  dueSoonTasks: 0,
  dueSoonDirectives: 0,
  agencies: [
    {
      agency: { id: 1, name: "UBND huyện Văn Lãng", shortName: "VL", kind: "district" },
      assigned: 3,
      completedOnTime: 1,
      completedLate: 0,
      onTrack: 1,
      overdue: 1,
      noDeadline: 0,
      onTimeRate: 0.5,
      ongoing: 0,
      ongoingReported: 0,
    },
  ],
  notices: [],
  weeks: [],
};

describe("PDF", () => {
  it("writes the administrative report with its Vietnamese text intact", async () => {
    const bytes = await reportPdf(model);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { text } = await textOf(bytes);
    const flat = text.replace(/\s+/g, " ");
    for (const s of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "UBND TỈNH LẠNG SƠN",
      "/BC-BCĐ",
      "Lạng Sơn, ngày 20 tháng 9 năm 2021",
      "BÁO CÁO",
      "từ ngày 01/09/2021 đến ngày 20/09/2021",
      "Kiểm soát chặt chẽ người ra vào tại cửa khẩu Tân Thanh",
      "UBND huyện Văn Lãng",
      "Nơi nhận:",
      "PHÓ TRƯỞNG BAN",
    ]) {
      expect(flat).toContain(s);
    }
  });

  it("lists a directive once with the agencies that have not finished it, its header rules as lines and its dates on one line", async () => {
    const text90 =
      "Đẩy nhanh việc tổ chức xét nghiệm ngẫu nhiên cho 20% người lao động làm việc tại các khu, cụm công nghiệp, khu kinh tế cửa khẩu";
    const districts = Array.from({ length: 16 }, (_, i) => ({
      ...task,
      assignmentId: 100 + i,
      agency: { id: 100 + i, name: `UBND huyện Số ${i + 1}`, shortName: `H${i + 1}` },
      dueOn: "2021-06-15",
      currentDueOn: "2021-06-15",
      daysOverdue: 5,
      directive: { ...task.directive, id: 9, text: text90 },
    }));
    const bytes = await reportPdf({
      ...model,
      summary: { total: 16, buckets: { d1_7: 16, d8_30: 0, d31_90: 0, d90_plus: 0 } },
      overdue: [groupOf(districts)],
    });
    const { text, pages } = await textOf(bytes);
    const flat = text.replace(/\s+/g, " ");
    // The directive once, with "16 cơ quan: …" naming every agency.
    expect(flat.split("Đẩy nhanh việc tổ chức xét nghiệm").length - 1).toBe(1);
    expect(flat).toContain("16 cơ quan: UBND huyện Số 1, UBND huyện Số 2");
    expect(flat).toContain("UBND huyện Số 16");
    expect(pages).toBeLessThanOrEqual(2); // one row for the 16 agencies, not 16 rows of the same text
    // Dates and "STT" are never broken across lines ("15/06/20 21", "ST T").
    expect(flat).toContain("15/06/2021");
    expect(flat).toMatch(/\bSTT\b/);
    // The rules under the names are drawn, not box-drawing characters the font lacks.
    expect(text).not.toMatch(/[\u2500-\u257f]/);
  });

  it("writes the number and the signer the secretariat gave", async () => {
    const { text } = await textOf(
      await reportPdf({ ...model, signing: { number: "45/BC-BCĐ", signerName: "Hồ Tiến Thiệu", title: "truong-ban" } }),
    );
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Số: 45/BC-BCĐ");
    expect(flat).toContain("Hồ Tiến Thiệu");
    expect(flat).not.toContain("KT. TRƯỞNG BAN");
  });

  it("writes a list as a landscape table", async () => {
    const bytes = await documentPdf({
      title: "Việc quá hạn – tỉnh Lạng Sơn",
      notes: ["Tính đến ngày 20/09/2021"],
      sheets: [
        {
          name: "x",
          title: "x",
          columns: [{ header: "Cơ quan" }, { header: "Số ngày", kind: "number" }],
          rows: [["Sở Giáo dục và Đào tạo", 12]],
        },
      ],
    });
    expect(bytes.subarray(0, 4).toString("latin1")).toBe("%PDF");
    const { text } = await textOf(bytes);
    expect(text).toContain("Sở Giáo dục và Đào tạo");
    expect(text).toContain("Việc quá hạn – tỉnh Lạng Sơn");
  });
});
