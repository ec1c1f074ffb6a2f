import type { Metadata } from "next";
import { page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { meetingAgenda } from "@/lib/meetings/agenda";
import { agendaQueryString, parseAgendaQuery } from "@/lib/meetings/agenda-query";
import { formatDay } from "@/lib/time/calendar";
import { today } from "@/lib/time/today";
import { AgendaForm } from "@/components/meetings/agenda-form";
import { AgendaView } from "@/components/meetings/agenda-view";
import { PrintButton } from "@/components/overview/print-button";
import { Stat } from "@/components/ui/stat";

export const metadata: Metadata = { title: "Chuẩn bị cuộc họp" };

// A4 on paper: the app's header, footer, the form and the figures are not printed; margins of Nghị định 30.
const PRINT_CSS = `
@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }
.report-page { background: #fff; color: #000; font-family: "Times New Roman", Tinos, "Liberation Serif", serif; font-size: 13pt; line-height: 1.35; max-width: 210mm; margin: 0 auto; padding: 20mm 15mm 20mm 30mm; box-shadow: 0 1px 3px rgb(0 0 0 / 0.15); }
.report-page p.indent { text-indent: 1cm; text-align: justify; margin-bottom: 6pt; }
.report-table { width: 100%; border-collapse: collapse; font-size: 10pt; margin: 4pt 0; }
.report-table th, .report-table td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; }
.report-table th { font-weight: 700; text-align: center; }
.report-table td.num { text-align: center; font-variant-numeric: tabular-nums; }
.report-table .nowrap { white-space: nowrap; }
.report-table tr { break-inside: auto; }
.report-table tr.group-row { break-after: avoid; }
.report-table thead { display: table-header-group; }
@media (max-width: 640px) { .report-page { padding: 6mm; font-size: 11pt; } .report-table { font-size: 8pt; } }
@media print {
  body > div > header, body > div > footer, .no-print { display: none !important; }
  main { padding: 0 !important; max-width: none !important; }
  .report-page { box-shadow: none; padding: 0; max-width: none; }
}`;

export default page(
  { permission: "meeting.prepare", query: (raw) => parseAgendaQuery(raw) },
  async ({ user, query }) => {
    const now = today();
    const day = query.ngay ?? now;
    const agenda = await meetingAgenda(db(), user, day, query.theo);
    const c = agenda.counts;
    const qs = agendaQueryString({ ngay: formatDay(day), theo: query.theo });
    return (
      <>
        <style>{PRINT_CSS}</style>
        <div className="no-print">
          <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
            <h1 className="text-xl font-semibold text-slate-900">Chuẩn bị cuộc họp ngày {formatDay(day)}</h1>
            <div className="flex flex-wrap gap-2">
              <PrintButton label="In danh mục" />
              <a
                href={`/api/xuat/cuoc-hop${qs}`}
                download
                data-testid="agenda-docx"
                className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
              >
                Tải Word
              </a>
            </div>
          </div>
          <dl className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Số liệu của danh mục">
            <Stat label="Lượt nhiệm vụ" value={c.tasks} />
            <Stat label="Quá hạn" value={c.overdue} tone={c.overdue ? "danger" : "default"} />
            <Stat label="Đến hạn ngày họp" value={c.dueOnDay} />
            <Stat
              label="Chưa giải trình"
              value={c.explanationPending}
              tone={c.explanationPending ? "danger" : "default"}
            />
          </dl>
          <AgendaForm day={day} by={query.theo} isToday={day === now} />
        </div>
        <div className="overflow-x-auto">
          <AgendaView a={agenda} preparedOn={now} />
        </div>
      </>
    );
  },
);
