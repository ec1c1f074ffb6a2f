import Link from "next/link";
import type { BoardItem } from "@/lib/assignments/board";
import { STATE_LABELS } from "@/lib/assignments/timeliness";
import { Badge } from "@/components/ui/badge";
import { DueBadge } from "@/components/board/due-badge";
import { noticeLabel } from "@/components/notices/notice-label";

const COLUMNS = ["not_started", "in_progress", "submitted", "completed"] as const;

export function BoardColumns({ items, today }: { items: BoardItem[]; today: string }) {
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
      {COLUMNS.map((state) => {
        const list = items.filter((i) => i.state === state);
        return (
          <section key={state} aria-labelledby={`cot-${state}`} className="rounded-xl bg-slate-100 p-3">
            <h2 id={`cot-${state}`} className="mb-3 flex items-center justify-between px-1 text-sm font-semibold text-slate-700">
              {STATE_LABELS[state]} <span className="rounded-full bg-white px-2 py-0.5 text-xs tabular-nums text-slate-600">{list.length}</span>
            </h2>
            <ul className="grid gap-2">
              {list.map((item) => <li key={item.id}><BoardCard item={item} today={today} /></li>)}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function BoardCard({ item, today }: { item: BoardItem; today: string }) {
  const d = item.directive;
  const others = item.otherAgencies;
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm" data-testid="board-card">
      <div className="flex flex-wrap items-center gap-1.5">
        {item.role === "lead" ? <Badge tone="brand">Chủ trì</Badge> : <Badge tone="neutral">Phối hợp</Badge>}
        {d.urgent ? <Badge tone="danger">Khẩn</Badge> : null}
        {d.deadlineKind === "ongoing" ? <Badge tone="info">Thường xuyên</Badge> : null}
        {d.recurrence ? <Badge tone="info">Định kỳ</Badge> : null}
        {d.deadlineKind === "milestone" ? <Badge tone="info">Mốc phấn đấu</Badge> : null}
      </div>
      <p className="mt-2 line-clamp-4 text-slate-800">{d.text}</p>
      <p className="mt-2 text-xs text-slate-500">
        <Link className="underline decoration-slate-300 hover:text-brand-800" href={`/thong-bao/${item.notice.id}`}>
          {noticeLabel(item.notice)}
        </Link>{" "}
        · mục {d.ref}
      </p>
      {others.length > 0 ? (
        <p className="mt-1 text-xs text-slate-500">
          Cùng thực hiện: {others.slice(0, 4).map((o) => o.shortName).join(", ")}
          {others.length > 4 ? ` và ${others.length - 4} đơn vị khác` : ""}
        </p>
      ) : null}
      <div className="mt-2"><DueBadge assignment={item} today={today} phrase={d.deadlinePhrase} /></div>
    </article>
  );
}
