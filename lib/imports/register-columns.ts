import type { AssignmentState } from "@/lib/assignments/state";
import { foldVi } from "@/lib/deadlines/fold";
import type { NOTICE_KINDS } from "@/lib/notices/draft";
import { matchHeaders, type ColumnSpec } from "@/lib/registry-io/columns";
import { fromDayNumber, isRealDay, parseTypedDay, type IsoDate } from "@/lib/time/calendar";

// The register of directives a province kept in Excel before the app (sổ theo dõi): the fields a
// column may hold, the headers each is recognised by, and how its cells read (dates written
// dd/mm/yyyy or stored as Excel's day numbers, the words for a task's state). Pure data and
// functions: the page, the planner and the template read them from here.

export type RegisterField =
  "number" | "date" | "title" | "content" | "lead" | "support" | "deadline" | "state" | "completedOn";

export const REGISTER_COLUMNS: readonly ColumnSpec<RegisterField>[] = [
  {
    key: "number",
    header: "Số thông báo",
    aliases: ["Số", "Số TB", "Số văn bản", "Số hiệu", "Số ký hiệu", "Số, ký hiệu", "Số hiệu văn bản", "Số kí hiệu"],
    required: true,
  },
  {
    key: "date",
    header: "Ngày",
    aliases: ["Ngày thông báo", "Ngày ban hành", "Ngày văn bản", "Ngày ký", "Ngày tháng", "Ngày, tháng"],
  },
  { key: "title", header: "Trích yếu", aliases: ["Trích yếu nội dung", "Về việc", "Tên văn bản"] },
  {
    key: "content",
    header: "Nội dung",
    aliases: ["Nội dung nhiệm vụ", "Nội dung chỉ đạo", "Nội dung kết luận", "Nhiệm vụ", "Nội dung công việc"],
    required: true,
  },
  {
    key: "lead",
    header: "Chủ trì",
    aliases: ["Cơ quan chủ trì", "Đơn vị chủ trì", "Cơ quan thực hiện", "Đơn vị thực hiện", "Cơ quan, đơn vị chủ trì"],
    required: true,
  },
  { key: "support", header: "Phối hợp", aliases: ["Cơ quan phối hợp", "Đơn vị phối hợp", "Cơ quan, đơn vị phối hợp"] },
  {
    key: "deadline",
    header: "Thời hạn",
    aliases: ["Thời hạn hoàn thành", "Thời gian hoàn thành", "Hạn hoàn thành", "Hạn xử lý", "Hạn"],
  },
  {
    key: "state",
    header: "Tình trạng",
    aliases: ["Trạng thái", "Tình hình thực hiện", "Kết quả thực hiện", "Tiến độ", "Tiến độ thực hiện"],
  },
  { key: "completedOn", header: "Ngày hoàn thành", aliases: ["Ngày hoàn thành thực tế", "Hoàn thành ngày"] },
];

export const REGISTER_FIELDS = REGISTER_COLUMNS.map((c) => c.key);
export const FIELD_LABELS = Object.fromEntries(REGISTER_COLUMNS.map((c) => [c.key, c.header])) as Record<
  RegisterField,
  string
>;

/** Which field each column of the header row holds, guessed from its words ("" = not used). */
export function guessMapping(headers: readonly string[]): (RegisterField | "")[] {
  const { positions } = matchHeaders(headers, REGISTER_COLUMNS);
  const out: (RegisterField | "")[] = headers.map(() => "");
  for (const [key, index] of Object.entries(positions) as [RegisterField, number][]) out[index] = key;
  return out;
}

/** How many fields a row of cells names: the header row is the one that names the most. */
export function fieldsNamed(cells: readonly string[]): number {
  return guessMapping(cells).filter(Boolean).length;
}

