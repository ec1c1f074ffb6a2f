import { formatDay } from "@/lib/time/calendar";
import { demoToday, today } from "@/lib/time/today";

/**
 * On the demo (a database holding the played history), a thin bar on every page says so and
 * which day counts as today; a real deployment shows nothing.
 */
export function DemoBanner() {
  if (!demoToday()) return null;
  return (
    <p
      role="note"
      data-testid="demo-banner"
      className="bg-amber-100 px-4 py-1.5 text-center text-xs font-medium text-amber-900 print:hidden"
    >
      {`Dữ liệu mẫu · hôm nay được tính là ${formatDay(today())}`}
    </p>
  );
}
