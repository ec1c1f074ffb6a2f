import Link from "next/link";
import { formatDay } from "@/lib/time/calendar";
import { Button } from "@/components/ui/button";
import { FilterPanel } from "@/components/ui/filter-panel";
import { controlClass } from "@/components/ui/input";

/** Period and notice, as a GET form: the filters live in the address. */
export function FiltersForm({
  action,
  from,
  to,
  notice,
  notices,
  noticeTotal,
  hidden = {},
}: {
  action: string;
  from?: string;
  to?: string;
  notice?: number;
  notices: { id: number; label: string }[];
  /** How many notices exist when `notices` lists only some of them (the newest). */
  noticeTotal?: number;
  hidden?: Record<string, string | number | undefined>;
}) {
  const limited = noticeTotal !== undefined && noticeTotal > notices.length;
  const input = controlClass("regular", "mt-1");
  const active = [from, to, notice].filter(Boolean).length;
  return (
    <FilterPanel active={active}>
      <form
        action={action}
        method="get"
        className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-[10rem_10rem_1fr_auto] sm:items-end"
        aria-label="Lọc theo thời gian và thông báo"
      >
        {Object.entries(hidden).map(([k, v]) =>
          v === undefined ? null : <input key={k} type="hidden" name={k} value={v} />,
        )}
        <label className="text-sm font-medium text-slate-700">
          Văn bản ban hành từ ngày
          <input
            name="from"
            defaultValue={from ? formatDay(from) : ""}
            placeholder="dd/mm/yyyy"
            inputMode="numeric"
            autoComplete="off"
            className={input}
          />
        </label>
        <label className="text-sm font-medium text-slate-700">
          đến ngày
          <input
            name="to"
            defaultValue={to ? formatDay(to) : ""}
            placeholder="dd/mm/yyyy"
            inputMode="numeric"
            autoComplete="off"
            className={input}
          />
        </label>
        <label className="min-w-0 text-sm font-medium text-slate-700">
          Thông báo
          <select name="notice" defaultValue={notice ? String(notice) : ""} className={input}>
            <option value="">Tất cả thông báo</option>
            {notices.map((n) => (
              <option key={n.id} value={n.id}>
                {n.label}
              </option>
            ))}
          </select>
          {limited ? (
            <span className="mt-1 block text-xs font-normal text-slate-500" data-testid="notice-filter-limited">
              Chỉ liệt kê {notices.length} thông báo gần nhất trong {noticeTotal}; thông báo khác: mở từ{" "}
              <Link href="/thong-bao" className="text-brand-800 hover:underline">
                danh sách thông báo
              </Link>
              .
            </span>
          ) : null}
        </label>
        <div className="flex gap-2">
          <Button type="submit">Lọc</Button>
          <a href={action} className="rounded-md px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100">
            Bỏ lọc
          </a>
        </div>
      </form>
    </FilterPanel>
  );
}
