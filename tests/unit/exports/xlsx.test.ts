import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { taskSheet, agencySheet } from "@/lib/reports/sheets";
import { toXlsx } from "@/lib/exports/xlsx";
import type { AgencyRow, TaskRow } from "@/lib/reports/types";

const task: TaskRow = {
  assignmentId: 7,
  agency: { id: 1, name: "UBND huyện Cần Đước", shortName: "CĐ" },
  role: "lead",
  state: "in_progress",
  dueOn: "2021-06-15",
  originalDueOn: "2021-06-10",
  completedOn: null,
  currentDueOn: "2021-06-15",
  timeliness: "overdue",
  daysOverdue: 97,
  explanation: { status: "pending", requestedOn: "2021-09-10", replyDueOn: "2021-09-15", answeredOn: null, late: true },
  pendingExtensionTo: null,
  directive: {
    id: 3,
    ref: "2.a",
    text: "Phấn đấu đến ngày 15/6/2021 tiêm đạt 50% kế hoạch; ưu tiên người trên 65 tuổi",
    deadlinePhrase: "phấn đấu đến ngày 15/6/2021",
    recurrence: null,
  },
  notice: {
    id: 2,
    kind: "TB",
    number: "875/TB-VPUBND",
    issuedOn: "2021-05-30",
    issuedPrecision: "day",
    meetingOn: "2021-05-30",
    title: "Kết luận của Chủ tịch UBND tỉnh",
  },
};
const agency: AgencyRow = {
  agency: { id: 1, name: "Sở Y tế", shortName: "SYT", kind: "department" },
  assigned: 10,
  completedOnTime: 3,
  completedLate: 1,
  onTrack: 2,
  overdue: 4,
  noDeadline: 0,
  onTimeRate: 0.375,
  ongoing: 4,
  ongoingReported: 1,
};

describe("XLSX", () => {
  it("reads back with exceljs: the same header, rows, Vietnamese text and numbers", async () => {
    const sheet = taskSheet("Việc quá hạn", "Việc quá hạn", [task]);
    const bytes = await toXlsx({
      title: "Việc quá hạn – tỉnh Long An",
      notes: ["Tính đến ngày 20/09/2021"],
      sheets: [sheet, agencySheet([agency])],
    });
    expect(bytes.subarray(0, 2).toString()).toBe("PK");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Việc quá hạn", "Theo cơ quan", "Thông tin"]);
    const ws = wb.getWorksheet("Việc quá hạn")!;
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual(sheet.columns.map((c) => c.header));
    expect(values(2)).toEqual(sheet.rows[0]!.map((v) => (v === null ? undefined : v)));
    expect(ws.getCell("F2").value).toBe(
      "Phấn đấu đến ngày 15/6/2021 tiêm đạt 50% kế hoạch; ưu tiên người trên 65 tuổi",
    );
    expect(ws.getCell("B2").value).toBe(97);
    expect(ws.getCell("C2").value).toBe("Trên 90 ngày");
    expect(ws.getCell("K2").value).toBe("10/06/2021"); // the original deadline, before the extension
    expect(ws.getCell("M1").value).toBe("Giải trình");
    expect(ws.getCell("M2").value).toBe("Quá hạn giải trình (hạn 15/09/2021)");

    const byAgency = wb.getWorksheet("Theo cơ quan")!;
    expect(byAgency.getCell("I2").value).toBe(0.375);
    expect(byAgency.getCell("I2").numFmt).toBe("0%");
    // The ongoing tasks of the agency, and those reported in the current period.
    expect(byAgency.getCell("J1").value).toBe("Thường xuyên (chưa hoàn thành)");
    expect(byAgency.getCell("J2").value).toBe(4);
    expect(byAgency.getCell("K1").value).toBe("Thường xuyên đã báo cáo kỳ này");
    expect(byAgency.getCell("K2").value).toBe(1);
    expect(wb.getWorksheet("Thông tin")!.getCell("A1").value).toBe("Việc quá hạn – tỉnh Long An");
  });
});
