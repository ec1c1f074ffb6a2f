// A Word notice (.docx) → the text the extractor reads: paragraphs with their automatic numbers,
// and tables read cell by cell. A task table ("STT | Nội dung | Cơ quan chủ trì | …", found by its
// header words) becomes a markdown pipe table, one line per row, merged cells spread over their
// columns; any other table (the two-column header, the Nơi nhận | signature block) is read as
// its cells' paragraphs, one after the other, as a reader's eye goes.
import { classifyHeader } from "@/lib/extract/tables/header";
import { Numbering } from "./numbering";
import { attr, child, docxParts, kids, parseXml, tagOf, textNode, type XNode } from "./xml";

const DOCUMENT = "word/document.xml";
const NUMBERING = "word/numbering.xml";

interface Cell {
  paragraphs: string[];
  span: number;
  merge: "restart" | "continue" | null;
}

/** The text of a run container (paragraph, hyperlink, inserted text…), deleted text left out. */
function runText(n: XNode): string {
  let out = "";
  for (const c of kids(n)) {
    const t = tagOf(c);
    if (t === "w:t") out += kids(c).map(textNode).join("");
    else if (t === "w:tab" || t === "w:ptab") out += "\t";
    else if (t === "w:br" || t === "w:cr") out += "\n";
    else if (t === "w:noBreakHyphen") out += "-";
    else if (t === "w:sym") out += "-";
    else if (t === "w:del" || t === "w:delText" || t === "w:instrText" || t === "w:pPr" || t === "w:rPr") continue;
    else if (t !== "#text") out += runText(c);
  }
  return out;
}

class Reader {
  constructor(private numbering: Numbering) {}

  paragraph(p: XNode): string {
    const numPr = child(child(p, "w:pPr") ?? {}, "w:numPr");
    const label = numPr
      ? this.numbering.next(
          attr(child(numPr, "w:numId") ?? {}, "w:val") ?? "",
          Number(attr(child(numPr, "w:ilvl") ?? {}, "w:val") ?? 0),
        )
      : "";
    const text = runText(p)
      .replace(/[ \u00a0]+/g, " ")
      .trim();
    return label && text ? `${label} ${text}` : text;
  }

  /** Body-level blocks: paragraphs and tables, content controls opened. */
  blocks(nodes: XNode[], out: string[]): void {
    for (const n of nodes) {
      const t = tagOf(n);
      if (t === "w:p") out.push(this.paragraph(n));
      else if (t === "w:tbl") out.push(...this.table(n));
      else if (t === "w:sdt") this.blocks(kids(child(n, "w:sdtContent") ?? {}), out);
    }
  }

  cell(tc: XNode): Cell {
    const pr = child(tc, "w:tcPr");
    const span = Number(attr(child(pr ?? {}, "w:gridSpan") ?? {}, "w:val") ?? 1) || 1;
    const vm = pr ? child(pr, "w:vMerge") : undefined;
    const paragraphs: string[] = [];
    this.blocks(kids(tc), paragraphs);
    return {
      paragraphs: paragraphs.filter((p) => p.trim()),
      span,
      merge: vm ? (attr(vm, "w:val") === "restart" ? "restart" : "continue") : null,
    };
  }

  table(tbl: XNode): string[] {
    const rows = kids(tbl)
      .filter((r) => tagOf(r) === "w:tr")
      .map((tr) =>
        kids(tr)
          .filter((c) => tagOf(c) === "w:tc")
          .map((tc) => this.cell(tc)),
      );
    // Spread merged cells over the grid: a span fills its columns, a vertical merge repeats.
    const grid: { text: string; continued: boolean }[][] = [];
    rows.forEach((row, r) => {
      const line: { text: string; continued: boolean }[] = [];
      for (const c of row) {
        const above = grid[r - 1]?.[line.length];
        const text = c.merge === "continue" ? (above?.text ?? "") : c.paragraphs.join(" <br> ");
        line.push({ text, continued: c.merge === "continue" });
        for (let k = 1; k < c.span; k++) line.push({ text: "", continued: c.merge === "continue" });
      }
      grid.push(line);
    });
    const headerRows = this.headerRows(grid);
    if (headerRows === 0) return rows.flatMap((row) => row.flatMap((c) => c.paragraphs));
    const esc = (s: string) => s.replace(/\|/g, "/").replace(/\s+/g, " ").trim();
    const width = Math.max(...grid.map((l) => l.length));
    const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => esc(cells[i] ?? "")).join(" | ")} |`;
    const out = [line(grid[0]!.map((c) => c.text)), `|${"---|".repeat(width)}`];
    // A second header row: the cells continued from above stay empty so they merge by column.
    for (let r = 1; r < headerRows; r++) out.push(line(grid[r]!.map((c) => (c.continued ? "" : c.text))));
    for (const l of grid.slice(headerRows)) out.push(line(l.map((c) => c.text)));
    return ["", ...out, ""];
  }

  /** How many rows head a task table: one, or two with "Chủ trì | Phối hợp" under a merged cell. */
  private headerRows(grid: { text: string; continued: boolean }[][]): number {
    const first = grid[0]?.map((c) => c.text.replace(/ <br> /g, " ")) ?? [];
    const second = grid[1]?.map((c, i) => (c.continued ? "" : `${first[i] ?? ""} ${c.text}`.trim())) ?? [];
    const merged = first.map((t, i) => (grid[1]?.[i]?.continued || !grid[1]?.[i]?.text ? t : (second[i] ?? t)));
    if (grid.length > 2 && !classifyHeader(first) && classifyHeader(merged)) return 2;
    if (grid.length > 2 && classifyHeader(merged) && /chủ trì|phối hợp/i.test(grid[1]!.map((c) => c.text).join(" ")))
      return 2;
    return classifyHeader(first) ? 1 : 0;
  }
}

/** The text of a .docx, or null when it holds no document part. */
export function readDocxText(bytes: Uint8Array): string | null {
  const parts = docxParts(bytes, [DOCUMENT, NUMBERING]);
  const doc = parts.get(DOCUMENT);
  if (doc === undefined) return null;
  const numbering = parts.get(NUMBERING);
  const reader = new Reader(new Numbering(numbering ? parseXml(numbering) : null));
  const root = parseXml(doc).find((n) => tagOf(n) === "w:document");
  const body = root ? child(root, "w:body") : undefined;
  const out: string[] = [];
  reader.blocks(body ? kids(body) : [], out);
  // One paragraph per block with blank lines between, as Word's own text export; table rows together.
  return out
    .join("\n\n")
    .replace(/(\|\n)\n(?=\|)/g, "$1")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
