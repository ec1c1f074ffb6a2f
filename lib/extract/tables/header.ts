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
    .replace(/[.:]$/, "")
    .split(" ")
    .filter((w, _i, all) => w.length > 1 || all.length === 1) // "STT l": a scanned rule beside the word
    .join(" ");
  if (!f) return "other";
  for (const [role, re] of RULES) if (re.test(f)) return role;
  // A scan may glue the words: "chủtrì", "phốihợp", "Thờigian".
  const glued = f.replace(/\s+/g, "");
  for (const [role, re] of GLUED) if (re.test(glued)) return role;
  return "other";
}

const GLUED: [ColumnRole, RegExp][] = [
  ["support", /phoihop/],
  ["deadline", /gian$|(?:^|[^a-z])han$/], // "Thời gian" whose first word the scan lost
  ["lead", /chutri/],
  ["deadline", /thoigian|thoihan|tiendo/],
  ["product", /sanpham|ketqua/],
  ["content", /noidung|nhiemvu|congviec/],
  ["lead", /thuchien|^coquan|^donvi/],
];

/**
 * The role of each column, or null when the cells are not the header of a task table: one needs a
 * content column and a lead or deadline column, and no role but "other" twice.
 */
export function classifyHeader(cells: string[]): ColumnRole[] | null {
  if (cells.length < 3) return null;
  const roles = cells.map(roleOfHeader);
  // A scanned "STT" read as "s1", "ST", "R": a short unreadable first header before the content.
  if (roles[0] === "other" && !roles.includes("stt") && roles[1] === "content" && /^\S{1,3}$/.test(cells[0]!.trim()))
    roles[0] = "stt";
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
    .replace(/[*_#`|.:^]/g, " ")
    .split(/\s+|(?=[,/()-])|(?<=[,/()-])/)
    .filter(Boolean)
    .filter((w) => w.length > 1 || /[,/()-]/.test(w)); // a scanned rule read as "l", "d", "I"
  if (!words.length) return false;
  // Glued words ("phoihop") are split into known ones; a few short scraps of a scanned header
  // ("s1" for "STT") are forgiven when the rest clearly is one.
  const known = words.filter((w) => VOCABULARY.has(w) || splits(w));
  const scraps = words.length - known.length;
  return scraps === 0 || (scraps <= 2 && known.length >= 6 && words.every((w) => known.includes(w) || w.length <= 3));
}

function splits(w: string): boolean {
  if (w.length < 4) return false;
  const ok = new Array<boolean>(w.length + 1).fill(false);
  ok[0] = true;
  for (let i = 1; i <= w.length; i++)
    for (let j = Math.max(0, i - 6); j < i && !ok[i]; j++)
      if (ok[j] && i - j >= 2 && VOCABULARY.has(w.slice(j, i))) ok[i] = true;
  return ok[w.length]!;
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

/** A scrap a scan leaves among header words: a rule read as "/", ":", "|", a stray "H". */
export function isHeaderNoise(word: string): boolean {
  const t = word.trim();
  if (/^[IVX]{1,4}[.)]?$/.test(t)) return false; // a section's numeral: the line is no header
  if (/^[|¦/\\:;.,_—–\-[\]{}'"`^~]+$/.test(t)) return true;
  const f = foldVi(t).replace(/[^a-z0-9]/g, "");
  return f.length <= 2 && !VOCABULARY.has(f);
}
