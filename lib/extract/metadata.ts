// The notice's own data: kind, number, issuer, place and date, title, meeting, chair, signature,
// distribution list and the documents it cites; plus where the directives start and end.
import type { DraftNotice } from "@/lib/notices/draft";
import { isValidYmd, ymd } from "@/lib/deadlines/calendar";
import { findDates } from "@/lib/deadlines/dates";
import { foldVi } from "@/lib/deadlines/fold";
import { markerOf } from "./structure";
import type { Block } from "./normalize";

export type Kind = DraftNotice["kind"];

export interface Layout {
  titleIdx: number; // block holding the title (may be the kind block)
  bodyStart: number; // first block of the directives
  bodyEnd: number; // first block after them (closing formula, Nơi nhận, signature)
}

export interface MetaIssue {
  message: string;
  at: number | null;
} // at: original offset

const KIND_WORDS: [RegExp, Kind][] = [
  [/^thong bao\b/, "TB"],
  [/^cong van\b/, "CV"],
  [/^chi thi\b/, "CT"],
  [/^quyet dinh\b/, "QD"],
  [/^ke hoach\b/, "KH"],
  [/^cong dien\b/, "CD"],
];
const CODE_KIND: Record<string, Kind> = { tb: "TB", cv: "CV", ct: "CT", qd: "QD", kh: "KH", cd: "CD" };
const NATIONAL = /^(cong hoa xa hoi|doc lap|dang cong san viet nam$|dang$)/;
const NAME = String.raw`(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,3})`;
const isUpper = (s: string) => s === s.toUpperCase() && /\p{Lu}/u.test(s);
const lines = (b: Block) => b.text.split("\n");

function kindOfBlock(b: Block): Kind | null {
  const first = lines(b)[0] ?? "";
  const f = foldVi(first);
  for (const [re, k] of KIND_WORDS) if (re.test(f) && isUpper(first.slice(0, 8))) return k;
  return null;
}

export function isClosing(b: Block): boolean {
  const f = foldVi(b.text);
  return (
    /^noi nhan\b/.test(f) ||
    /\bthong bao (?:de|cho)\b/.test(f) ||
    /\.\/\.\s*$/.test(b.text) ||
    (/^kinh gui\b/.test(f) && false)
  );
}

/**
 * "Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở … nghiêm túc thực hiện Chỉ thị này." right before
 * "Nơi nhận": the closing request, even when a scan lost its "./.".
 */
function isClosingRequest(b: Block, next: Block | undefined): boolean {
  if (!next || !/^noi nhan\b/.test(foldVi(next.text))) return false;
  const f = foldVi(b.text.replace(/\n/g, " ")).trim();
  return (
    f.length < 400 &&
    /^(?:(?:chu tich )?(?:ubnd|uy ban nhan dan) tinh|yeu cau|de nghi|ban chi dao|van phong|truong ban|tren day)\b/.test(
      f,
    ) &&
    /\b(?:thuc hien|thi hanh)\b[^.;]{0,40}\.?\s*$/.test(f)
  );
}

const isSignatureLike = (b: Block) => lines(b).every((l) => isUpper(l) || /^(TL|KT|TM|Q|TUQ)\./.test(l));

