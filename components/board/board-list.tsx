import Link from "next/link";
import type { Board } from "@/lib/assignments/board";
import { boardQueryString, type BoardFilters } from "@/lib/assignments/board-filters";
import { STATE_LABELS } from "@/lib/assignments/state";
import { ASSIGNMENT_ROLE_LABELS } from "@/lib/notices/labels";
import { BoardMarkers } from "@/components/board/board-card";
import { DueBadge } from "@/components/board/due-badge";
import { noticeLabel } from "@/lib/notices/notice-label";
import { shorten } from "@/lib/text/shorten";

/** About three lines of the row's text at its width: what line-clamp-3 shows. */
const ROW_TEXT_CHARS = 200;

const HEADERS: { sort: NonNullable<BoardFilters["sort"]>; label: string }[] = [
  { sort: "due", label: "Thời hạn" },
  { sort: "state", label: "Trạng thái" },
  { sort: "role", label: "Vai trò" },
  { sort: "notice", label: "Văn bản" },
];

export function BoardList({
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
  const current = filters.sort ?? "due";
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">
          Danh sách nhiệm vụ, sắp xếp theo {HEADERS.find((h) => h.sort === current)?.label.toLowerCase()}
        </caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Nhiệm vụ
            </th>
            {HEADERS.map((h) => (
              <th key={h.sort} scope="col" className="px-3 py-2" aria-sort={current === h.sort ? "ascending" : "none"}>
                <Link
                  href={`${basePath}${boardQueryString(filters, { sort: h.sort, trang: undefined })}`}
                  className="hover:text-brand-800"
                >
                  {h.label}
                  {current === h.sort ? " ▲" : ""}
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {board.items.map((i) => (
            <tr key={i.id} className="align-top" data-testid="board-row">
              <td className="cell max-w-md min-w-52">
                {/* A plain anchor, the text cut where the row clamps it: as on the board's cards. */}
                <a href={`/nhiem-vu/${i.id}`} className="bl-text">
                  {shorten(i.directive.text, ROW_TEXT_CHARS)}
                </a>
                <div className="mt-1 flex flex-wrap gap-1">
                  <BoardMarkers item={i} />
                </div>
              </td>
              <td className="cell">
                <DueBadge
                  assignment={i}
                  today={today}
                  phrase={i.directive.deadlinePhrase}
                  recurrence={i.directive.recurrence}
                />
              </td>
              <td className="cell whitespace-nowrap">{STATE_LABELS[i.state]}</td>
              <td className="cell whitespace-nowrap">{ASSIGNMENT_ROLE_LABELS[i.role]}</td>
              <td className="cell text-xs text-slate-600">{`${noticeLabel(i.notice)} · mục ${i.directive.ref}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
