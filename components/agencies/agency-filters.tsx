import Link from "next/link";
import { AGENCY_KIND_LABELS, AGENCY_STATUS_LABELS, AGENCY_STATUSES } from "@/lib/agencies/labels";
import { AGENCY_KINDS } from "@/lib/agencies/registry";
import type { AgencyFilterQuery } from "@/lib/agencies/schemas";
import { Button } from "@/components/ui/button";
import { FilterPanel } from "@/components/ui/filter-panel";
import { controlClass } from "@/components/ui/input";

const control = controlClass("compact", "min-w-0");

/** A plain GET form: the filters go into the address. */
export function AgencyFilters({ query }: { query: AgencyFilterQuery }) {
  const active = [query.q, query.kind, query.status].filter(Boolean).length;
  return (
    <FilterPanel active={active}>
      <form
        method="get"
        action="/quan-tri/co-quan"
        role="search"
        aria-label="Lọc cơ quan"
        className="grid gap-2 rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:grid-cols-[2fr_1fr_1fr_auto]"
      >
        <label className="grid min-w-0 gap-1 text-xs font-medium text-slate-600">
          Tìm (không cần dấu)
          <input
            name="q"
            defaultValue={query.q ?? ""}
            placeholder="tên, tên viết tắt, tên gọi khác"
            className={control}
          />
        </label>
        <label className="grid min-w-0 gap-1 text-xs font-medium text-slate-600">
          Loại
          <select name="kind" defaultValue={query.kind ?? ""} className={control}>
            <option value="">Tất cả</option>
            {AGENCY_KINDS.map((k) => (
              <option key={k} value={k}>
                {AGENCY_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="grid min-w-0 gap-1 text-xs font-medium text-slate-600">
          Trạng thái
          <select name="status" defaultValue={query.status ?? ""} className={control}>
            <option value="">Tất cả</option>
            {AGENCY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {AGENCY_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <div className="flex items-end gap-2">
          <Button type="submit" size="regular">
            Lọc
          </Button>
          {active > 0 ? (
            <Link href="/quan-tri/co-quan" className="px-2 py-2 text-sm text-brand-800 underline">
              Bỏ lọc
            </Link>
          ) : null}
        </div>
      </form>
    </FilterPanel>
  );
}
