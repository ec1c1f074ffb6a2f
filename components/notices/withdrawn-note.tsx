import { formatDay, vietnamDay } from "@/lib/time/calendar";

/** "Đã thu hồi ngày dd/MM/yyyy: reason", on the notice's page and on each of its tasks' pages. */
export function WithdrawnNote({
  at,
  reason,
  of = "notice",
}: {
  at: string | null;
  reason: string | null;
  of?: "notice" | "task";
}) {
  return (
    <div
      role="note"
      data-testid="withdrawn-note"
      className="mt-3 rounded-lg border border-slate-300 bg-slate-100 px-3 py-2 text-sm text-slate-800"
    >
      <p className="font-semibold">
        Thông báo đã bị thu hồi{at ? ` ngày ${formatDay(vietnamDay(new Date(at)))}` : ""}
        {of === "task" ? ": nhiệm vụ này đã kết thúc" : ": các nhiệm vụ còn mở đã kết thúc"}, không tính quá hạn.
      </p>
      {reason ? <p className="mt-1">Lý do: {reason}</p> : null}
      <p className="mt-1 text-slate-600">Mọi báo cáo, tệp và lịch sử vẫn được lưu để tra cứu.</p>
    </div>
  );
}
