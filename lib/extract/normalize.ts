// OCR text → paragraphs ("blocks") of clean text, each character of which remembers its offset in
// the original, so every span found later can be highlighted in what the user pasted.
// Cleaning: markdown marks (#, **, __) go, NFC composition, spaces collapsed; paragraphs split
// by a page break mid-sentence are joined again; illegible passages are set aside with their line.
// A task table (tables/find.ts) becomes one block of its own that carries the parsed table.
import { findTables, type ParsedTable } from "./tables/find";

export interface Block {
  /** Clean text; the lines of the paragraph are joined with "\n". */
  text: string;
  /** offs[i] = offset in the original text of text[i]. */
  offs: number[];
  /** 1-based line of the first line in the original text. */
  lineNo: number;
  start: number;
  end: number; // exclusive offset in the original
  /** Set on the block standing for a task table; its text is empty. */
  table?: ParsedTable;
}

export interface NormalizedText {
  blocks: Block[];
  illegible: { line: number; start: number; end: number }[];
  lineStarts: number[];
}

const ILLEGIBLE = /^\[[^\]]*(illegible|unreadable|không đọc được|không rõ|mờ)[^\]]*\]$/i;
const BRACKET_NOTE = /^\[[^\]]{1,60}\]$/; // "[Handwritten signature]", "[Stamp]"
const LIST_START =
  /^(?:Điều\s+\d{1,2}\s*[.:]|[IVXLC]+\s*[.)]|I[IVXLl1]{0,3}\s+(?=\p{Lu}\p{Lu})|\d{1,2}\s*[.)_](?!\d)|\(\d{1,2}\)|[a-zđ]\s*\)|[-+•–—*]\s)/u;

export interface Line {
  text: string;
  offs: number[];
}

export function cleanLine(src: string, base: number): Line {
  const chars: string[] = [];
  const offs: number[] = [];
  let i = 0;
  const hashes = /^\s*#{1,6}\s+/.exec(src);
  if (hashes) i = hashes[0].length;
  for (; i < src.length; i++) {
    let c = src[i] as string;
    if ((c === "*" || c === "_") && src[i + 1] === c) {
      let j = i;
      while (src[j] === c) j++;
      // "THÔNG BÁO**Ý KIẾN": a mark glued between two words stands for a break.
      const prev = chars[chars.length - 1];
      const next = src[j];
      if (prev && prev !== " " && next && next !== " " && /[\p{L}\d]/u.test(prev) && /[\p{L}\d]/u.test(next)) {
        chars.push(" ");
        offs.push(base + i);
      }
      i = j - 1;
      continue;
    }
    if (c === "\u00a0" || c === "\t" || c === "\u2007" || c === "\u202f") c = " ";
    const code = c.charCodeAt(0);
    if (code >= 0x300 && code <= 0x36f && chars.length) {
      const composed = ((chars[chars.length - 1] as string) + c).normalize("NFC");
      if (composed.length === 1) {
        chars[chars.length - 1] = composed;
        continue;
      }
    }
    if (c === " " && (chars.length === 0 || chars[chars.length - 1] === " ")) continue;
    chars.push(c);
    offs.push(base + i);
  }
  while (chars.length && chars[chars.length - 1] === " ") {
    chars.pop();
    offs.pop();
  }
  return { text: chars.join(""), offs };
}

function endsSentence(text: string): boolean {
  return /[.:;!?…)”"]\s*$|\.\/\.$/.test(text);
}

const isUpperLine = (s: string) => s === s.toUpperCase() && /\p{Lu}/u.test(s);
// Lines that open a paragraph of their own in any layout: the header's number and date line,
// the letter's address and subject, the distribution list, the signing formula, the closing
// formula ("UBND tỉnh thông báo để …").
const OWN_LINE =
  /^(?:Số\s*:|Kính gửi\b|V\/v\b|Về việc\b|Nơi nhận\b|(?:TL|KT|TM|Q|TUQ)\.\s|[^,\d.;:]{2,40},\s*ngày\b|(?:Thừa lệnh[^,]{0,60},\s*)?[^.;:]{2,80}\sthông báo để\s)/iu;
