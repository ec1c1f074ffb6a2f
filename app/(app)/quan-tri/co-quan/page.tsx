import type { Metadata } from "next";
import Link from "next/link";
import { listAgencies } from "@/lib/agencies/admin";
import { AGENCY_KIND_LABELS } from "@/lib/agencies/labels";
import { parseAgencyFilters } from "@/lib/agencies/schemas";
import { page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { formatDay, vietnamDay } from "@/lib/time/calendar";
import { AgencyFilters } from "@/components/agencies/agency-filters";
import { AgencyStatusBadge } from "@/components/agencies/agency-status";
import { RegistryTabs } from "@/components/agencies/registry-tabs";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/overview/pager";

export const metadata: Metadata = { title: "Cơ quan, nhóm" };

// The province's registry (its administrator and secretariat): search, filters, each agency's page.
export default page({ permission: "agency.manage", query: parseAgencyFilters }, async ({ user, query }) => {
  const { rows, total, page: pageNo, pageSize } = await listAgencies(db(), user, query);
  const href = (p: number) => {
    const sp = new URLSearchParams();
    if (query.q) sp.set("q", query.q);
    if (query.kind) sp.set("kind", query.kind);
    if (query.status) sp.set("status", query.status);
    if (p > 1) sp.set("page", String(p));
    const s = sp.toString();
    return `/quan-tri/co-quan${s ? `?${s}` : ""}`;
  };
  return (
    <>
      <PageHeader
        title="Cơ quan, nhóm"
        subtitle={
          <>
            Tỉnh {user.provinceName} · {total} cơ quan, đơn vị
          </>
        }
        actions={
          <>
            <Link href="/quan-tri/co-quan/nhap" className={buttonClass("secondary")}>
              Nhập từ tệp
            </Link>
            <a href="/api/quan-tri/co-quan/xuat" className={buttonClass("secondary")}>
              Xuất Excel
            </a>
            <Link href="/quan-tri/co-quan/moi" className={buttonClass("primary")}>
              Thêm cơ quan
            </Link>
          </>
        }
      />
      <RegistryTabs current="agencies" />
      <AgencyFilters query={query} />
      {rows.length === 0 ? (
        <EmptyState title="Không có cơ quan nào khớp">Thử bỏ bớt bộ lọc hoặc tìm bằng từ khác.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="agency-table">
            <caption className="sr-only">Danh sách cơ quan, đơn vị</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Cơ quan
                </th>
                <th scope="col" className="hidden px-3 py-2 sm:table-cell">
                  Loại
                </th>
                <th scope="col" className="hidden px-3 py-2 text-right md:table-cell">
                  Đang thực hiện / được giao
                </th>
                <th scope="col" className="px-3 py-2">
                  Trạng thái
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((a) => (
                <tr key={a.id} data-testid="agency-row">
                  <td className="px-3 py-2">
                    <Link href={`/quan-tri/co-quan/${a.id}`} className="font-medium text-brand-800 hover:underline">
                      {a.name}
                    </Link>
                    <div className="text-xs text-slate-500">{a.shortName}</div>
                    <div className="text-xs text-slate-600 sm:hidden">{AGENCY_KIND_LABELS[a.kind]}</div>
                  </td>
                  <td className="hidden px-3 py-2 sm:table-cell">{AGENCY_KIND_LABELS[a.kind]}</td>
                  <td className="hidden px-3 py-2 text-right tabular-nums md:table-cell">
                    {a.open}
                    <span className="text-slate-500"> / {a.assigned}</span>
                  </td>
                  <td className="px-3 py-2 align-top sm:align-middle">
                    <AgencyStatusBadge status={a.status} />
                    {a.endedAt ? (
                      <div className="mt-0.5 text-xs text-slate-500">từ {formatDay(vietnamDay(a.endedAt))}</div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={pageNo} pageSize={pageSize} total={total} href={href} />
    </>
  );
});
