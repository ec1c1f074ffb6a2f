import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { documentPdf, reportPdf } from "@/lib/exports/pdf";
import type { ReportModel } from "@/lib/reports/printed-report";

async function textOf(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  return { pages: totalPages, text };
}

const model: ReportModel = {
  provinceName: "Lạng Sơn",
  today: "2021-09-20",
  from: "2021-09-01",
  to: "2021-09-20",
  summary: { total: 1, buckets: { d1_7: 0, d8_30: 1, d31_90: 0, d90_plus: 0 } },
  overdue: [
    {
      assignmentId: 1,
      agency: { id: 1, name: "UBND huyện Văn Lãng", shortName: "VL" },
      role: "lead",
      state: "not_started",
      dueOn: "2021-09-10",
      originalDueOn: "2021-09-10",
      completedOn: null,
      daysOverdue: 10,
      directive: {
        id: 1,
        ref: "3",
        text: "Kiểm soát chặt chẽ người ra vào tại cửa khẩu Tân Thanh",
        deadlinePhrase: "chậm nhất ngày 10/9/2021",
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
    },
  ],
  dueSoon: [],
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
