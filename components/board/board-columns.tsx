import type { Board } from "@/lib/assignments/board";
import { ASSIGNMENT_STATES, STATE_LABELS } from "@/lib/assignments/state";
import { BoardCard } from "@/components/board/board-card";

export function BoardColumns({ board, today }: { board: Board; today: string }) {
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
      {ASSIGNMENT_STATES.map((state) => {
        const list = board.items.filter((i) => i.state === state);
        return (
          <section
            key={state}
            aria-labelledby={`cot-${state}`}
            className="rounded-xl bg-slate-100 p-3"
            data-testid={`column-${state}`}
          >
            <h2
              id={`cot-${state}`}
              className="mb-3 flex items-center justify-between px-1 text-sm font-semibold text-slate-700"
            >
              {STATE_LABELS[state]}{" "}
              <span
                className="rounded-full bg-white px-2 py-0.5 text-xs text-slate-600 tabular-nums"
                data-testid="column-count"
              >
                {board.counts[state]}
              </span>
            </h2>
            {list.length === 0 ? <p className="px-1 text-xs text-slate-500">Không có nhiệm vụ.</p> : null}
            <ul className="grid gap-2">
              {list.map((item) => (
                <li key={item.id}>
                  <BoardCard item={item} today={today} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
