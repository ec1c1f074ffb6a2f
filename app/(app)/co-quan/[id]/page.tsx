import type { Metadata } from "next";
import { cachedReads } from "@/lib/db/cached-reads";
import Link from "next/link";
import { successionOf } from "@/lib/agencies/succession";
import { boardAgencies, BOARD_COLUMN_LIMIT, BOARD_LIST_LIMIT } from "@/lib/assignments/board";
import { boardQueryString, parseBoardFilters } from "@/lib/assignments/board-filters";
import { page } from "@/lib/auth/gate";
import { can } from "@/lib/auth/permissions";
import { feedStatus } from "@/lib/feeds/feeds";
import { db } from "@/lib/db/client";
import { today } from "@/lib/time/today";
import { formatDay, vietnamDay } from "@/lib/time/calendar";
import { AgencySwitcher } from "@/components/board/agency-switcher";
import { BoardColumns } from "@/components/board/board-columns";
import { BoardFiltersForm } from "@/components/board/board-filters-form";
import { BoardList } from "@/components/board/board-list";
import { CalendarFeedPanel } from "@/components/feeds/calendar-feed-panel";
import { feedView } from "@/components/feeds/feed-view";
import { Pager } from "@/components/overview/pager";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Bảng việc" };

export default page({ ids: ["id"], query: parseBoardFilters }, async ({ user, params: { id }, query: filters }) => {
  const day = today();
  // Another agency's board answers as the 404 page (the gate): nothing about it leaks.
  const board = await cachedReads.agencyBoard(db(), user, id, filters, day);
  const [mine, succession] = await Promise.all([
    user.role === "agency_staff" ? boardAgencies(db(), user) : [],
    successionOf(db(), board.agency.id),
  ]);
  // The agency's calendar feed: its own staff, the secretariat and the administrator manage it.
  const managesFeed = can(user, "calendarFeed.manage", {
    provinceId: board.agency.provinceId,
    agencyId: board.agency.id,
  });
  const feed = managesFeed ? await feedStatus(db(), user, { agencyId: board.agency.id }) : null;
  const basePath = `/co-quan/${id}`;
  const view = filters.view ?? "board";
  const count =
    board.matched === board.total
      ? `${board.total} nhiệm vụ được giao`
      : `${board.matched}/${board.total} nhiệm vụ khớp bộ lọc`;
  // A large board shows only the first tasks: say so rather than let "200/12885" read as a filter's result.
  const truncation = board.truncated
    ? view === "list"
      ? ` · ${BOARD_LIST_LIMIT} nhiệm vụ mỗi trang theo thứ tự đã chọn`
      : ` · Hiển thị ${BOARD_COLUMN_LIMIT} nhiệm vụ đầu tiên của mỗi cột theo thứ tự đã chọn; dùng bộ lọc để thu hẹp`
    : "";
  return (
    <>
      <PageHeader
        title={board.agency.name}
        subtitle={
          <>
            {count} · tính đến ngày {formatDay(day)}
            {truncation ? <span data-testid="board-truncated">{truncation}</span> : null}
          </>
        }
        actions={mine.length > 1 ? <AgencySwitcher agencies={mine} current={board.agency.id} /> : null}
      />
      {succession ? (
        <p
          role="status"
          className="mb-4 rounded-xl border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
          data-testid="board-succession"
        >
          {board.agency.name} đã ngừng hoạt động từ ngày {formatDay(vietnamDay(succession.endedAt))}
          {succession.successor ? (
            <>
              ; các nhiệm vụ đang thực hiện đã chuyển sang{" "}
              <Link href={`/co-quan/${succession.successor.id}`} className="font-medium underline">
                {succession.successor.name}
              </Link>
              . Các nhiệm vụ đã hoàn thành vẫn ở đây.
            </>
          ) : (
            "."
          )}
        </p>
      ) : null}
      <BoardFiltersForm basePath={basePath} filters={filters} notices={board.notices} noticeTotal={board.noticeTotal} />
      <nav aria-label="Cách xem" className="mb-3 flex gap-1 text-sm">
        {(["board", "list"] as const).map((v) => (
          <Link
            key={v}
            href={`${basePath}${boardQueryString(filters, { view: v === "board" ? undefined : v, trang: undefined })}`}
            aria-current={view === v ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 font-medium ${view === v ? "bg-brand-800 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"}`}
          >
            {v === "board" ? "Theo cột trạng thái" : "Danh sách"}
          </Link>
        ))}
      </nav>
      {view === "list" ? (
        <>
          <BoardList board={board} today={day} basePath={basePath} filters={filters} />
          <Pager
            page={filters.trang ?? 1}
            pageSize={BOARD_LIST_LIMIT}
            total={board.matched}
            href={(p) => `${basePath}${boardQueryString(filters, { trang: p === 1 ? undefined : p })}`}
          />
        </>
      ) : (
        <BoardColumns board={board} today={day} basePath={basePath} filters={filters} />
      )}
      {managesFeed ? (
        <details className="mt-6 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="agency-feed">
          <summary className="cursor-pointer font-semibold">Lịch trên điện thoại của {board.agency.name}</summary>
          <div className="mt-3">
            <CalendarFeedPanel feed={feedView(feed)} agencyId={board.agency.id} whose={`của ${board.agency.name}`} />
          </div>
        </details>
      ) : null}
    </>
  );
});
