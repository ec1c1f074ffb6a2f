import type { Metadata } from "next";
import { cachedReads } from "@/lib/db/cached-reads";
import { redirect } from "next/navigation";
import { page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { roleMay } from "@/lib/auth/permissions";

import { defaultPeriod, periodsOfYear } from "@/lib/ranking/periods";
import { publicRankingPath } from "@/lib/ranking/publication";
import { formulaText } from "@/lib/ranking/score";
import { parseRankingQuery } from "@/lib/ranking/query";
import { formatDay } from "@/lib/time/calendar";
import { today } from "@/lib/time/today";
import { PeriodPicker, RankingTable } from "@/components/ranking/ranking-table";
import { PublicationForms } from "@/components/ranking/publication-forms";
import { PublishedNote } from "@/components/ranking/published-note";
import { PrintButton } from "@/components/overview/print-button";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Kết quả và xếp hạng" };

const PRINT_CSS = `
@page { size: A4 landscape; margin: 15mm 15mm 15mm 20mm; }
@media print {
  body > div > header, body > div > footer, .no-print { display: none !important; }
  main { padding: 0 !important; max-width: none !important; }
  .report-table { font-family: "Times New Roman", Tinos, "Liberation Serif", serif; font-size: 10pt; border-collapse: collapse; }
  .report-table th, .report-table td { border: 1px solid #000; }
}`;

export default page({ permission: "ranking.read", query: parseRankingQuery }, async ({ user, query }) => {
  const now = today();
  // Agency staff see their own agency's page.
  if (user.role === "agency_staff" && user.agencyIds.length > 0) {
    redirect(`/xep-hang/co-quan/${user.agencyIds[0]}?ky=${(query.ky ?? defaultPeriod(now)).key}`);
  }
  const r = await cachedReads.rankingOf(db(), user, query.ky, now);
  const period = r.period;
  const province = user.provinceId
    ? await db().province.findUnique({ where: { id: user.provinceId }, select: { code: true } })
    : null;
  const year = Number(now.slice(0, 4));
  const options = [...periodsOfYear(year), ...periodsOfYear(year - 1)];
  if (!options.some((o) => o.key === period.key)) options.unshift(period);
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-slate-900">Kết quả thực hiện nhiệm vụ – {period.label}</h1>
          <p className="text-sm text-slate-600">
            Từ {formatDay(period.start)} đến {formatDay(period.end)}; số liệu tính đến ngày {formatDay(r.asOf)}. So sánh
            với {r.previous.label}.
          </p>
        </div>
        <div className="no-print flex flex-wrap items-end gap-2">
          <PeriodPicker current={period.key} options={options} action="/xep-hang" />
          <PrintButton label="In báo cáo" />
          <a
            href={`/api/xuat/xep-hang?format=xlsx&ky=${period.key}`}
            download
            data-testid="ranking-xlsx"
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
          >
            Tải Excel
          </a>
        </div>
      </div>
      {r.published ? (
        <PublishedNote
          published={r.published}
          publicPath={province ? publicRankingPath(province.code, period.key) : undefined}
        />
      ) : null}
      {r.rows.length === 0 ? (
        <EmptyState title="Chưa có nhiệm vụ nào có hạn trong kỳ này">Chọn kỳ khác để xem kết quả.</EmptyState>
      ) : (
        <RankingTable rows={r.rows} periodKey={period.key} />
      )}
      <p className="mt-3 text-xs text-slate-600">{formulaText(r.formula)}</p>
      {roleMay(user, "ranking.publish") && (r.published || r.rows.length > 0) ? (
        <PublicationForms
          periodKey={period.key}
          periodLabel={period.label}
          published={!!r.published}
          ended={period.end < now}
        />
      ) : null}
    </>
  );
});
