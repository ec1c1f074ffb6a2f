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
  placeAndDate,
  PROPOSAL_TEXT,
  RECIPIENTS,
  REPORT_TITLE,
  reportSubtitle,
  summaryParagraph,
  type ReportModel,
} from "@/lib/reports/printed-report";
import { reportNumberLine, signatureBlock } from "@/lib/reports/report-signing";
import { agencySheet, noticeSheet, reportTaskSheet } from "@/lib/reports/sheets";

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

function table(sheet: ExportSheet, fontSize = 8): Content {
  const total = sheet.columns.reduce((n, c) => n + (c.width ?? 14), 0);
  const body: TableCell[][] = [
    sheet.columns.map((c) => ({ text: c.header, bold: true, fillColor: "#e2e8f0", alignment: "center" as const })),
    ...sheet.rows.map((row) =>
      row.map((v, i) => {
        const kind = sheet.columns[i]?.kind;
        return {
          text: cellText(v, kind),
          alignment: kind === "number" || kind === "percent" ? ("right" as const) : ("left" as const),
        };
      }),
    ),
  ];
  return {
    table: {
      headerRows: 1,
      widths: sheet.columns.map((c) => `${(((c.width ?? 14) / total) * 100).toFixed(2)}%`),
      body,
      dontBreakRows: true,
    },
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
  for (const sheet of doc.sheets) {
    if (doc.sheets.length > 1) content.push({ text: sheet.title, fontSize: 11, bold: true, margin: [0, 12, 0, 4] });
    else content.push({ text: "", margin: [0, 6, 0, 0] });
    content.push(sheet.rows.length ? table(sheet) : { text: "Không có dữ liệu.", italics: true, fontSize: 9 });
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
            { text: "───────", alignment: "center", fontSize: 8 },
            { text: reportNumberLine(r.signing), alignment: "center", margin: [0, 4, 0, 0] },
          ],
        },
        {
          width: "58%",
          stack: [
            { text: NATIONAL_NAME, bold: true, alignment: "center" },
            { text: NATIONAL_MOTTO, bold: true, alignment: "center" },
            { text: "───────────────", alignment: "center", fontSize: 8 },
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
    section(`II. CÁC NHIỆM VỤ QUÁ HẠN (${r.summary.total})`),
    r.overdue.length ? table(reportTaskSheet(r.overdue), 7.5) : para("Không có nhiệm vụ quá hạn."),
    ...(r.summary.total > r.overdue.length
      ? [para(`(Liệt kê ${r.overdue.length} nhiệm vụ quá hạn lâu nhất; danh sách đầy đủ xem trên hệ thống.)`)]
      : []),
    section(`III. CÁC NHIỆM VỤ ĐẾN HẠN TRONG 07 NGÀY TỚI (${r.dueSoon.length})`),
    r.dueSoon.length ? table(reportTaskSheet(r.dueSoon), 7.5) : para("Không có nhiệm vụ đến hạn trong 07 ngày tới."),
    section("IV. KẾT QUẢ THỰC HIỆN THEO CƠ QUAN, ĐƠN VỊ"),
    table(agencySheet(r.agencies), 7.5),
    section("V. TIẾN ĐỘ THEO THÔNG BÁO"),
    table(noticeSheet(r.notices), 7.5),
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
