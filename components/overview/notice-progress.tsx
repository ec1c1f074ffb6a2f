import { shorten } from "@/lib/text/shorten";
import Link from "next/link";
import { noticeLabel } from "@/lib/notices/notice-label";
import { listHref, type OverviewQuery } from "@/lib/reports/list-query";
import type { NoticeProgressRow } from "@/lib/reports/types";

/** Progress of each notice: a bar with its numbers written, each number a link to its list. */
export function NoticeProgress({
  rows,
  query,
  total,
}: {
  rows: NoticeProgressRow[];
  query: OverviewQuery;
  total?: number;
}) {
  const filters = { from: query.from, to: query.to };
  const rest = total !== undefined ? total - rows.length : 0;
  return (
    <>
      <ul
        className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm"
        data-testid="notice-progress"
      >
        {rows.map((r) => {
          const pct = r.assigned > 0 ? Math.round((r.completed / r.assigned) * 100) : 0;
          return (
            <li key={r.notice.id} className="px-4 py-3">
              <div className="progress-head">
                <a href={`/thong-bao/${r.notice.id}`} className="link">
                  {noticeLabel(r.notice)}
                </a>
                <div className="progress-counts">
                  <a
                    className="hover:underline"
                    href={listHref({ ...filters, notice: r.notice.id, category: "assigned" })}
                  >
                    {`${r.assigned} lượt giao`}
                  </a>
                  <a className="hover:underline" href={`/thong-bao/${r.notice.id}`}>
                    {`${r.completed} hoàn thành`}
                  </a>
                  <a
                    className={`hover:underline ${r.overdue ? "font-semibold text-red-700" : ""}`}
                    href={listHref({ ...filters, notice: r.notice.id, category: "overdue" })}
                  >
                    {`${r.overdue} quá hạn`}
                  </a>
                </div>
              </div>
              <p className="mt-0.5 line-clamp-1 text-xs text-slate-500">{shorten(r.notice.title, 160)}</p>
              <div className="mt-2 flex items-center gap-2">
                <div
                  className="bar"
                  role="progressbar"
                  aria-valuenow={pct}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-label={`Hoàn thành ${pct}%`}
                >
                  <div className="h-full rounded-full bg-emerald-600" style={{ width: `${pct}%` }} />
                </div>
                <span className="progress-pct">{pct}%</span>
              </div>
            </li>
          );
        })}
      </ul>
      {rest > 0 ? (
        <p className="mt-2 text-sm text-slate-600" data-testid="notice-progress-more">
          {rows.length} thông báo nhiều việc quá hạn nhất (rồi nhiều lượt giao nhất); còn {rest} thông báo khác: xem ở{" "}
          <Link href="/thong-bao" className="link">
            danh sách thông báo
          </Link>{" "}
          hoặc trong bản xuất Excel, CSV, PDF (nút ở đầu trang), có đủ mọi thông báo.
        </p>
      ) : null}
    </>
  );
}