export function findLayout(blocks: Block[]): Layout {
  let kindIdx = blocks.findIndex((b, i) => i < 15 && kindOfBlock(b) !== null);
  const vv = blocks.findIndex((b, i) => i < 15 && /^v\/v\b/i.test(b.text));
  let titleIdx = kindIdx >= 0 ? kindIdx : vv;
  if (kindIdx >= 0) {
    const rest = blocks[kindIdx]!.text.replace(/^\S+\s+\S+\s*/, "").trim();
    if (!rest && blocks[kindIdx + 1]) titleIdx = kindIdx + 1;
  } else kindIdx = vv;
  const after = Math.max(titleIdx, 0) + 1;
  let bodyEnd = blocks.findIndex((b, i) => i >= after && (isClosing(b) || isClosingRequest(b, blocks[i + 1])));
  if (bodyEnd < 0) {
    bodyEnd = blocks.length;
    while (bodyEnd > after && isSignatureLike(blocks[bodyEnd - 1]!)) bodyEnd--;
  }
  let bodyStart = blocks.findIndex(
    (b, i) =>
      i >= after &&
      i < bodyEnd &&
      (b.table !== undefined || ["article", "roman", "num", "paren", "letter"].includes(markerOf(b.text).type)),
  );
  // "Về tình hình dịch bệnh:" right before the first item: a section lead-in, part of the body.
  if (
    bodyStart > after &&
    /^(?:ve|doi voi|danh gia|tinh hinh|ket qua)\s.{0,80}:\s*$/.test(foldVi(blocks[bodyStart - 1]!.text))
  )
    bodyStart--;
  if (bodyStart < 0) {
    const leadIn = blocks.findIndex((b, i) => i >= after && i < bodyEnd && /:\s*$/.test(b.text));
    bodyStart = leadIn >= 0 ? leadIn + 1 : Math.min(after + 1, bodyEnd);
  }
  return { titleIdx, bodyStart, bodyEnd };
}

/** Where the header's lines may be: past the title, and in a letter read column by column (the
 *  place and date after "V/v …"), up to the body. */
const headEnd = (layout: Layout) => Math.max(Math.max(layout.titleIdx, 0) + 3, Math.min(layout.bodyStart, 12));

export function readNumber(
  blocks: Block[],
  layout: Layout,
): { number: string | null; code: string | null; at: number | null; present: boolean } {
  const top = blocks.slice(0, headEnd(layout));
  for (const b of top) {
    const ls = lines(b);
    for (let i = 0; i < ls.length; i++) {
      const m = /^Số\s*:?\s*(.*)$/i.exec(ls[i]!);
      if (!m || /^số\s+\d+\s*(người|ca)/i.test(ls[i]!)) continue;
      const raw = (m[1] ?? "").replace(/\s+/g, "");
      const n = /^(\d+)?([-/].*)?$/.exec(raw);
      const digits = n?.[1] ?? null;
      const code = (n?.[2] ?? "").replace(/^[-/]/, "") || null;
      const at = b.offs[b.text.indexOf(ls[i]!)] ?? b.start;
      return { number: digits ? raw : null, code, at, present: true };
    }
  }
  return { number: null, code: null, at: null, present: false };
}

export function kindOf(blocks: Block[], layout: Layout, code: string | null): Kind {
  const fromCode = code ? /^([a-z]{2})\b/.exec(foldVi(code))?.[1] : undefined;
  if (fromCode && CODE_KIND[fromCode]) return CODE_KIND[fromCode]!;
  for (const b of blocks.slice(0, Math.max(layout.titleIdx, 0) + 1)) {
    const k = kindOfBlock(b);
    if (k) return k;
  }
  return blocks.slice(0, 15).some((b) => /^v\/v\b/i.test(b.text)) ? "CV" : "TB";
}

export interface IssueDate {
  place: string | null;
  issuedOn: string | null;
  precision: DraftNotice["issuedPrecision"];
  at: number | null;
  problem: string | null;
}

