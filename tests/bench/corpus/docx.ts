// A minimal Word file (WordprocessingML in a zip) written from blocks, for the bench's "docx"
// form and the tests: paragraphs, ruled tables with merged cells (gridSpan, vMerge) and
// borderless layout tables, as Word itself lays out a notice.
import { strToU8, zipSync } from "fflate";
import type { Block } from "./model";

export interface DocxCell {
  text: string | string[]; // paragraphs
  span?: number;
  vmerge?: "restart" | "continue";
  bold?: boolean;
}
export type DocxBlock =
  | { p: string; bold?: boolean; center?: boolean; numbered?: { numId: number; level: number } }
  | { table: DocxCell[][]; ruled: boolean }
  | { pageBreak: true };

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function para(text: string, o: { bold?: boolean; center?: boolean; numbered?: { numId: number; level: number } } = {}) {
  const pPr = [
    o.numbered ? `<w:numPr><w:ilvl w:val="${o.numbered.level}"/><w:numId w:val="${o.numbered.numId}"/></w:numPr>` : "",
    o.center ? `<w:jc w:val="center"/>` : `<w:jc w:val="both"/>`,
  ].join("");
  const rPr = o.bold ? "<w:rPr><w:b/></w:rPr>" : "";
  return `<w:p><w:pPr>${pPr}</w:pPr><w:r>${rPr}<w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
}

function table(rows: DocxCell[][], ruled: boolean): string {
  const border = ruled ? "single" : "nil";
  const borders = ["top", "left", "bottom", "right", "insideH", "insideV"]
    .map((s) => `<w:${s} w:val="${border}" w:sz="4" w:space="0" w:color="000000"/>`)
    .join("");
  const cols = Math.max(...rows.map((r) => r.reduce((n, c) => n + (c.span ?? 1), 0)));
  const grid = Array.from({ length: cols }, () => `<w:gridCol w:w="${Math.floor(9000 / cols)}"/>`).join("");
  const tr = rows
    .map(
      (r) =>
        `<w:tr>${r
          .map((c) => {
            const pr = `<w:tcPr>${c.span && c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : ""}${c.vmerge ? `<w:vMerge${c.vmerge === "restart" ? ' w:val="restart"' : ""}/>` : ""}</w:tcPr>`;
            const ps = (Array.isArray(c.text) ? c.text : [c.text]).map((t) =>
              para(t, { bold: c.bold, center: !ruled }),
            );
            return `<w:tc>${pr}${ps.join("") || "<w:p/>"}</w:tc>`;
          })
          .join("")}</w:tr>`,
    )
    .join("");
  return `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>${borders}</w:tblBorders></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${tr}</w:tbl>`;
}

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

export function docxOf(blocks: DocxBlock[]): Uint8Array {
  const body = blocks
    .map((b) =>
      "p" in b ? para(b.p, b) : "table" in b ? table(b.table, b.ruled) : `<w:p><w:r><w:br w:type="page"/></w:r></w:p>`,
    )
    .join("");
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  return zipSync({
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    "word/_rels/document.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`,
    ),
    "word/document.xml": strToU8(doc),
    "word/numbering.xml": strToU8(NUMBERING),
  });
}

/** A corpus notice as Word lays it out: layout tables for header and signature, ruled task tables. */
export function docxFromModel(blocks: Block[]): Uint8Array {
  const out: DocxBlock[] = [];
  for (const b of blocks) {
    if (b.type === "header") {
      if (b.mark) out.push({ p: b.mark, bold: true });
      out.push({
        table: [
          [
            { text: b.left, bold: true },
            { text: b.right, bold: true },
          ],
        ],
        ruled: false,
      });
    } else if (b.type === "center") out.push({ p: b.text, bold: b.bold, center: true });
    else if (b.type === "para") out.push({ p: b.text, bold: b.bold });
    else if (b.type === "footer")
      out.push({ table: [[{ text: b.left }, { text: b.right, bold: true }]], ruled: false });
    else if (b.type === "pagebreak") out.push({ pageBreak: true });
    else
      out.push({
        ruled: true,
        table: [
          b.header.map((h) => ({ text: h, bold: true })),
          ...b.rows.map((r) =>
            r.group
              ? [{ text: r.cells[0] ?? "", span: b.header.length, bold: true }]
              : r.cells.map((c) => ({ text: c })),
          ),
        ],
      });
  }
  return docxOf(out);
}
