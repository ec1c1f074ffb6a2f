import type { NoticeChange } from "@/lib/notices/edit-history";
import { formatDateTime } from "@/lib/time/calendar";

/** The notice's changes after publication, newest first: who, when, what before → after. */
export function ChangeList({ changes }: { changes: NoticeChange[] }) {
  return (
    <section aria-labelledby="dieu-chinh" className="mt-8">
      <h2 id="dieu-chinh" className="mb-3 text-lg font-semibold">
        Điều chỉnh sau khi ban hành ({changes.length})
      </h2>
      {changes.length === 0 ? (
        <p className="text-sm text-slate-600">Chưa có điều chỉnh nào.</p>
      ) : (
        <ol className="grid gap-2" data-testid="change-list">
          {changes.map((c) => (
            <li key={c.id} className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm shadow-sm">
              <p className="flex flex-wrap items-baseline gap-x-2 text-slate-600">
                <time dateTime={c.at} className="tabular-nums">
                  {formatDateTime(new Date(c.at))}
                </time>
                <span>·</span>
                <span className="font-medium text-slate-800">{c.actorName ?? "Hệ thống"}</span>
                <span>·</span>
                <span className="font-semibold text-slate-900">
                  {c.title}
                  {c.ref ? ` ${c.ref}` : ""}
                </span>
              </p>
              <ul className="mt-1 grid gap-0.5 text-slate-800">
                {c.lines.map((line, i) => (
                  <li key={i} className="break-words">
                    {line}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