export function readIssueDate(blocks: Block[], layout: Layout): IssueDate {
  for (const b of blocks.slice(0, headEnd(layout))) {
    for (const l of lines(b)) {
      const m = /^([^,\d]{2,40}),\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})?/iu.exec(l);
      if (!m) continue;
      const at = b.offs[b.text.indexOf(l)] ?? b.start;
      const place = (m[1] ?? "").trim() || null;
      const [d, mo, y] = [m[2], m[3], m[4]].map((x) => (x ? Number(x) : null));
      if (y && mo && d) {
        if (!isValidYmd(y, mo, d))
          return {
            place,
            issuedOn: null,
            precision: "unknown",
            at,
            problem: `Ngày ban hành ${d}/${mo}/${y} không tồn tại`,
          };
        return { place, issuedOn: ymd(y, mo, d), precision: "day", at, problem: null };
      }
      const blank = "Ngày ban hành để trống" + (y ? ` (chỉ ghi ${mo ? `tháng ${mo} ` : ""}năm ${y})` : "");
      if (y && mo && mo >= 1 && mo <= 12)
        return { place, issuedOn: ymd(y, mo, 1), precision: "month", at, problem: blank };
      if (y) return { place, issuedOn: ymd(y, 1, 1), precision: "year", at, problem: blank };
      return { place, issuedOn: null, precision: "unknown", at, problem: blank };
    }
  }
  return { place: null, issuedOn: null, precision: "unknown", at: null, problem: "Không tìm thấy ngày ban hành" };
}

export function readTitle(blocks: Block[], layout: Layout): string | null {
  const b = blocks[layout.titleIdx];
  if (!b) return null;
  let t = b.text.replace(/\n/g, " ");
  if (kindOfBlock(b)) t = t.replace(/^\S+\s+\S+\s*/, "");
  return t.trim() || null;
}

export function readMeeting(
  blocks: Block[],
  layout: Layout,
  year: number | null,
): { meetingOn: string | null; chair: string | null } {
  const title = blocks[layout.titleIdx]?.text.replace(/\n/g, " ") ?? "";
  const intro = blocks.slice(layout.titleIdx + 1, layout.bodyStart).map((b) => b.text.replace(/\n/g, " "));
  let meetingOn: string | null = null;
  for (const t of [...intro, title]) {
    const f = foldVi(t);
    if (!/\b(hop|hoi nghi|giao ban|lam viec)\b/.test(f)) continue;
    const d = findDates(f, year).find((x) => x.reading.ok);
    if (d && d.reading.ok) {
      meetingOn = d.reading.date;
      break;
    }
  }
  let chair: string | null = null;
  const byName = new RegExp(String.raw`[Kk]ết luận của (?:đồng chí\s+)?` + NAME, "u").exec(title);
  if (byName) chair = byName[1] ?? null;
  if (!chair) {
    const role =
      /kết luận của\s+((?:Phó\s+)?(?:Chủ tịch UBND tỉnh|Bí thư Tỉnh ủy|Trưởng Ban Chỉ đạo[^,]*?tỉnh))/iu.exec(
        title,
      )?.[1];
    if (role) {
      const re = new RegExp(role.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + String.raw`\s+` + NAME, "u");
      for (const t of intro) {
        const m = re.exec(t);
        if (m) {
          chair = m[1] ?? null;
          break;
        }
      }
      chair ??= role;
    }
  }
  if (!chair) {
    for (const t of intro) {
      const m = new RegExp(String.raw`đồng chí\s+` + NAME + String.raw`[^.;]{0,160}?(?:chủ trì|kết luận)`, "u").exec(t);
      if (m) {
        chair = m[1] ?? null;
        break;
      }
    }
  }
  if (!chair) {
    const of = /(?:ý kiến chỉ đạo|kết luận) của\s+(.+?)(?:,|\s+về\s+|\s+tại\s+|$)/iu.exec(title)?.[1];
    if (of) chair = isUpper(of) ? sentenceCase(of) : of;
  }
  return { meetingOn, chair: chair?.trim() || null };
}

/** "BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19 TỈNH" → "Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh". */
export function sentenceCase(s: string): string {
  const lower = s.toLocaleLowerCase("vi");
  return (lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1))
    .replace(/covid-19/g, "COVID-19")
    .replace(/\bubnd\b/g, "UBND")
    .replace(/\bhđnd\b/g, "HĐND")
    .replace(/ban chỉ đạo/gi, "Ban Chỉ đạo")
    .replace(/tỉnh ủy|tỉnh uỷ/gi, "Tỉnh ủy")
    .replace(/ủy ban nhân dân/gi, "UBND")
    .replace(/văn phòng/gi, "Văn phòng")
    .replace(/thường trực/gi, "Thường trực");
}

