import { formatDateTime, formatDay } from "@/lib/time/format";

const KIND_LABELS: Record<string, string> = {
  exact: "Thời hạn", before: "Thời hạn", datetime: "Thời hạn", until_end: "Thực hiện đến hết ngày", month: "Trong tháng",
  quarter: "Trong quý", year: "Trong năm", within_days: "Thời hạn", working_days: "Thời hạn (ngày làm việc)",
  milestone: "Mốc phấn đấu", start: "Bắt đầu từ", ongoing: "Thường xuyên", recurring: "Định kỳ", event: "Trong dịp", none: "",
};

const RECURRENCE_LABELS: Record<string, string> = { daily: "hằng ngày", weekly: "hằng tuần", monthly: "hằng tháng", quarterly: "hằng quý", yearly: "hằng năm" };

interface DeadlineFields {
  deadlineKind: string;
  dueOn: string | null;
  dueAt: Date | null;
  deadlinePhrase: string | null;
  startOn: string | null;
  recurrence: string | null;
  milestoneTarget: string | null;
}

/** The deadline as the app reads it, always beside the notice's own words. */
export function DeadlineNote({ directive: d }: { directive: DeadlineFields }) {
  if (d.deadlineKind === "none" && !d.deadlinePhrase) return null;
  const parts: string[] = [];
  if (d.dueAt) parts.push(`trước ${formatDateTime(d.dueAt)}`);
  else if (d.dueOn) parts.push(`hạn ${formatDay(d.dueOn)}`);
  if (d.startOn) parts.push(`từ ${formatDay(d.startOn)}`);
  if (d.recurrence) parts.push(`báo cáo ${RECURRENCE_LABELS[d.recurrence] ?? d.recurrence}`);
  if (d.milestoneTarget) parts.push(`chỉ tiêu: ${d.milestoneTarget}`);
  return (
    <p className="mt-2 rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700">
      <span className="font-medium">{KIND_LABELS[d.deadlineKind] ?? "Thời hạn"}</span>
      {parts.length > 0 ? `: ${parts.join(" · ")}` : null}
      {d.deadlinePhrase ? <span className="mt-0.5 block italic text-slate-600">Nguyên văn: “{d.deadlinePhrase}”</span> : null}
    </p>
  );
}