/** The position of the header row among the first rows: the one naming the most fields (the first if none does). */
export function headerRowIndex(rows: readonly { cells: readonly string[] }[]): number {
  let best = 0;
  let bestCount = 0;
  for (let i = 0; i < Math.min(10, rows.length); i++) {
    const n = fieldsNamed(rows[i]!.cells);
    if (n > bestCount) [best, bestCount] = [i, n];
  }
  return best;
}

/** Excel's day 0 is 30/12/1899: its day numbers count from there (day 25569 is 01/01/1970). */
const EXCEL_UNIX_EPOCH = 25_569;

/**
 * A date cell: "30/5/2021", "30-05-2021", "2021-05-30", or a day number Excel kept when the cell
 * was formatted as a number (44346 is 30/05/2021). Null when it is no real day.
 */
export function readCellDate(cell: string): IsoDate | null {
  const text = cell.trim();
  if (!text) return null;
  const serial = /^(\d{5})(?:\.\d+)?$/.exec(text);
  if (serial) {
    const n = Number(serial[1]);
    return n >= 20_000 && n <= 80_000 ? fromDayNumber(n - EXCEL_UNIX_EPOCH) : null;
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return isRealDay(text) ? text : null;
  return parseTypedDay(text.replace(/^ngày\s+/iu, ""));
}

/** A deadline cell as the deadline parser reads it: an Excel day number becomes dd/mm/yyyy. */
export function deadlineCellText(cell: string): string {
  const day = /^\d{5}(?:\.\d+)?$/.test(cell.trim()) ? readCellDate(cell) : null;
  if (!day) return cell.trim();
  const [y, m, d] = day.split("-");
  return `${d}/${m}/${y}`;
}

/** "875/TB-VPUBND ngày 30/5/2021" in one cell: the number, and the date written after it. */
export function splitNumberAndDate(cell: string): { number: string; date: IsoDate | null } {
  const m = /^(.*?)[\s,;]*(?:ngày\s*)?(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})\s*$/iu.exec(cell.trim());
  if (!m || !m[1]) return { number: cell.trim(), date: null };
  return { number: m[1].replace(/[\s,;]+$/u, ""), date: parseTypedDay(m[2]!) };
}

type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The kind of document a number names: "875/TB-VPUBND" a Thông báo, "15-CV/BCĐ" a Công văn; TB otherwise. */
export function kindOfNumber(number: string): NoticeKind {
  const m = /(?:^|[/-])(TB|CV|KH|CĐ|CD|QĐ|QD|CT)(?=[-/]|$)/u.exec(number.toUpperCase());
  const k = m?.[1]?.replace("Đ", "D");
  return k === "CV" || k === "KH" || k === "CD" || k === "QD" || k === "CT" ? k : "TB";
}

const key = (s: string) =>
  foldVi(s.normalize("NFC"))
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

const STATE_WORDS = new Map<string, AssignmentState>();
for (const [words, state] of [
  [
    [
      "đã hoàn thành",
      "hoàn thành",
      "hoàn thành đúng hạn",
      "hoàn thành quá hạn",
      "hoàn thành trễ hạn",
      "đã xong",
      "xong",
    ],
    "completed",
  ],
  [
    [
      "đang thực hiện",
      "đang triển khai",
      "đang tổ chức thực hiện",
      "đang làm",
      "chưa hoàn thành",
      "quá hạn",
      "trong hạn",
      "đang thực hiện trong hạn",
    ],
    "in_progress",
  ],
  [["chưa thực hiện", "chưa triển khai", "chưa bắt đầu", "mới giao"], "not_started"],
] as const)
  for (const w of words) STATE_WORDS.set(key(w), state);

/** A state cell: the app's state, undefined when empty, null when it says none of the known words. */
export function readState(cell: string): AssignmentState | null | undefined {
  const k = key(cell);
  if (!k) return undefined;
  return STATE_WORDS.get(k) ?? null;
}

export const STATE_CHOICES_TEXT = "“Đã hoàn thành”, “Đang thực hiện” hoặc “Chưa thực hiện”";
