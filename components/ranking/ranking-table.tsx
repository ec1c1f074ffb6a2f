import Link from "next/link";
import { rankChange, type RankRow } from "@/lib/ranking/figures";
import { formatRate } from "@/lib/reports/counts";

function change(r: RankRow) {
  const c = rankChange(r);
  const tone = c.startsWith("▲") ? "text-emerald-700" : c.startsWith("▼") ? "text-red-700" : "text-slate-600";
  const label = c.startsWith("▲") ? `tăng ${c.slice(1)} bậc` : c.startsWith("▼") ? `giảm ${c.slice(1)} bậc` : c;
  return (
    <span className={tone} aria-label={label}>
      {c}
    </span>
  );
}

/** The ranking as a table (scrolls inside its box on a phone); `periodKey` links each agency's own page. */
export function RankingTable({
  rows,
  periodKey,
  linkAgencies = true,
}: {
  rows: RankRow[];
  periodKey: string;
  /** Off on the public page: agencies' own pages need signing in. */
  linkAgencies?: boolean;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="report-table w-full min-w-[720px] text-sm" data-testid="ranking-table">
        <RankingHead
          columns={[
            ["Hạng"],
            ["Thay đổi"],
            ["Cơ quan, đơn vị"],
            ["Được giao", "right"],
            ["Đúng hạn", "right"],
            ["Trễ hạn", "right"],
            ["Đang làm", "right"],
            ["Quá hạn", "right"],
            ["Tỷ lệ đúng hạn", "right"],
            ["Điểm", "right"],
          ]}
        />
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.agencyId}>
              <td className="num px-2 py-1.5 font-semibold">{r.rank ?? "—"}</td>
              <td className="num px-2 py-1.5">{change(r)}</td>
              <td className="px-2 py-1.5">
                {linkAgencies ? (
                  <Link
                    href={`/xep-hang/co-quan/${r.agencyId}?ky=${periodKey}`}
                    className="text-brand-800 underline-offset-2 hover:underline"
                  >
                    {r.name}
                  </Link>
                ) : (
                  r.name
                )}
              </td>
              <td className="num px-2 py-1.5 text-right tabular-nums">{r.assigned}</td>
              <td className="num px-2 py-1.5 text-right tabular-nums">{r.completedOnTime}</td>
              <td className="num px-2 py-1.5 text-right tabular-nums">{r.completedLate}</td>
              <td className="num px-2 py-1.5 text-right tabular-nums">{r.onTrack}</td>
              <td className={`num px-2 py-1.5 text-right tabular-nums ${r.overdue ? "text-red-700" : ""}`}>
                {r.overdue}
                {r.overdue ? <span className="text-xs text-slate-500"> ({r.overdueDays} ngày)</span> : null}
              </td>
              <td className="num px-2 py-1.5 text-right tabular-nums">{formatRate(r.onTimeRate)}</td>
              <td className="num px-2 py-1.5 text-right font-semibold tabular-nums">
                {r.score === null ? "—" : r.score.toLocaleString("vi-VN")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The compact period picker: a plain GET form, works without script and by keyboard. */
export function PeriodPicker({
  current,
  options,
  action,
}: {
  current: string;
  options: { key: string; label: string }[];
  action: string;
}) {
  return (
    <form method="get" action={action} className="flex items-end gap-2">
      <label className="text-sm text-slate-700">
        <span className="block">Kỳ</span>
        <select
          name="ky"
          defaultValue={current}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        >
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
      >
        Xem
      </button>
    </form>
  );
}

/** A ranking table's header: each column's label, figures aligned right. */
export function RankingHead({ columns }: { columns: [label: string, align?: "right"][] }) {
  return (
    <thead className="bg-slate-50 text-left text-slate-700">
      <tr>
        {columns.map(([label, align]) => (
          <th key={label} scope="col" className={`px-2 py-2${align === "right" ? "text-right" : ""}`}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
