import { formatRate } from "@/lib/reports/counts";
import { agencySheet, noticeSheet, reportGroupSheet } from "@/lib/reports/sheets";
import type { ExportSheet } from "@/lib/exports/table";
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

function SheetTable({ sheet, testId }: { sheet: ExportSheet; testId?: string }) {
  const total = sheet.columns.reduce((n, c) => n + (c.width ?? 14), 0);
  return (
    <table className="report-table" data-testid={testId}>
      <colgroup>
        {sheet.columns.map((c) => (
          <col key={c.header} style={{ width: `${(((c.width ?? 14) / total) * 100).toFixed(1)}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {sheet.columns.map((c) => (
            <th key={c.header} scope="col" className={c.header === "STT" ? "nowrap" : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sheet.rows.map((row, i) => (
          <tr key={i}>
            {row.map((v, j) => {
              const kind = sheet.columns[j]?.kind;
              const text = v === null ? "" : kind === "percent" && typeof v === "number" ? formatRate(v) : String(v);
              return (
                <td
                  key={j}
                  className={kind === "number" || kind === "percent" ? "num" : kind === "date" ? "nowrap" : undefined}
                >
                  {text}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "Báo cáo tình hình thực hiện các nhiệm vụ" as an A4 page (Nghị định 30/2020 layout). */
export function ReportView({ r }: { r: ReportModel }) {
  const [body1, body2] = issuingBody(r.provinceName);
  const sign = signatureBlock(r.signing);
  return (
    <article className="report-page" data-testid="report">
      <div className="grid grid-cols-[42%_58%] text-center text-[12pt] leading-snug">
        <div>
          <p>{body1}</p>
          <p className="font-bold">{body2}</p>
          <p aria-hidden className="mx-auto mt-0.5 w-24 border-t border-black" />
          <p className="mt-2" data-testid="report-number">
            {reportNumberLine(r.signing)}
          </p>
        </div>
        <div>
          <p className="font-bold">{NATIONAL_NAME}</p>
          <p className="font-bold">{NATIONAL_MOTTO}</p>
          <p aria-hidden className="mx-auto mt-0.5 w-48 border-t border-black" />
          <p className="mt-2 italic">{placeAndDate(r.provinceName, r.today)}</p>
        </div>
      </div>
      <h1 className="mt-8 text-center text-[14pt] font-bold">{REPORT_TITLE}</h1>
      <p className="mx-8 text-center font-bold">{reportSubtitle(r)}</p>
      <h2>I. TÌNH HÌNH CHUNG</h2>
      <p className="indent">{summaryParagraph(r)}</p>
      <h2>{overdueHeading(r)}</h2>
      {r.overdue.length ? (
        <>
          <p className="indent">{overdueLead(r)}</p>
          <SheetTable sheet={reportGroupSheet(r.overdue)} testId="report-overdue" />
        </>
      ) : (
        <p className="indent">Không có nhiệm vụ quá hạn.</p>
      )}
      {r.overdueDirectives > r.overdue.length ? <p className="indent italic">{overdueMore(r)}</p> : null}
      <h2>{dueSoonHeading(r)}</h2>
      {r.dueSoon.length ? (
        <SheetTable sheet={reportGroupSheet(r.dueSoon)} testId="report-due-soon" />
      ) : (
        <p className="indent">Không có nhiệm vụ đến hạn trong 07 ngày tới.</p>
      )}
      <h2>IV. KẾT QUẢ THỰC HIỆN THEO CƠ QUAN, ĐƠN VỊ</h2>
      <SheetTable sheet={agencySheet(r.agencies)} />
      <h2>V. TIẾN ĐỘ THEO THÔNG BÁO</h2>
      {r.notices.length ? (
        <SheetTable sheet={noticeSheet(r.notices)} />
      ) : (
        <p className="indent">Không có thông báo trong khoảng đã chọn.</p>
      )}
      <h2>VI. ĐỀ XUẤT, KIẾN NGHỊ</h2>
      <p className="indent">{PROPOSAL_TEXT}</p>
      <div className="signature mt-6 grid grid-cols-2 gap-4">
        <div className="text-[10pt]">
          <p className="font-bold italic">Nơi nhận:</p>
          {RECIPIENTS.map((l) => (
            <p key={l}>- {l}</p>
          ))}
        </div>
        <div className="text-center">
          {sign.formula.map((l) => (
            <p key={l} className="font-bold">
              {l}
            </p>
          ))}
          <p className="text-[10pt] italic">{sign.note}</p>
          {sign.name ? (
            <p className="mt-16 font-bold" data-testid="report-signer">
              {sign.name}
            </p>
          ) : null}
        </div>
      </div>
    </article>
  );
}
