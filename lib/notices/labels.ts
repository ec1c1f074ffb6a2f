// Vietnamese names of the notice vocabulary, shared by every screen.

export const DEADLINE_KIND_LABELS: Record<string, string> = {
  exact: "Đến ngày (chậm nhất)",
  before: "Trước ngày",
  datetime: "Trước giờ, ngày",
  until_end: "Đến hết ngày",
  month: "Trong tháng",
  quarter: "Trong quý",
  year: "Trong năm",
  within_days: "Trong vòng N ngày",
  working_days: "Trong N ngày làm việc",
  milestone: "Mốc phấn đấu",
  start: "Bắt đầu từ ngày",
  ongoing: "Thường xuyên",
  recurring: "Định kỳ",
  event: "Trong dịp",
  none: "Không có thời hạn",
};

export const RECURRENCE_LABELS: Record<string, string> = {
  daily: "hằng ngày",
  weekly: "hằng tuần",
  monthly: "hằng tháng",
  quarterly: "hằng quý",
  yearly: "hằng năm",
};

/** The header's urgency mark, as the document writes it. */
export const URGENCY_LABELS: Record<"khan" | "thuong_khan" | "hoa_toc", string> = {
  khan: "KHẨN",
  thuong_khan: "THƯỢNG KHẨN",
  hoa_toc: "HỎA TỐC",
};

export const NOTICE_KIND_LABELS: Record<string, string> = {
  TB: "Thông báo",
  CV: "Công văn",
  CT: "Chỉ thị",
  QD: "Quyết định",
  KH: "Kế hoạch",
  CD: "Công điện",
};

/** An agency's part in a directive: it leads (chủ trì) or supports (phối hợp). */
export const ASSIGNMENT_ROLE_LABELS: Record<"lead" | "support", string> = { lead: "Chủ trì", support: "Phối hợp" };
