// The columns of a task table ("PHỤ LỤC PHÂN CÔNG NHIỆM VỤ"), found by the words of their headers
// in whatever order the table has them: STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp |
// Thời gian hoàn thành | Sản phẩm | Ghi chú. Shared by every form a table arrives in (tab-separated
// paste, markdown pipes, Word cells, PDF text and OCR positions).
import { foldVi } from "@/lib/deadlines/fold";

export type ColumnRole = "stt" | "content" | "lead" | "support" | "deadline" | "product" | "note" | "other";

// Order matters: "Cơ quan phối hợp thực hiện" supports, "Thời gian hoàn thành" is the deadline.
const RULES: [ColumnRole, RegExp][] = [
  ["stt", /^(?:stt|tt|so tt|so thu tu|thu tu)$/],
  ["support", /\bphoi hop\b/],
  ["lead", /\bchu tri\b/],
  ["deadline", /\b(?:thoi gian|thoi han|tien do|han hoan thanh|thoi diem|moc thoi gian)\b|^hoan thanh$/],
  ["note", /^ghi chu$/],
  ["product", /\b(?:san pham|ket qua|hinh thuc van ban|hinh thuc)\b/],
  ["lead", /^(?:co quan|don vi|cac co quan|cac don vi)\b/],
  ["content", /\b(?:noi dung|nhiem vu|cong viec|hoat dong|giai phap|ten nhiem vu)\b/],
  ["lead", /\b(?:thuc hien|chiu trach nhiem|trach nhiem|phu trach)\b|^(?:co quan|don vi|co quan, don vi)$/],
];

export function roleOfHeader(cell: string): ColumnRole {
  const f = foldVi(cell)
    .replace(/[*_#`]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.:]$/, "");
  if (!f) return "other";
  for (const [role, re] of RULES) if (re.test(f)) return role;
  return "other";
}

/**
 * The role of each column, or null when the cells are not the header of a task table: one needs a
 * content column and a lead or deadline column, and no role but "other" twice.
 */
export function classifyHeader(cells: string[]): ColumnRole[] | null {
  if (cells.length < 3) return null;
  const roles = cells.map(roleOfHeader);
  if (!roles.includes("content") || !(roles.includes("lead") || roles.includes("deadline"))) return null;
  const seen = new Set<ColumnRole>();
  for (const r of roles) {
    if (r === "other") continue;
    if (seen.has(r)) return null;
    seen.add(r);
  }
  // A header row is short words; a data row that happens to say "chủ trì" is long.
  if (cells.some((c) => c.length > 60)) return null;
  return roles;
}

const VOCABULARY = new Set(
  (
    "stt tt so thu tu noi dung nhiem vu cong viec hoat dong giai phap ten co quan don vi chu tri phoi hop " +
    "thuc hien thoi gian thoi han hoan thanh tien do san pham ket qua du kien ghi chu chiu trach nhiem trach " +
    "hinh thuc van ban va cu the phu trach diem moc han cac lien quan , / ( ) -"
  ).split(" "),
);

/** Whether a piece of text is only header words ("Cơ quan", "chủ trì", "Thời gian hoàn thành"). */
export function isHeaderVocabulary(text: string): boolean {
  const words = foldVi(text)
    .replace(/[*_#`|.:]/g, " ")
    .split(/\s+|(?=[,/()-])|(?<=[,/()-])/)
    .filter(Boolean);
  return words.length > 0 && words.every((w) => VOCABULARY.has(w));
}

const ROMAN = /^[IVX]{1,5}$/;

/** "1", "1.", "(1)", "1.2", "a)", "II": a row or group number as an STT cell holds it. */
export function sttLabel(cell: string): string | null {
  const t = cell
    .replace(/[*_]/g, "")
    .trim()
    .replace(/^\((.+)\)$/, "$1")
    .replace(/[.)]$/, "");
  if (/^\d{1,3}(?:\.\d{1,3})*$/.test(t) || ROMAN.test(t) || /^[a-zđA-Z]$/.test(t)) return t;
  return null;
}

export const isRoman = (s: string) => ROMAN.test(s);
