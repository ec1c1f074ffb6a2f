import Link from "next/link";
import { boardQueryString, type BoardFilters } from "@/lib/assignments/board-filters";
import { STATE_LABELS } from "@/lib/assignments/state";
import { ASSIGNMENT_ROLE_LABELS } from "@/lib/notices/labels";
import { Button } from "@/components/ui/button";
import { FilterPanel } from "@/components/ui/filter-panel";
import { controlClass } from "@/components/ui/input";

const select = controlClass("compact", "min-w-0");

/** A plain GET form: the filters go into the address, so the view can be bookmarked and shared. */
export function BoardFiltersForm({
  basePath,
  filters,
  notices,
  noticeTotal,
}: {
  basePath: string;
  filters: BoardFilters;
  notices: { id: number; label: string }[];
  noticeTotal?: number;
}) {
  const active = Boolean(filters.q || filters.state || filters.role || filters.due || filters.notice);
  const count = [filters.q, filters.state, filters.role, filters.due, filters.notice].filter(Boolean).length;
  return (
    <FilterPanel active={count}>
      <form
        method="get"
        action={basePath}
        className="grid gap-2 rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:grid-cols-2 lg:grid-cols-[2fr_repeat(4,minmax(0,1fr))_auto]"
        role="search"
        aria-label="Lọc nhiệm vụ"
      >
        {filters.view ? <input type="hidden" name="view" value={filters.view} /> : null}
        {filters.sort ? <input type="hidden" name="sort" value={filters.sort} /> : null}
        <label className="grid min-w-0 gap-1 text-xs font-medium text-slate-600">
          Tìm (không cần dấu)
          <input name="q" defaultValue={filters.q ?? ""} placeholder="vd: so y te, vac xin" className={select} />
        </label>
        <label className="grid min-w-0 gap-1 text-xs font-medium text-slate-600">
          Văn bản
          <select name="notice" defaultValue={filters.notice ?? ""} className={select}>
            <option value="">Tất cả</option>
            {notices.map((n) => (
              <option key={n.id} value={n.id}>
                {n.label.length > 60 ? `${n.label.slice(0, 57)}…` : n.label}
              </option>
            ))}
          </select>
          {noticeTotal !== undefined && noticeTotal > notices.length ? (
            <span className="font-normal text-slate-500" data-testid="board-notice-limited">
              Chỉ liệt kê {notices.length}/{noticeTotal} văn bản (theo hạn sớm nhất); văn bản khác: gõ số hoặc tên vào ô
              Tìm
            </span>
          ) : null}
        </label>
        <label className="grid min-w-0 gap-1 text-xs font-medium text-slate-600">
          Trạng thái
          <select name="state" defaultValue={filters.state ?? ""} className={select}>
            <option value="">Tất cả</option>
            {Object.entries(STATE_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label className="grid min-w-0 gap-1 text-xs font-medium text-slate-600">
          Vai trò
          <select name="role" defaultValue={filters.role ?? ""} className={select}>
            <option value="">Tất cả</option>
            <option value="lead">{ASSIGNMENT_ROLE_LABELS.lead}</option>
            <option value="support">{ASSIGNMENT_ROLE_LABELS.support}</option>
          </select>
        </label>
        <label className="grid min-w-0 gap-1 text-xs font-medium text-slate-600">
          Thời hạn
          <select name="due" defaultValue={filters.due ?? ""} className={select}>
            <option value="">Tất cả</option>
            <option value="overdue">Đã quá hạn</option>
            <option value="week">Đến hạn trong tuần này</option>
            <option value="month">Đến hạn trong tháng này</option>
            <option value="none">Không có thời hạn</option>
            <option value="unreported">Thường xuyên chưa báo cáo kỳ này</option>
          </select>
        </label>
        <div className="flex items-end gap-2">
          <Button type="submit">Lọc</Button>
          {active ? (
            <Link
              href={`${basePath}${boardQueryString({ view: filters.view, sort: filters.sort })}`}
              className="py-1.5 text-sm text-slate-600 underline"
            >
              Bỏ lọc
            </Link>
          ) : null}
        </div>
      </form>
    </FilterPanel>
  );
}
