import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { daysOverdue } from "@/lib/assignments/timeliness";
import { listOverdue } from "@/lib/assignments/overdue";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { today } from "@/lib/time/today";
import { formatDay } from "@/lib/time/format";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { noticeLabel } from "@/components/notices/notice-label";

export const metadata: Metadata = { title: "Việc quá hạn" };

export default async function OverduePage() {
  const user = await requirePageUser();
  if (user.provinceId === null || !can(user, "overview.read", { provinceId: user.provinceId })) notFound();
  const day = today();
  const items = await listOverdue(db(), user, day);
  return (
    <>
      <PageHeader title="Việc quá hạn" subtitle={<>{items.length} lượt việc chưa hoàn thành đã quá hạn · tính đến ngày {formatDay(day)}</>} />
      {items.length === 0 ? (
        <EmptyState title="Không có việc nào quá hạn" />
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Danh sách việc quá hạn, quá hạn lâu nhất trước</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">Quá hạn</th>
                <th scope="col" className="px-3 py-2">Cơ quan</th>
                <th scope="col" className="px-3 py-2">Nhiệm vụ</th>
                <th scope="col" className="px-3 py-2">Văn bản</th>
                <th scope="col" className="px-3 py-2">Hạn</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((i) => (
                <tr key={i.id} className="align-top" data-testid="overdue-row">
                  <td className="px-3 py-2"><Badge tone="danger">{daysOverdue(i.dueOn, day)} ngày</Badge></td>
                  <td className="px-3 py-2 font-medium">{i.agency.name}<div className="text-xs font-normal text-slate-500">{i.role === "lead" ? "Chủ trì" : "Phối hợp"}</div></td>
                  <td className="max-w-md px-3 py-2"><Link href={`/nhiem-vu/${i.id}`} className="line-clamp-3 hover:text-brand-800 hover:underline">{i.directive.text}</Link></td>
                  <td className="px-3 py-2"><Link className="text-brand-800 underline" href={`/thong-bao/${i.notice.id}`}>{noticeLabel(i.notice)}</Link><div className="text-xs text-slate-500">mục {i.directive.ref}</div></td>
                  <td className="whitespace-nowrap px-3 py-2">{formatDay(i.dueOn)}{i.directive.deadlinePhrase ? <div className="max-w-48 whitespace-normal text-xs italic text-slate-500">“{i.directive.deadlinePhrase}”</div> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
