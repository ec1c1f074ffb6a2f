import fs from "node:fs";
import path from "node:path";
import pdfmake from "pdfmake";
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import type { ExportDocument, ExportSheet } from "@/lib/exports/table";
import { formatRate } from "@/lib/reports/counts";
import {
  issuingBody,
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  dueSoonHeading,
  overdueHeading,
  overdueLead,
  overdueMore,
  placeAndDate,
  PROPOSAL_TEXT,
  RECIPIENTS,
  REPORT_TITLE,
  reportSubtitle,
  summaryParagraph,
  type ReportModel,
} from "@/lib/reports/printed-report";
import { reportNumberLine, signatureBlock } from "@/lib/reports/report-signing";
import { agencySheet, noticeSheet, reportGroupSheet } from "@/lib/reports/sheets";

// PDFs with pdfmake and the Roboto it ships (full Vietnamese coverage), read from the package's
// own folder; nothing is fetched from a URL or read from anywhere else.

const MM = 72 / 25.4;
let fontsReady = false;

function fontDir(): string {
  const candidates = [path.join(process.cwd(), "node_modules", "pdfmake", "fonts", "Roboto")];
  const dir = candidates.find((d) => fs.existsSync(path.join(d, "Roboto-Regular.ttf")));
  if (!dir) throw new Error("pdfmake's Roboto fonts are missing (node_modules/pdfmake/fonts/Roboto)");
  return dir;
}