// Lines after which a new paragraph starts: the number, the place and date.
const ENDS_OWN_LINE = /^(?:Số\s*:|[^,\d.;:]{2,40},\s*ngày\b)/iu;

/**
 * How the lines of a text without blank lines between paragraphs (a paste from Word, a PDF) are
 * to be read: "lines" when each line is a paragraph, "wrapped" when long paragraphs were broken at
 * a fixed width (then a line well short of that width ends its paragraph); "gaps" when blank
 * lines separate the paragraphs, as in the OCR seeds.
 */
interface Layout {
  mode: "gaps" | "lines" | "wrapped";
  width: number;
}

function layoutOf(lines: string[], gaps: number): Layout {
  const nonEmpty = lines.filter((l) => l.trim());
  if (nonEmpty.length < 4 || gaps >= nonEmpty.length * 0.2) return { mode: "gaps", width: 0 };
  const long = nonEmpty
    .map((l) => l.trim().length)
    .filter((n) => n >= 40)
    .sort((a, b) => a - b);
  if (long.length < 4) return { mode: "lines", width: 0 };
  const width = long[Math.floor(long.length * 0.9)] ?? 0;
  const nearWidth = long.filter((n) => n >= width * 0.8).length;
  return width <= 130 && nearWidth >= long.length * 0.4 ? { mode: "wrapped", width } : { mode: "lines", width };
}