export const titleCaseWords = (s: string) =>
  s.toLocaleLowerCase("vi").replace(/(^|\s)(\p{Ll})/gu, (_, sp: string, c: string) => sp + c.toLocaleUpperCase("vi"));

export function readIssuer(blocks: Block[], layout: Layout, code: string | null, province: string | null): string {
  const P = province ? ` ${province}` : "";
  for (const b of blocks.slice(0, Math.max(layout.titleIdx, 0))) {
    if (kindOfBlock(b)) continue;
    const ls = lines(b).filter((l) => isUpper(l) && !NATIONAL.test(foldVi(l)) && !/^SỐ\s*:/.test(l));
    if (!ls.length) continue;
    const parentRe =
      /^(TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|UBND TỈNH|ỦY BAN NHÂN DÂN TỈNH|UỶ BAN NHÂN DÂN TỈNH|UBND THÀNH PHỐ|ỦY BAN NHÂN DÂN THÀNH PHỐ|UỶ BAN NHÂN DÂN THÀNH PHỐ)\s+(.+)$/u;
    const whole =
      /^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ)\s+(TỈNH|THÀNH PHỐ)\s+(.+)$/u.exec(
        ls
          .join(" ")
          .replace(/^(TỈNH ỦY|TỈNH UỶ)\s+/u, "$1 TỈNH ")
          .replace(/^(THÀNH ỦY|THÀNH UỶ)\s+/u, "$1 THÀNH PHỐ "),
      );
    if (whole && ls.length <= 2 && !/BAN|SỞ|VĂN PHÒNG/u.test(whole[3]!)) {
      const level = whole[2] === "TỈNH" ? "tỉnh" : "thành phố";
      const body = /^(TỈNH|THÀNH) (ỦY|UỶ)/u.test(whole[1]!)
        ? level === "tỉnh"
          ? "Tỉnh ủy"
          : "Thành ủy"
        : `UBND ${level}`;
      return `${body} ${titleCaseWords(whole[3]!)}`;
    }
    const parent = parentRe.exec(ls[0]!);
    const body = (parent ? ls.slice(1) : ls).join(" ").replace(/\s+/g, " ").trim();
    const level = parent && /THÀNH PHỐ|THÀNH ỦY|THÀNH UỶ/u.test(parent[1]!) ? "thành phố" : "tỉnh";
    const place = parent ? titleCaseWords(parent[2]!) : province;
    if (!body && parent) return `${sentenceCase(parent[1]!)} ${place}`;
    if (body) {
      const name = sentenceCase(body);
      // "UBND TỈNH NGHỆ AN / VĂN PHÒNG": the office of that UBND.
      if (/^Văn phòng$/u.test(name) && parent)
        return `Văn phòng ${/^(TỈNH|THÀNH) (ỦY|UỶ)/u.test(parent[1]!) ? (level === "tỉnh" ? "Tỉnh ủy" : "Thành ủy") : "UBND"} ${level} ${place}`;
      if (/\b(tỉnh|thành phố)$/u.test(name) && place) return `${name} ${place}`;
      // "UBND TỈNH THANH HÓA / BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19": the committee of that level.
      if (/^Ban Chỉ đạo\b/u.test(name) && place) return `${name} ${level} ${place}`;
      return name;
    }
  }
  const c = code ? foldVi(code) : "";
  if (/vpubnd|vp-ubnd/.test(c)) return `Văn phòng UBND tỉnh${P}`;
  if (/ubnd/.test(c)) return `UBND tỉnh${P}`;
  if (/bcd/.test(c)) return `Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh${P}`;
  if (/\btu\b/.test(c)) return `Tỉnh ủy${P}`;
  const closing =
    blocks
      .slice(layout.bodyEnd)
      .map((b) => foldVi(b.text))
      .find((f) => /thong bao (de|cho)/.test(f)) ?? "";
  if (/^(thua lenh chu tich ubnd tinh, )?van phong ubnd tinh thong bao/.test(closing) && !/ubnd/.test(c))
    return `Văn phòng UBND tỉnh${P}`;
  if (/^ubnd tinh thong bao/.test(closing)) return `UBND tỉnh${P}`;
  const title = foldVi(blocks[layout.titleIdx]?.text ?? "");
  if (/cua thuong truc tinh uy|tinh uy/.test(title) && !/ubnd tinh/.test(title)) return `Tỉnh ủy${P}`;
  return `UBND tỉnh${P}`;
}

