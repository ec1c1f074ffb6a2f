import { formatRate } from "@/lib/reports/counts";
import { listHref, queryString, type AgencySort, type OverviewQuery } from "@/lib/reports/list-query";
import type { AgencyRow, TaskCategory } from "@/lib/reports/types";

const COLUMNS: { key: AgencySort; label: string; category?: TaskCategory }[] = [
  { key: "assigned", label: "Được giao", category: "assigned" },
  { key: "completedOnTime", label: "Hoàn thành đúng hạn", category: "completed_on_time" },
  { key: "completedLate", label: "Hoàn thành quá hạn", category: "completed_late" },
  { key: "onTrack", label: "Đang làm trong hạn", category: "on_track" },
  { key: "overdue", label: "Quá hạn", category: "overdue" },
  { key: "onTimeRate", label: "Tỷ lệ đúng hạn" },
];

/**
 * Per agency, sortable by any column through the address; every count opens the list behind it.
 * Plain anchors, not next/link: a province has dozens of agencies, so hundreds of links here, and
 * each next/link is a client component (rendered, serialised for hydration, prefetched when seen),
 * which made up much of the overview's server time at scale.
 */
export function AgencyTable({
  rows,
  query,
  ongoingLabel,
}: {
  rows: AgencyRow[];
  query: OverviewQuery;
  /** The province's current period of ongoing tasks: "tháng 07/2021". */
  ongoingLabel?: string;
}) {
  const dir = query.dir ?? (query.sort === "name" ? "asc" : "desc");
  const sortHref = (key: AgencySort) => {
    const nextDir = query.sort === key ? (dir === "asc" ? "desc" : "asc") : key === "name" ? "asc" : "desc";
    return `/tong-quan${queryString({ from: query.from, to: query.to, notice: query.notice, sort: key, dir: nextDir, "co-quan": query["co-quan"] })}#theo-co-quan`;
  };
  const ariaSort = (key: AgencySort) => (query.sort === key ? (dir === "asc" ? "ascending" : "descending") : undefined);
  const arrow = (key: AgencySort) => (query.sort === key ? (dir === "asc" ? " ▲" : " ▼") : "");
  const filters = { from: query.from, to: query.to, notice: query.notice };
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="agency-table">
        <caption className="sr-only">
          Kết quả thực hiện theo cơ quan; bấm tiêu đề cột để sắp xếp, bấm số để xem danh sách
        </caption>
        <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" aria-sort={ariaSort("name")} className="px-3 py-2 text-left">
              <a href={sortHref("name")} className="hover:text-brand-800 hover:underline">
                Cơ quan, đơn vị{arrow("name")}
              </a>
            </th>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" aria-sort={ariaSort(c.key)} className="px-3 py-2 text-right">
                <a href={sortHref(c.key)} className="hover:text-brand-800 hover:underline">
                  {c.label}
                  {arrow(c.key)}
                </a>
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-right" title="Nhiệm vụ thường xuyên, không có thời hạn">
              Thường xuyên: đã báo cáo kỳ này{ongoingLabel ? ` (${ongoingLabel})` : ""}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.agency.id} className="hover:bg-slate-50" data-testid="agency-row">
              <th scope="row" className="cell min-w-44 text-left font-medium text-slate-900">
                {r.agency.name}
              </th>
              {COLUMNS.map((c) => {
                const value =
                  c.key === "onTimeRate"
                    ? formatRate(r.onTimeRate)
                    : String(r[c.key as Exclude<AgencySort, "name" | "onTimeRate">]);
                // The rate has no list of its own: its tasks are the "Được giao" link's.
                if (!c.category)
                  return (
                    <td key={c.key} className="cell-num pr-4">
                      {value}
                    </td>
                  );
                const strong = c.key === "overdue" && r.overdue > 0;
                return (
                  <td key={c.key} className="cell-num">
                    <a
                      href={listHref({ ...filters, category: c.category, agency: r.agency.id })}
                      className={strong ? "cell-link font-semibold text-red-700" : "cell-link"}
                    >
                      {value}
                    </a>
                  </td>
                );
              })}
              <td
                className={`cell-num ${r.ongoingReported < r.ongoing ? "text-amber-800" : "text-slate-800"}`}
                data-testid="agency-ongoing"
                aria-label={`Nhiệm vụ thường xuyên của ${r.agency.name} đã báo cáo kỳ này: ${r.ongoingReported}/${r.ongoing}`}
              >
                {r.ongoing > 0 ? (
                  <a
                    href={`/co-quan/${r.agency.id}?due=unreported`}
                    className="cell-link"
                    title="Mở bảng việc: nhiệm vụ thường xuyên chưa báo cáo kỳ này"
                  >
                    {`${r.ongoingReported}/${r.ongoing}`}
                  </a>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
