// A corpus notice's text → the blocks of a printed page, for rendering it as a Word file, a PDF
// or a scan: the two-column header, the centred kind and title, paragraphs, task tables (read with
// the extractor's own table finder, so both sides agree on what a table is), the Nơi nhận |
// signature block and the appendix after a page break.
import { findTables } from "@/lib/extract/tables/find";

export type Block =
  | { type: "header"; left: string[]; right: string[]; mark: string | null }
  | { type: "center"; text: string; bold: boolean; italic?: boolean }
  | { type: "para"; text: string; bold: boolean; indent: boolean }
  | { type: "table"; header: string[]; rows: { group: boolean; cells: string[] }[] }
  | { type: "footer"; left: string[]; right: string[] }
  | { type: "pagebreak" };

const clean = (l: string) =>
  l
    .replace(/\*\*/g, "")
    .replace(/^\s*#{1,6}\s+/, "")
    .replace(/^\*(.+)\*$/, "$1")
    .trim();

const KIND = /^(THÔNG BÁO|KẾ HOẠCH|QUYẾT ĐỊNH|CHỈ THỊ|CÔNG ĐIỆN)$/u;
const isUpper = (s: string) => /\p{Lu}/u.test(s) && s === s.toUpperCase();

export function modelOf(text: string): Block[] {
  const lines = text.split("\n");
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  const tables = findTables(text, starts);
  const out: Block[] = [];
  const header: Block & { type: "header" } = { type: "header", left: [], right: [], mark: null };
  let phase: "head" | "title" | "body" | "footer" | "appendix" = "head";
  let footer: (Block & { type: "footer" }) | null = null;
  let titleLines = 0;
  for (let ln = 0; ln < lines.length; ln++) {
    const table = tables.find((t) => t.firstLine === ln);
    if (table) {
      const t = table.table;
      out.push({
        type: "table",
        header: t.header,
        rows: t.rows.map((r) => ({ group: r.kind === "group", cells: r.cells.map((c) => c.text) })),
      });
      ln = table.lastLine;
      continue;
    }
    const raw = lines[ln]!;
    const l = clean(raw);
    if (!l || /^\[[^\]]*\]$/.test(l)) continue;
    if (phase === "head") {
      if (/^(HỎA TỐC|HOẢ TỐC|KHẨN|THƯỢNG KHẨN)$/u.test(l)) header.mark = l;
      else if (KIND.test(l)) {
        out.push(header, { type: "center", text: l, bold: true });
        phase = "title";
      } else if (/^V\/v\b/.test(l)) {
        header.left.push(l);
        out.push(header);
        phase = "body";
      } else if (raw.includes("\t")) {
        const [a, b] = raw.split(/\t+/).map(clean);
        if (a) header.left.push(a);
        if (b) header.right.push(b);
      } else if (/^(CỘNG HÒA|Độc lập|ĐẢNG CỘNG SẢN)/u.test(l) || /, ngày/.test(l)) header.right.push(l);
      else header.left.push(l);
      continue;
    }
    if (/^PHỤ LỤC\b/u.test(l)) {
      if (footer) out.push(footer);
      footer = null;
      out.push({ type: "pagebreak" }, { type: "center", text: l, bold: true });
      phase = "appendix";
      continue;
    }
    if (phase === "title") {
      // The title, then the issuer's line of a Quyết định ("CHỦ TỊCH UBND TỈNH …", "QUYẾT ĐỊNH:").
      if (titleLines === 0 || isUpper(l)) {
        out.push({ type: "center", text: l, bold: true });
        titleLines++;
        continue;
      }
      phase = "body";
    }
    if (phase === "appendix") {
      const centred = isUpper(l) || /^\(Kèm theo/u.test(l);
      out.push(
        centred
          ? { type: "center", text: l, bold: isUpper(l), italic: !isUpper(l) }
          : { type: "para", text: l, bold: false, indent: true },
      );
      continue;
    }
    if (/^Nơi nhận/u.test(l)) {
      phase = "footer";
      footer = { type: "footer", left: [l], right: [] };
      continue;
    }
    if (phase === "footer" && footer) {
      if (/^[-+•]/.test(l) || /^\p{Ll}/u.test(l)) footer.left.push(l);
      else footer.right.push(l);
      continue;
    }
    const heading = isUpper(l) || /^(?:[IVX]+\.|Điều \d+\.)/u.test(l) || /^\d+\.\s.{0,60}:$/.test(l);
    if (/điện:$/u.test(l)) out.push({ type: "center", text: l, bold: true });
    else out.push({ type: "para", text: l, bold: heading, indent: !/^[-+]/.test(l) });
  }
  if (footer) out.push(footer);
  if (phase === "head") out.unshift(header);
  return out;
}