function ready(): void {
  if (fontsReady) return;
  const dir = fontDir();
  pdfmake.setFonts({
    Roboto: {
      normal: path.join(dir, "Roboto-Regular.ttf"),
      bold: path.join(dir, "Roboto-Medium.ttf"),
      italics: path.join(dir, "Roboto-Italic.ttf"),
      bolditalics: path.join(dir, "Roboto-MediumItalic.ttf"),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(dir));
  fontsReady = true;
}

async function render(def: TDocumentDefinitions): Promise<Buffer> {
  ready();
  return pdfmake.createPdf(def).getBuffer();
}

function cellText(v: string | number | null, kind: string | undefined): string {
  if (v === null) return "";
  if (kind === "percent" && typeof v === "number") return formatRate(v);
  return typeof v === "number" ? v.toLocaleString("vi-VN") : v;
}

const A4 = { short: 595.28, long: 841.89 };
const LANDSCAPE_WIDTH = A4.long - 30 * MM;
const PORTRAIT_WIDTH = A4.short - 45 * MM;

const PADDING = 4; // pdfmake's default left + right cell padding is 4 + 4

/** Roughly how wide `text` prints in Roboto at `fontSize` (points): a generous average advance. */
function textWidth(text: string, fontSize: number, bold = false): number {
  return text.length * fontSize * (bold ? 0.6 : 0.56);
}

/**
 * Column (inner) widths in points within `available`: numbers and dates as wide as their longest value
 * (and "STT" or a header's longest word), so that they never break inside; text columns share the
 * rest by their relative widths.
 */
export function columnWidths(sheet: ExportSheet, available: number, fontSize: number): number[] {
  const fixed = sheet.columns.map((c, i) => {
    if (c.kind !== "number" && c.kind !== "percent" && c.kind !== "date") return null;
    const words = c.header.split(/\s+/).map((w) => textWidth(w, fontSize, true));
    const cells = sheet.rows.map((r) => textWidth(cellText(r[i] ?? null, c.kind), fontSize));
    return Math.ceil(Math.max(...words, ...cells, fontSize) + 1);
  });
  const rest = Math.max(0, available - fixed.reduce<number>((n, w) => n + (w ?? 0), 0));
  const weight = sheet.columns.reduce((n, c, i) => n + (fixed[i] === null ? (c.width ?? 14) : 0), 0);
  return sheet.columns.map((c, i) => fixed[i] ?? Math.floor((rest * (c.width ?? 14)) / (weight || 1)));
}

function table(sheet: ExportSheet, available: number, fontSize = 8): Content {
  const noWrap = (kind: string | undefined) => kind === "number" || kind === "percent" || kind === "date";
  const body: TableCell[][] = [
    sheet.columns.map((c) => ({
      text: c.header,
      bold: true,
      fillColor: "#e2e8f0",
      alignment: "center" as const,
      noWrap: c.header === "STT",
    })),
    ...sheet.rows.map((row) =>
      row.map((v, i) => {
        const kind = sheet.columns[i]?.kind;
        return {
          text: cellText(v, kind),
          noWrap: noWrap(kind),
          alignment: kind === "number" || kind === "percent" ? ("right" as const) : ("left" as const),
        };
      }),
    ),
  ];
  // pdfmake's widths are the cells' inner widths: the padding and the half-point rules come on top.
  const n = sheet.columns.length;
  const widths = columnWidths(sheet, available - n * 2 * PADDING - (n + 1) * 0.5, fontSize);
  return {
    table: { headerRows: 1, widths, body, dontBreakRows: true },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => "#64748b",
      vLineColor: () => "#64748b",
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    fontSize,
  };
}

/** A short horizontal rule centred in a column `columnWidth` wide (the header's lines under the names). */
function rule(columnWidth: number, length: number): Content {
  const x = Math.max(0, (columnWidth - length) / 2);
  return {
    canvas: [{ type: "line", x1: x, y1: 1, x2: x + length, y2: 1, lineWidth: 0.6, lineColor: "#000" }],
    margin: [0, 1, 0, 1],
  };
}

function pageFooter(current: number, count: number): Content {
  return {
    text: `Trang ${current}/${count}`,
    alignment: "center",
    fontSize: 8,
    color: "#475569",
    margin: [0, 10, 0, 0],
  };
}

/** Any list or the overview as tables, A4 landscape. */
export function documentPdf(doc: ExportDocument): Promise<Buffer> {
  const content: Content[] = [
    { text: doc.title, fontSize: 14, bold: true, margin: [0, 0, 0, 4] },
    ...doc.notes.map((n): Content => ({ text: n, fontSize: 9, color: "#334155" })),
  ];
  const sheets = doc.pdfSheets ?? doc.sheets;
  for (const sheet of sheets) {
    if (sheets.length > 1) content.push({ text: sheet.title, fontSize: 11, bold: true, margin: [0, 12, 0, 4] });
    else content.push({ text: "", margin: [0, 6, 0, 0] });
    content.push(
      sheet.rows.length ? table(sheet, LANDSCAPE_WIDTH) : { text: "Không có dữ liệu.", italics: true, fontSize: 9 },
    );
  }
  return render({
    info: { title: doc.title, creator: "Hệ thống theo dõi chỉ đạo" },
    pageSize: "A4",
    pageOrientation: "landscape",
    pageMargins: [15 * MM, 15 * MM, 15 * MM, 15 * MM],
    defaultStyle: { font: "Roboto", fontSize: 9 },
    footer: pageFooter,
    content,
  });
}

/** The administrative report, A4 portrait with the margins of Nghị định 30/2020. */
export function reportPdf(r: ReportModel): Promise<Buffer> {
  const [body1, body2] = issuingBody(r.provinceName);
  const sign = signatureBlock(r.signing);
  const section = (text: string): Content => ({ text, bold: true, margin: [0, 10, 0, 4] });
  const para = (text: string): Content => ({ text, alignment: "justify", leadingIndent: 28, margin: [0, 0, 0, 4] });
  const content: Content[] = [
    {
      columns: [
        {
          width: "42%",
          stack: [
            { text: body1, alignment: "center" },
            { text: body2, bold: true, alignment: "center" },
            rule(PORTRAIT_WIDTH * 0.42, 60),
            { text: reportNumberLine(r.signing), alignment: "center", margin: [0, 4, 0, 0] },
          ],
        },
        {
          width: "58%",
          stack: [
            { text: NATIONAL_NAME, bold: true, alignment: "center" },
            { text: NATIONAL_MOTTO, bold: true, alignment: "center" },
            rule(PORTRAIT_WIDTH * 0.58, 150),
            { text: placeAndDate(r.provinceName, r.today), italics: true, alignment: "center", margin: [0, 4, 0, 0] },
          ],
        },
      ],
      fontSize: 10,
    },
    { text: REPORT_TITLE, bold: true, fontSize: 14, alignment: "center", margin: [0, 22, 0, 2] },
    { text: reportSubtitle(r), bold: true, alignment: "center", margin: [20, 0, 20, 14] },
    section("I. TÌNH HÌNH CHUNG"),
    para(summaryParagraph(r)),
    section(overdueHeading(r)),
    ...(r.overdue.length
      ? [para(overdueLead(r)), table(reportGroupSheet(r.overdue), PORTRAIT_WIDTH, 7.5)]
      : [para("Không có nhiệm vụ quá hạn.")]),
    ...(r.overdueDirectives > r.overdue.length ? [para(overdueMore(r))] : []),
    section(dueSoonHeading(r)),
    r.dueSoon.length
      ? table(reportGroupSheet(r.dueSoon), PORTRAIT_WIDTH, 7.5)
      : para("Không có nhiệm vụ đến hạn trong 07 ngày tới."),
    section("IV. KẾT QUẢ THỰC HIỆN THEO CƠ QUAN, ĐƠN VỊ"),
    table(agencySheet(r.agencies), PORTRAIT_WIDTH, 7.5),
    section("V. TIẾN ĐỘ THEO THÔNG BÁO"),
    table(noticeSheet(r.notices), PORTRAIT_WIDTH, 7.5),
    section("VI. ĐỀ XUẤT, KIẾN NGHỊ"),
    para(PROPOSAL_TEXT),
    {
      columns: [
        {
          width: "50%",
          stack: [
            { text: "Nơi nhận:", bold: true, italics: true, fontSize: 10 },
            ...RECIPIENTS.map((l): Content => ({ text: `- ${l}`, fontSize: 9 })),
          ],
        },
        {
          width: "50%",
          stack: [
            ...sign.formula.map((l): Content => ({ text: l, bold: true, alignment: "center" })),
            { text: sign.note, italics: true, alignment: "center", fontSize: 9, margin: [0, 2, 0, 0] },
            ...(sign.name
              ? [{ text: sign.name, bold: true, alignment: "center", margin: [0, 48, 0, 0] } as Content]
              : []),
          ],
        },
      ],
      margin: [0, 16, 0, 0],
      unbreakable: true,
    },
  ];
  return render({
    info: {
      title: `Báo cáo tình hình thực hiện các nhiệm vụ - ${r.provinceName}`,
      creator: "Hệ thống theo dõi chỉ đạo",
    },
    pageSize: "A4",
    pageOrientation: "portrait",
    pageMargins: [30 * MM, 20 * MM, 15 * MM, 20 * MM],
    defaultStyle: { font: "Roboto", fontSize: 11, lineHeight: 1.15 },
    footer: pageFooter,
    content,
  });
}
