import { formatDay } from "@/lib/time/calendar";
import { GROUPINGS, GROUPING_LABELS, type AgendaGrouping } from "@/lib/meetings/agenda-query";
import { Button } from "@/components/ui/button";
import { FilterPanel } from "@/components/ui/filter-panel";
import { controlClass } from "@/components/ui/input";

/** The meeting day and the grouping, as a GET form: both live in the address. */
export function AgendaForm({ day, by, isToday }: { day: string; by: AgendaGrouping; isToday: boolean }) {
  const input = controlClass("regular", "mt-1");
  return (
    <FilterPanel active={(isToday ? 0 : 1) + (by === "co-quan" ? 0 : 1)}>
      <form
        action="/cuoc-hop"
        method="get"
        className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-[12rem_14rem_auto] sm:items-end"
        aria-label="Chọn ngày họp và cách nhóm"
      >
        <label className="text-sm font-medium text-slate-700">
          Ngày họp
          <input
            name="ngay"
            defaultValue={formatDay(day)}
            placeholder="dd/mm/yyyy"
            inputMode="numeric"
            autoComplete="off"
            className={input}
            data-testid="agenda-day"
          />
        </label>
        <label className="text-sm font-medium text-slate-700">
          Nhóm
          <select name="theo" defaultValue={by} className={input}>
            {GROUPINGS.map((g) => (
              <option key={g} value={g}>
                {GROUPING_LABELS[g]}
              </option>
            ))}
          </select>
        </label>
        <div className="flex gap-2">
          <Button type="submit">Xem danh mục</Button>
          <a href="/cuoc-hop" className="rounded-md px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100">
            Hôm nay
          </a>
        </div>
      </form>
    </FilterPanel>
  );
}
