import { totals } from "@/lib/reports/counts";
import type { ReportSigning } from "@/lib/reports/report-signing";
import type { AgencyRow, DirectiveGroup, NoticeProgressRow, OverdueSummary, WeekPoint } from "@/lib/reports/types";
import { formatDay } from "@/lib/time/calendar";

// The printed report "Báo cáo tình hình thực hiện các nhiệm vụ" (Nghị định 30/2020/NĐ-CP layout:
// issuing body and national motto side by side, number, place and date, title, sections, "Nơi
// nhận" and the signature block). One model, shown as an A4 page and written as a PDF.

export interface ReportModel {
  provinceName: string;
  today: string;
  from?: string;
  to?: string;
  /** The chosen notice, as its label, when the report is narrowed to one. */
  noticeName?: string;
  summary: OverdueSummary;
  /** The overdue tasks grouped by directive (each directive once, with the agencies that have not finished it), the longest overdue first. */
  overdue: DirectiveGroup[];
  /** How many directives the overdue tasks (summary.total) belong to. */
  overdueDirectives: number;
  /** Tasks due within 7 days, grouped by directive; dueSoonTasks of them in dueSoonDirectives directives. */
  dueSoon: DirectiveGroup[];
  dueSoonTasks: number;
  dueSoonDirectives: number;
  agencies: AgencyRow[];
  notices: NoticeProgressRow[];
  weeks: WeekPoint[];
  /** Number and signer, as the secretariat filled them in (blank: to write by hand). */
  signing?: ReportSigning;
}

export const NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc";
export const REPORT_TITLE = "BÁO CÁO";

export function issuingBody(provinceName: string): [string, string] {
  return [`UBND TỈNH ${provinceName.toUpperCase()}`, "BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19"];
}

/** "Long An, ngày 20 tháng 9 năm 2021": days below 10 and months 1–2 take a leading zero. */
export function placeAndDate(place: string, day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = m <= 2 ? `0${m}` : String(m);
  return `${place}, ngày ${dd} tháng ${mm} năm ${y}`;
}

export function periodPhrase(r: Pick<ReportModel, "from" | "to" | "today">): string {
  if (r.from && r.to) return `từ ngày ${formatDay(r.from)} đến ngày ${formatDay(r.to)}`;
  if (r.from) return `từ ngày ${formatDay(r.from)} đến ngày ${formatDay(r.today)}`;
  if (r.to) return `đến ngày ${formatDay(r.to)}`;
  return `tính đến ngày ${formatDay(r.today)}`;
}

export function reportSubtitle(r: ReportModel): string {
  const scope = r.noticeName
    ? `theo ${r.noticeName}`
    : "theo các thông báo kết luận, chỉ đạo của Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh";
  const period =
    r.from || r.to
      ? `văn bản ban hành ${periodPhrase(r)}; số liệu tính đến ngày ${formatDay(r.today)}`
      : periodPhrase(r);
  return `Tình hình thực hiện các nhiệm vụ ${scope} (${period})`;
}

/** The opening paragraph of section I, in the words such reports use. */
export function summaryParagraph(r: ReportModel): string {
  const t = totals(r.agencies);
  return (
    `Tổng số lượt nhiệm vụ giao cho các cơ quan, đơn vị: ${t.assigned}; trong đó hoàn thành đúng hạn ${t.completedOnTime}, ` +
    `hoàn thành quá hạn ${t.completedLate}, đang thực hiện trong hạn ${t.onTrack}, quá hạn chưa hoàn thành ${t.overdue}, ` +
    `nhiệm vụ thường xuyên (không có thời hạn) ${t.noDeadline}. Tính đến ngày ${formatDay(r.today)}, có ${r.summary.total} lượt nhiệm vụ quá hạn: ` +
    `1–7 ngày ${r.summary.buckets.d1_7}, 8–30 ngày ${r.summary.buckets.d8_30}, 31–90 ngày ${r.summary.buckets.d31_90}, trên 90 ngày ${r.summary.buckets.d90_plus}.`
  );
}

export function overdueHeading(r: Pick<ReportModel, "summary">): string {
  return `II. CÁC NHIỆM VỤ QUÁ HẠN (${r.summary.total} lượt)`;
}

/** "23 lượt nhiệm vụ quá hạn thuộc 1 nhiệm vụ; mỗi nhiệm vụ được liệt kê một lần cùng các cơ quan chưa hoàn thành." */
export function overdueLead(r: Pick<ReportModel, "summary" | "overdueDirectives">): string {
  return `${r.summary.total} lượt nhiệm vụ quá hạn thuộc ${r.overdueDirectives} nhiệm vụ; mỗi nhiệm vụ được liệt kê một lần cùng các cơ quan, đơn vị chưa hoàn thành.`;
}

export function overdueMore(r: Pick<ReportModel, "overdue" | "overdueDirectives">): string {
  return `(Liệt kê ${r.overdue.length} trên ${r.overdueDirectives} nhiệm vụ quá hạn lâu nhất; danh sách đầy đủ xem trên hệ thống.)`;
}

export function dueSoonHeading(r: Pick<ReportModel, "dueSoonTasks">): string {
  return `III. CÁC NHIỆM VỤ ĐẾN HẠN TRONG 07 NGÀY TỚI (${r.dueSoonTasks} lượt)`;
}

export const PROPOSAL_TEXT =
  "Đề nghị các cơ quan, đơn vị có nhiệm vụ quá hạn khẩn trương triển khai thực hiện, báo cáo kết quả về Văn phòng UBND tỉnh (cơ quan thường trực Ban Chỉ đạo); " +
  "trường hợp không thể hoàn thành đúng thời hạn phải báo cáo rõ lý do và đề xuất gia hạn để tổng hợp, báo cáo Trưởng Ban Chỉ đạo.";

export const RECIPIENTS = [
  "Trưởng ban, các Phó Trưởng ban BCĐ tỉnh (b/c);",
  "Các thành viên BCĐ tỉnh;",
  "Các sở, ban, ngành; UBND các huyện, thị xã, thành phố;",
  "Lưu: VT.",
];