export function readFooter(
  blocks: Block[],
  layout: Layout,
): { recipients: string[]; signer: string | null; signingFormula: string | null } {
  const foot = blocks.slice(layout.bodyEnd);
  const recipients: string[] = [];
  const formula: string[] = [];
  let signer: string | null = null;
  let inList = false;
  let sawList = false; // a scan read row by row mixes the list with the signing formula beside it
  for (const b of foot) {
    if (b.table) continue;
    if (/^PHỤ LỤC\b/iu.test(b.text)) break; // an appendix after the signature
    for (const raw of lines(b)) {
      const l = raw.trim();
      if (/^nơi nhận\s*:?/i.test(l)) {
        inList = true;
        sawList = true;
        continue;
      }
      const isFormula = /^(TL|KT|TM|Q|TUQ)\.\s/.test(l) || (isUpper(l) && !NATIONAL.test(foldVi(l)));
      if ((inList || sawList) && /^[-+•]/.test(l)) {
        recipients.push(cleanRecipient(l.replace(/^[-+•]\s*/, "")));
        continue;
      }
      if (inList && !isFormula && recipients.length && /^\p{Ll}/u.test(l)) {
        recipients[recipients.length - 1] = cleanRecipient(`${recipients[recipients.length - 1]}, ${l}`);
        continue;
      }
      if (isFormula) {
        inList = false;
        if (!/^(TỈNH ỦY|TỈNH UỶ|ỦY BAN NHÂN DÂN|UBND)\s/.test(l) || formula.length) formula.push(l);
        continue;
      }
      const name = new RegExp(`^${NAME}$`, "u").exec(l);
      if (name && (!inList || formula.length > 0)) signer = name[1] ?? null;
    }
  }
  return {
    recipients: recipients.filter(Boolean),
    signer,
    signingFormula: formula.length && signer ? formula.join("\n") : formula.length ? formula.join("\n") : null,
  };
}

function cleanRecipient(s: string): string {
  return s
    .replace(/\s*\}\s*(\(để b\/c\))?/g, " ")
    .replace(/,\s*,/g, ",")
    .replace(/[\s;,.]+$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

const DOC = String.raw`(Chỉ thị|Nghị quyết|Thông báo|Quyết định|Công văn|Kế hoạch|Công điện|Nghị định|Thông tư|Hướng dẫn)\s+(?:số\s+)?(\d+[\p{L}\d]*(?:[-/][\p{L}\d&.]+)*\/[\p{L}\d&.-]*[\p{L}\d])(?:\s+ngày\s+(\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?`;

export function readCitations(blocks: Block[], layout: Layout, ownNumber: string | null): string[] {
  const re = new RegExp(DOC, "gu");
  const seen = new Map<string, string>();
  for (const b of blocks.slice(layout.titleIdx + 1, layout.bodyEnd)) {
    const t = b.text.replace(/\n/g, " ");
    for (let m = re.exec(t); m; m = re.exec(t)) {
      const num = m[2]!;
      if (ownNumber && num.replace(/\s/g, "") === ownNumber) continue;
      const text = `${m[1]} số ${num}${m[3] ? ` ngày ${m[3]}` : ""}`;
      const prev = seen.get(num);
      if (!prev || (!prev.includes(" ngày ") && m[3])) seen.set(num, text);
    }
  }
  return [...seen.values()];
}
