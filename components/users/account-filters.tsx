import Link from "next/link";
import { USER_ROLE_LABELS, ROLE_NAMES } from "@/lib/auth/user";
import type { AccountFilterQuery } from "@/lib/users/filters";
import { Button } from "@/components/ui/button";
import { FilterPanel } from "@/components/ui/filter-panel";
import { controlClass } from "@/components/ui/input";

const control = controlClass("compact", "min-w-0");

/** A plain GET form: the filters go into the address. */
export function AccountFilters({ query }: { query: AccountFilterQuery }) {
  const active = [query.q, query.role, query.status].filter(Boolean).length;
  return (
    <FilterPanel active={active}>
      <form
        method="get"
        action="/quan-tri/nguoi-dung"
        role="search"
        aria-label="Lọc tài khoản"
        className="grid gap-2 rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:grid-cols-[2fr_1fr_1fr_auto]"
      >
        <label className="grid min-w-0 gap-1 text-xs font-medium text-slate-600">
          Tìm (không cần dấu)
          <input name="q" defaultValue={query.q ?? ""} placeholder="tên, tên đăng nhập, cơ quan" className={control} />
        </label>
        <label className="grid min-w-0 gap-1 text-xs font-medium text-slate-600">
          Vai trò
          <select name="role" defaultValue={query.role ?? ""} className={control}>
            <option value="">Tất cả</option>
            {ROLE_NAMES.map((r) => (
              <option key={r} value={r}>
                {r === "admin" ? "Quản trị của tỉnh" : USER_ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <label className="grid min-w-0 gap-1 text-xs font-medium text-slate-600">
          Trạng thái
          <select name="status" defaultValue={query.status ?? ""} className={control}>
            <option value="">Tất cả</option>
            <option value="active">Đang hoạt động</option>
            <option value="inactive">Đã khóa</option>
          </select>
        </label>
        <div className="flex items-end gap-2">
          <Button type="submit" size="regular">
            Lọc
          </Button>
          {active > 0 ? (
            <Link href="/quan-tri/nguoi-dung" className="px-2 py-2 text-sm text-brand-800 underline">
              Bỏ lọc
            </Link>
          ) : null}
        </div>
      </form>
    </FilterPanel>
  );
}