/** Whether a line that follows another with no blank line between them opens a new paragraph. */
function opensParagraph(prev: string, next: string, layout: Layout): boolean {
  if (LIST_START.test(next) || OWN_LINE.test(next) || ENDS_OWN_LINE.test(prev)) return true;
  if (layout.mode === "gaps") return false;
  const nextUpper = isUpperLine(next);
  if (isUpperLine(prev))
    return !nextUpper || /^(THÔNG BÁO|CÔNG ĐIỆN|KẾ HOẠCH|CHỈ THỊ|QUYẾT ĐỊNH|CÔNG VĂN)\b/u.test(next);
  if (nextUpper && next.length > 3) return true;
  if (!/^[\p{Lu}\d"“(]/u.test(next)) return false;
  if (layout.mode === "lines") return true;
  return prev.length < layout.width * 0.75 || (endsSentence(prev) && prev.length < layout.width * 0.9);
}

const COLUMN_RIGHT = /^(?:CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP|ĐẢNG CỘNG SẢN|[^,\d]{2,40},\s*ngày\b)/u;

function isColumnSplit(left: string, right: string): boolean {
  // "Nơi nhận:<tab>KT. CHỦ TỊCH", "- Như trên;<tab>PHÓ CHỦ TỊCH": the list beside the signature.
  const footer = /^(?:Nơi nhận|[-+•~])/u.test(left) && (isUpperLine(right) || /^(?:TL|KT|TM|Q|TUQ)\./u.test(right));
  if (footer) return true;
  if (LIST_START.test(left + " ")) return false; // "a)<tab>Sở Y tế:" is a marker and its text
  return COLUMN_RIGHT.test(right) || /^Số\s*:/iu.test(left) || (isUpperLine(left) && isUpperLine(right));
}

/** Whether the paragraph after a gap continues the previous one (a page break mid-sentence). */
function continues(prev: string, next: string): boolean {
  if (endsSentence(prev)) return false;
  if (LIST_START.test(next)) return false;
  const first = next.charAt(0);
  if (/\d/.test(first)) return /^\d{1,2}\/\d/.test(next); // "ngày\n\n11/10/2021 của Chính phủ"
  return /^\p{Ll}/u.test(first);
}

export function normalize(original: string): NormalizedText {
  const lineStarts: number[] = [0];
  for (let i = 0; i < original.length; i++) if (original.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const blocks: Block[] = [];
  const illegible: NormalizedText["illegible"] = [];
  let cur: Block | null = null;
  let pendingGap = false;
  let prevLine = "";
  const rawLines: string[] = [];
  let gaps = 0;
  const tables = findTables(original, lineStarts);
  const tableAt = new Map(tables.map((t) => [t.firstLine, t]));
  const inTable = new Uint8Array(lineStarts.length);
  for (const t of tables) inTable.fill(1, t.firstLine, t.lastLine + 1);
  for (let ln = 0; ln < lineStarts.length; ln++) {
    if (inTable[ln]) continue;
    const next = lineStarts[ln + 1];
    const l = original.slice(lineStarts[ln] as number, next === undefined ? original.length : next - 1);
    if (/^[\s*_#]*$/.test(l)) {
      if (rawLines.length && !/^[\s*_#]*$/.test(rawLines[rawLines.length - 1] ?? "")) gaps++;
    }
    rawLines.push(l);
  }
  const layout = layoutOf(rawLines, gaps);
  const segments: { ln: number; start: number; raw: string; table?: (typeof tables)[number] }[] = [];
  for (let ln = 0; ln < lineStarts.length; ln++) {
    const start = lineStarts[ln] as number;
    const table = tableAt.get(ln);
    if (table) segments.push({ ln, start, raw: "", table });
    if (inTable[ln]) continue;
    const next = lineStarts[ln + 1];
    const end = next === undefined ? original.length : next - 1;
    const raw = original.slice(start, end).replace(/\r$/, "");
    // A two-column header pasted from Word: "ỦY BAN NHÂN DÂN<tab>CỘNG HÒA XÃ HỘI…",
    // "Số: 12/TB-UBND<tab><tab>Nghệ An, ngày …": each column is a line of its own.
    const gap = raw.length < 300 ? /\S(\t+|[ \t]{4,})(?=\S)/.exec(raw) : null;
    const left = gap ? raw.slice(0, gap.index + 1) : "";
    const right = gap ? raw.slice(gap.index + 1 + gap[1]!.length) : "";
    if (gap && isColumnSplit(left.trim(), right.trim())) {
      segments.push({ ln, start, raw: left });
      segments.push({ ln, start: start + left.length + gap[1]!.length, raw: right });
    } else segments.push({ ln, start, raw });
  }
  for (const { ln, start, raw, table } of segments) {
    if (table) {
      if (cur) blocks.push(cur);
      blocks.push({ text: "", offs: [], lineNo: ln + 1, start: table.start, end: table.end, table: table.table });
      cur = null;
      pendingGap = false;
      prevLine = "";
      continue;
    }
    const line = cleanLine(raw, start);
    const t = line.text;
    if (!t || /^[*_#\s]*$/.test(t)) {
      if (cur) pendingGap = true;
      continue;
    }
    if (ILLEGIBLE.test(t)) {
      illegible.push({ line: ln + 1, start, end: start + raw.length });
      if (cur) pendingGap = true;
      continue;
    }
    if (BRACKET_NOTE.test(t)) {
      if (cur) pendingGap = true;
      continue;
    }
    const joins = cur && (pendingGap ? continues(cur.text, t) : !opensParagraph(prevLine, t, layout));
    prevLine = t;
    if (cur && joins) {
      const joinOff = start - 1;
      cur.text += pendingGap ? " " : "\n";
      cur.offs.push(joinOff);
      cur.text += t;
      for (const o of line.offs) cur.offs.push(o);
      cur.end = (line.offs[line.offs.length - 1] ?? start) + 1;
    } else {
      if (cur) blocks.push(cur);
      cur = {
        text: t,
        offs: line.offs,
        lineNo: ln + 1,
        start: line.offs[0] ?? start,
        end: (line.offs[line.offs.length - 1] ?? start) + 1,
      };
    }
    pendingGap = false;
  }
  if (cur) blocks.push(cur);
  return { blocks, illegible, lineStarts };
}

/** 1-based line of an original offset. */
export function lineOf(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Original [start, end) of the clean slice [from, to) of a block. */
export function originalSpan(block: Block, from: number, to: number): { start: number; end: number } {
  const last = Math.max(from, to - 1);
  return { start: block.offs[from] ?? block.start, end: (block.offs[last] ?? block.end - 1) + 1 };
}

export { LIST_START };
