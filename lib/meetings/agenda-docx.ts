import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ITableCellBorders,
} from "docx";
import {
  agendaCells,
  agendaSubtitle,
  agendaTitle,
  countsSentence,
  roman,
  type Agenda,
} from "@/lib/meetings/agenda-text";
import { issuingBody, NATIONAL_MOTTO, NATIONAL_NAME, placeAndDate } from "@/lib/reports/printed-report";

// The meeting agenda as a Word document in the administrative layout (Nghị định 30/2020/NĐ-CP):
// issuing body and national motto side by side, place and date, title, then one table whose
// group rows head each agency or notice. A4 portrait, Times New Roman 13/11 pt, margins of ND 30.

const FONT = "Times New Roman";
const MM = 56.7; // twips per millimetre
const TEXT_WIDTH = Math.round((210 - 30 - 15) * MM);
// STT, Nhiệm vụ, Cơ quan, Thời hạn, Tình trạng, Báo cáo gần nhất (sums to the text width).
const COLUMNS = [7, 50, 25, 20, 25, 38].map((mm) => Math.round(mm * MM));

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS: ITableCellBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE };

function line(text: string, opts: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}) {
  return new TextRun({
    text,
    font: FONT,
    bold: opts.bold,
    italics: opts.italics,
    size: (opts.size ?? 13) * 2,
    underline: opts.underline ? {} : undefined,
  });
}

function para(
  runs: TextRun[],
  align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT,
  after = 60,
): Paragraph {
  return new Paragraph({ children: runs, alignment: align, spacing: { after } });
}

function headerBlock(a: Agenda, preparedOn: string): Table {
  const [body, committee] = issuingBody(a.provinceName);
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, borders: NO_BORDERS, width: { size: width, type: WidthType.DXA } });
  const left = Math.round(TEXT_WIDTH * 0.42);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, TEXT_WIDTH - left],
    layout: TableLayoutType.FIXED,
    borders: { ...NO_BORDERS, insideHorizontal: NONE, insideVertical: NONE },
    rows: [
      new TableRow({
        children: [
          cell(
            [
              para([line(body, { size: 12 })], AlignmentType.CENTER, 0),
              para([line(committee, { size: 12, bold: true })], AlignmentType.CENTER, 0),
            ],
            left,
          ),
          cell(
            [
              para([line(NATIONAL_NAME, { size: 12, bold: true })], AlignmentType.CENTER, 0),
              para([line(NATIONAL_MOTTO, { bold: true, underline: true })], AlignmentType.CENTER, 120),
              para([line(placeAndDate(a.provinceName, preparedOn), { italics: true })], AlignmentType.CENTER, 0),
            ],
            TEXT_WIDTH - left,
          ),
        ],
      }),
    ],
  });
}

function cell(text: string | string[], opts: { bold?: boolean; center?: boolean; span?: number; width?: number } = {}) {
  const lines = Array.isArray(text) ? text : [text];
  return new TableCell({
    columnSpan: opts.span,
    width: opts.width ? { size: opts.width, type: WidthType.DXA } : undefined,
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    children: lines.map((t, i) =>
      para(
        [line(t, { size: 11, bold: opts.bold, italics: i > 0 && !opts.bold })],
        opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
        0,
      ),
    ),
  });
}

function agendaTable(a: Agenda): Table {
  const head = ["STT", "Nhiệm vụ", "Cơ quan", "Thời hạn", "Tình trạng", "Báo cáo gần nhất"];
  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      children: head.map((h, i) => cell(h, { bold: true, center: true, width: COLUMNS[i] })),
    }),
  ];
  let n = 0;
  a.sections.forEach((s, si) => {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [cell(`${roman(si + 1)}. ${s.heading} (${s.items.length} lượt)`, { bold: true, span: 6 })],
      }),
    );
    for (const item of s.items) {
      const c = agendaCells(item, a.by);
      n += 1;
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            cell(String(n), { center: true }),
            cell(c.source ? [c.task, c.source] : c.task),
            cell(c.agency),
            cell(c.dueNote ? [c.due, c.dueNote] : c.due),
            cell(c.status),
            cell(c.report),
          ],
        }),
      );
    }
  });
  if (n === 0) {
    rows.push(new TableRow({ children: [cell("Không có nội dung cần xem xét.", { span: 6, center: true })] }));
  }
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMNS,
    layout: TableLayoutType.FIXED,
    rows,
  });
}

/** The agenda as a .docx file; `preparedOn` is the day written beside the place. */
export async function agendaDocx(a: Agenda, preparedOn: string): Promise<Buffer> {
  const doc = new Document({
    creator: "Theo dõi chỉ đạo",
    title: agendaTitle(a.day),
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(20 * MM),
              bottom: Math.round(20 * MM),
              left: Math.round(30 * MM),
              right: Math.round(15 * MM),
            },
          },
        },
        children: [
          headerBlock(a, preparedOn),
          para([], AlignmentType.CENTER, 200),
          para([line(agendaTitle(a.day), { bold: true, size: 14 })], AlignmentType.CENTER, 60),
          para([line(agendaSubtitle(a.day), { italics: true })], AlignmentType.CENTER, 200),
          para([line(countsSentence(a.counts))], AlignmentType.JUSTIFIED, 160),
          agendaTable(a),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
