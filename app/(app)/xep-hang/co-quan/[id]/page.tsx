import type { Metadata } from "next";
import Link from "next/link";
import { page } from "@/lib/auth/gate";
import { roleMay } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { agencyResults, rankChange } from "@/lib/ranking/figures";
import { defaultPeriod, periodsOfYear, quarterOf } from "@/lib/ranking/periods";
import { parseRankingQuery } from "@/lib/ranking/query";
import { formatRate } from "@/lib/reports/counts";
import { formatDay } from "@/lib/time/calendar";
import { today } from "@/lib/time/today";
import { formulaText } from "@/lib/ranking/score";
import { PeriodPicker, RankingHead } from "@/components/ranking/ranking-table";
import { PublishedNote } from "@/components/ranking/published-note";
import { PrintButton } from "@/components/overview/print-button";
import { Stat } from "@/components/ui/stat";

export const metadata: Metadata = { title: "Kết quả của cơ quan" };

export default page(
  { permission: "ranking.read", ids: ["id"], query: parseRankingQuery },
  async ({ user, params, query }) => {
    const now = today();
    let period = query.ky ?? defaultPeriod(now);
    let r = await agencyResults(db(), user, params.id, period, now);
    if (!query.ky && !r.current) {
      // Nothing fell due in the last ended quarter: the running one is what there is to see.
      period = quarterOf(now);
      r = await agencyResults(db(), user, params.id, period, now);
    }
    const c = r.current;
    const year = Number(now.slice(0, 4));
    const options = [...periodsOfYear(year), ...periodsOfYear(year - 1)];
    if (!options.some((o) => o.key === period.key)) options.unshift(period);
    return (
      <>
        <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-xl font-semibold text-slate-900">{r.agency.name}</h1>
            <p className="text-sm text-slate-600">
              Kết quả {period.label} ({formatDay(period.start)} – {formatDay(period.end)}), tính đến ngày{" "}
              {formatDay(r.asOf)}
            </p>
          </div>
          <div className="no-print flex flex-wrap items-end gap-2">
            <PeriodPicker current={period.key} options={options} action={`/xep-hang/co-quan/${r.agency.id}`} />
            <PrintButton label="In" />
          </div>
        </div>
        {user.role !== "agency_staff" && roleMay(user, "ranking.read") ? (
          <p className="no-print mb-3 text-sm">
            <Link href={`/xep-hang?ky=${period.key}`} className="text-brand-800 underline">
              ← Bảng xếp hạng {period.label}
            </Link>
          </p>
        ) : null}
        {r.published ? <PublishedNote published={r.published} /> : null}
        <dl className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7" aria-label="Số liệu của kỳ">
          <Stat label="Hạng" value={c?.rank ?? "—"} />
          <Stat label="Thay đổi" value={c ? rankChange(c) : "—"} />
          <Stat label="Điểm" value={c?.score == null ? "—" : c.score.toLocaleString("vi-VN")} />
          <Stat label="Được giao" value={c?.assigned ?? 0} />
          <Stat label="Đúng hạn" value={c?.completedOnTime ?? 0} />
          <Stat label="Trễ hạn" value={c?.completedLate ?? 0} />
          <Stat label="Quá hạn" value={c?.overdue ?? 0} tone={c?.overdue ? "danger" : "default"} />
        </dl>
        <h2 className="mb-2 text-base font-semibold text-slate-900">Các quý năm {period.year}</h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full min-w-[560px] text-sm" data-testid="rank-history">
            <RankingHead
              columns={[
                ["Quý"],
                ["Được giao", "right"],
                ["Đúng hạn", "right"],
                ["Trễ hạn", "right"],
                ["Quá hạn", "right"],
                ["Tỷ lệ đúng hạn", "right"],
                ["Điểm", "right"],
                ["Hạng", "right"],
              ]}
            />
            <tbody className="divide-y divide-slate-100">
              {r.history.map(({ period: q, row, ranked }) => (
                <tr key={q.key}>
                  <th scope="row" className="px-2 py-1.5 text-left font-medium">
                    {q.label}
                  </th>
                  <td className="px-2 py-1.5 text-right tabular-nums">{row?.assigned ?? 0}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{row?.completedOnTime ?? 0}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{row?.completedLate ?? 0}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{row?.overdue ?? 0}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{formatRate(row?.onTimeRate ?? null)}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums">
                    {row?.score == null ? "—" : row.score.toLocaleString("vi-VN")}
                  </td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{row?.rank ? `${row.rank}/${ranked}` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-3 text-xs text-slate-600">{formulaText(r.formula)}</p>
      </>
    );
  },
);
