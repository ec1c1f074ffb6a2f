import type { Metadata } from "next";
import Link from "next/link";
import { page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { parseOverviewQuery, queryString, toFilters } from "@/lib/reports/list-query";
import { reportModel } from "@/lib/reports/documents";
import { recentNoticeOptions } from "@/lib/reports/filter-labels";
import { parseReportSigning, signingQuery } from "@/lib/reports/report-signing";
import { today } from "@/lib/time/today";
import { FiltersForm } from "@/components/overview/filters-form";
import { PrintButton } from "@/components/overview/print-button";
import { ReportView } from "@/components/overview/report-view";
import { SigningForm } from "@/components/overview/signing-form";

export const metadata: Metadata = { title: "Báo cáo tình hình thực hiện các nhiệm vụ" };

// A4 on paper: the app's header, footer and the form are not printed; margins of Nghị định 30.
const PRINT_CSS = `
@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }
.report-page { background: #fff; color: #000; font-family: "Times New Roman", Tinos, "Liberation Serif", serif; font-size: 13pt; line-height: 1.35; max-width: 210mm; margin: 0 auto; padding: 20mm 15mm 20mm 30mm; box-shadow: 0 1px 3px rgb(0 0 0 / 0.15); }
.report-page h2 { font-weight: 700; margin: 12pt 0 4pt; font-size: 13pt; }
.report-page p.indent { text-indent: 1cm; text-align: justify; margin-bottom: 4pt; }
.report-table { width: 100%; border-collapse: collapse; font-size: 10pt; margin: 4pt 0; }
.report-table th, .report-table td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; }
.report-table th { font-weight: 700; text-align: center; }
.report-table td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.report-table .nowrap { white-space: nowrap; }
.report-table tr { break-inside: avoid; }
.report-page .signature { break-inside: avoid; }
@media (max-width: 640px) { .report-page { padding: 6mm; font-size: 11pt; } .report-table { font-size: 8pt; } }
@media print {
  body > div > header, body > div > footer, .no-print { display: none !important; }
  main { padding: 0 !important; max-width: none !important; }
  .report-page { box-shadow: none; padding: 0; max-width: none; }
}`;

export default page({ permission: "overview.read", query: (raw) => raw }, async ({ user, query: params }) => {
  const q = parseOverviewQuery(params);
  const f = toFilters(q);
  const { signing, errors, typed } = parseReportSigning(params);
  const database = db();
  const [model, options] = await Promise.all([
    reportModel(database, user, today(), f),
    recentNoticeOptions(database, user, { limit: 50, selected: q.notice }),
  ]);
  const filters = { from: q.from, to: q.to, notice: q.notice };
  const qs = queryString(filters);
  const pdfQs = queryString({ ...filters, ...signingQuery(typed) });
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="no-print">
        <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-xl font-semibold text-slate-900">Báo cáo tình hình thực hiện các nhiệm vụ</h1>
          <div className="flex flex-wrap gap-2">
            <PrintButton />
            <a
              href={`/api/xuat/bao-cao${pdfQs}`}
              download
              data-testid="report-pdf"
              className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
            >
              Tải PDF
            </a>
            <Link
              href={`/tong-quan${qs}`}
              className="rounded-md px-3 py-2 text-sm font-medium text-brand-800 hover:bg-slate-100"
            >
              ← Tổng quan
            </Link>
          </div>
        </div>
        <FiltersForm
          action="/bao-cao"
          from={q.from}
          to={q.to}
          notice={q.notice}
          notices={options.options}
          noticeTotal={options.total}
          hidden={signingQuery(typed)}
        />
        <SigningForm filters={filters} typed={typed} errors={errors} />
      </div>
      <div className="overflow-x-auto">
        <ReportView r={{ ...model, signing }} />
      </div>
    </>
  );
});
