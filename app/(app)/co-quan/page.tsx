import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { boardAgencies } from "@/lib/assignments/board";
import { page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Bảng việc cơ quan" };

export default page({}, async ({ user }) => {
  const agencies = await boardAgencies(db(), user);
  if (user.role === "agency_staff" && agencies.length === 1) redirect(`/co-quan/${agencies[0]!.id}`);
  // Deactivated and merged agencies are no longer a choice; their boards (history) stay below.
  const current = agencies.filter((a) => a.active !== false);
  const ended = agencies.filter((a) => a.active === false);
  return (
    <>
      <PageHeader title="Bảng việc cơ quan" subtitle="Chọn cơ quan, đơn vị để xem các nhiệm vụ được giao" />
      {agencies.length === 0 ? (
        <EmptyState title="Tài khoản chưa gắn với cơ quan nào">
          Vui lòng liên hệ Văn phòng để được phân quyền.
        </EmptyState>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {current.map((a) => (
            <li key={a.id}>
              <Link
                href={`/co-quan/${a.id}`}
                className="block rounded-lg border border-slate-200 bg-white px-4 py-3 font-medium shadow-sm hover:border-brand-600"
              >
                {a.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {ended.length > 0 ? (
        <details className="mt-6 text-sm">
          <summary className="cursor-pointer font-medium text-slate-700">
            Cơ quan đã ngừng hoạt động, sáp nhập ({ended.length})
          </summary>
          <ul className="mt-2 grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
            {ended.map((a) => (
              <li key={a.id}>
                <Link href={`/co-quan/${a.id}`} className="text-brand-800 underline">
                  {a.name}
                </Link>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
});
