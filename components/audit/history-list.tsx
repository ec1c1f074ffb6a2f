import type { HistoryEntry } from "@/lib/audit/history";
import { formatDateTime } from "@/lib/time/calendar";

/** A record's history, newest first: when, who, what. */
export function HistoryList({ entries, empty = "Chưa có thay đổi nào." }: { entries: HistoryEntry[]; empty?: string }) {
  if (entries.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <ol className="grid gap-2 text-sm" data-testid="history">
      {entries.map((e) => (
        <li key={e.id} className="border-l-2 border-slate-200 pl-3">
          <div className="font-medium text-slate-800">{e.label}</div>
          <div className="text-xs text-slate-500">
            {formatDateTime(e.at)}
            {e.actorName ? ` · ${e.actorName}` : ""}
          </div>
        </li>
      ))}
    </ol>
  );
}
