import Link from "next/link";
import type { NoticeListItem } from "@/lib/notices/queries";
import { Badge } from "@/components/ui/badge";
import { noticeLabel } from "@/lib/notices/notice-label";

export function NoticeTable({ notices }: { notices: NoticeListItem[] }) {
  return (
    <ul className="grid gap-3">
      {notices.map((n) => {
        const pct = n.assignmentCount ? Math.round((n.completedCount / n.assignmentCount) * 100) : 0;
        return (
          <li key={n.id}>
            <Link
              href={`/thong-bao/${n.id}`}
              className="block rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition hover:border-brand-600 hover:shadow"
            >
              <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <span className="font-medium text-brand-800">{noticeLabel(n)}</span>
                {n.status === "draft" ? <Badge tone="warning">Bản nháp</Badge> : null}
                {n.status === "withdrawn" ? <Badge tone="neutral">Đã thu hồi</Badge> : null}
                {n.overdueCount > 0 ? <Badge tone="danger">{n.overdueCount} việc quá hạn</Badge> : null}
              </div>
              <h2 className="mt-1 font-semibold text-slate-900">{n.title}</h2>
              <p className="mt-0.5 text-sm text-slate-600">{n.issuer}</p>
              <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-700">
                <span>{n.directiveCount} nhiệm vụ</span>
                <span>{n.assignmentCount} lượt giao việc</span>
                <span className="flex items-center gap-2">
                  <span className="h-2 w-24 overflow-hidden rounded-full bg-slate-200" aria-hidden>
                    <span className="block h-full bg-emerald-600" style={{ width: `${pct}%` }} />
                  </span>
                  {n.completedCount}/{n.assignmentCount} hoàn thành
                </span>
              </div>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
