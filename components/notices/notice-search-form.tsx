import Link from "next/link";
import { NOTICE_KIND_LABELS } from "@/lib/notices/labels";
import { activeFilters, NOTICE_KINDS, type NoticeSearch } from "@/lib/notices/search-query";
import { formatDay } from "@/lib/time/calendar";
import { Button } from "@/components/ui/button";
import { FilterPanel } from "@/components/ui/filter-panel";
import { controlClass } from "@/components/ui/input";

const control = controlClass("compact", "min-w-0");
const labelClass = "grid min-w-0 gap-1 text-xs font-medium text-slate-600";
const KIND_CODES: Record<string, string> = { QD: "QĐ", CD: "CĐ" };

/**
 * A plain GET form (it works without JavaScript): the search and every filter go into the
 * address. The search box stays in sight; on a phone the other filters fold behind a button so
 * that the results come first.
 */
export function NoticeSearchForm({
  filters,
  issuers,
  years,
  drafts,
}: {
  filters: NoticeSearch;
  issuers: string[];
  years: number[];
  /** Whether the user may read drafts (and so filter by status). */
  drafts: boolean;
}) {
  const count = activeFilters(filters);
  const issuerChoices = filters.issuer && !issuers.includes(filters.issuer) ? [filters.issuer, ...issuers] : issuers;
  const yearChoices = filters.year && !years.includes(filters.year) ? [filters.year, ...years] : years;
  return (
    <form method="get" action="/thong-bao" role="search" aria-label="Tìm văn bản" className="mb-4">
      <div className="mb-2 flex gap-2">
        <label className="min-w-0 flex-1">
          <span className="sr-only">Tìm theo số, trích yếu hoặc nội dung (không cần dấu)</span>
          <input
            type="search"
            name="q"
            defaultValue={filters.q ?? ""}
            placeholder="Số, trích yếu, nội dung… (vd: 875/TB, xet nghiem)"
            className={controlClass("regular", "min-w-0")}
            data-testid="notice-search-q"
          />
        </label>
        <Button type="submit">Tìm</Button>
      </div>
      <FilterPanel active={count}>
        <div className="grid gap-2 rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:grid-cols-3 lg:grid-cols-[repeat(3,minmax(0,1fr))_8rem_8rem_auto]">
          <label className={labelClass}>
            Loại văn bản
            <select name="kind" defaultValue={filters.kind ?? ""} className={control}>
              <option value="">Tất cả</option>
              {NOTICE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {NOTICE_KIND_LABELS[k]} ({KIND_CODES[k] ?? k})
                </option>
              ))}
            </select>
          </label>
          <label className={labelClass}>
            Cơ quan ban hành
            <select name="issuer" defaultValue={filters.issuer ?? ""} className={control}>
              <option value="">Tất cả</option>
              {issuerChoices.map((i) => (
                <option key={i} value={i}>
                  {i.length > 60 ? `${i.slice(0, 57)}…` : i}
                </option>
              ))}
            </select>
          </label>
          <label className={labelClass}>
            Năm
            <select name="year" defaultValue={filters.year ? String(filters.year) : ""} className={control}>
              <option value="">Tất cả</option>
              {yearChoices.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label className={labelClass}>
            Từ ngày
            <input
              name="from"
              defaultValue={filters.from ? formatDay(filters.from) : ""}
              placeholder="dd/mm/yyyy"
              inputMode="numeric"
              autoComplete="off"
              className={control}
            />
          </label>
          <label className={labelClass}>
            Đến ngày
            <input
              name="to"
              defaultValue={filters.to ? formatDay(filters.to) : ""}
              placeholder="dd/mm/yyyy"
              inputMode="numeric"
              autoComplete="off"
              className={control}
            />
          </label>
          <label className={labelClass}>
            Tình trạng
            <select name="status" defaultValue={filters.status ?? ""} className={control}>
              <option value="">Tất cả</option>
              <option value="published">Đã ban hành</option>
              {drafts ? <option value="draft">Bản nháp</option> : null}
              <option value="withdrawn">Đã thu hồi</option>
            </select>
          </label>
          <label className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-2 lg:col-span-3">
            <input
              type="checkbox"
              name="overdue"
              value="1"
              defaultChecked={filters.overdue === true}
              className="size-4"
            />
            Chỉ văn bản có việc quá hạn
          </label>
          <div className="flex items-end gap-2">
            <Button type="submit">Lọc</Button>
            {count > 0 || filters.q ? (
              <Link href="/thong-bao" className="py-1.5 text-sm text-slate-600 underline">
                Bỏ lọc
              </Link>
            ) : null}
          </div>
        </div>
      </FilterPanel>
    </form>
  );
}
