import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { page } from "@/lib/auth/gate";
import { isSystemAdmin } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { listProvinces } from "@/lib/provinces/setup";
import { formatDay } from "@/lib/time/calendar";
import { CreateProvinceForm } from "@/components/provinces/create-province-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Các tỉnh" };

// The system administrator's page: the provinces using the app, and setting a new one up.
export default page({}, async ({ user }) => {
  if (!isSystemAdmin(user)) notFound();
  const provinces = await listProvinces(db(), user);
  return (
    <>
      <PageHeader title="Các tỉnh" subtitle={`${provinces.length} tỉnh đang dùng hệ thống`} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <section className="overflow-x-auto rounded-2xl border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="province-table">
            <caption className="px-4 py-3 text-left font-semibold">Tỉnh đã thiết lập</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Tỉnh
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Cơ quan
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Người dùng
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Văn bản
                </th>
                <th scope="col" className="hidden px-3 py-2 sm:table-cell">
                  Từ ngày
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {provinces.map((p) => (
                <tr key={p.id}>
                  <td className="px-3 py-2 font-medium">{p.name}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{p.agencies}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{p.users}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{p.notices}</td>
                  <td className="hidden px-3 py-2 sm:table-cell">
                    {formatDay(p.createdAt.toISOString().slice(0, 10))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="mb-3 font-semibold">Thiết lập tỉnh mới</h2>
          <CreateProvinceForm />
        </section>
      </div>
    </>
  );
});
