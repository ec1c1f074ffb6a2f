import Link from "next/link";
import type { Board } from "@/lib/assignments/board";
import { boardQueryString, type BoardFilters } from "@/lib/assignments/board-filters";
import { ASSIGNMENT_STATES, STATE_LABELS } from "@/lib/assignments/state";
import { BoardCard } from "@/components/board/board-card";

/**
 * The board as four state columns, each with its first cards (BOARD_COLUMN_LIMIT); a column with
 * more ends in a link to the rest of it, as the list view narrowed to that state (up to
 * BOARD_LIST_LIMIT a page).
 */
export function BoardColumns({
  board,
  today,
  basePath,
  filters,
}: {
  board: Board;
  today: string;
  basePath: string;
  filters: BoardFilters;
}) {
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
            {board.counts[state] > list.length ? (
              <Link
                href={`${basePath}${boardQueryString(filters, { view: "list", state, trang: undefined })}`}
                className="mt-2 block rounded-lg px-1 py-1.5 text-sm font-medium text-brand-800 underline underline-offset-2 hover:bg-white"
                data-testid="column-more"
              >
                Xem thêm {(board.counts[state] - list.length).toLocaleString("vi-VN")} nhiệm vụ &ldquo;
                {STATE_LABELS[state]}&rdquo;
              </Link>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
