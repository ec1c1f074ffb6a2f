import type { Metadata } from "next";
import Link from "next/link";
import { page } from "@/lib/auth/gate";
import { USER_ROLE_LABELS } from "@/lib/auth/user";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/time/calendar";
import { listAccounts } from "@/lib/users/accounts";
import { parseAccountFilters } from "@/lib/users/filters";
import { AccountFilters } from "@/components/users/account-filters";
import { AccountStatus } from "@/components/users/account-status";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/overview/pager";

export const metadata: Metadata = { title: "Người dùng" };

const roleLabel = (role: keyof typeof USER_ROLE_LABELS) =>
  role === "admin" ? "Quản trị của tỉnh" : USER_ROLE_LABELS[role];

// The province's accounts (its administrator): search, filters, each account's page.
export default page({ permission: "user.manage", query: parseAccountFilters }, async ({ user, query }) => {
  const { rows, total, page: pageNo, pageSize } = await listAccounts(db(), user, query);
  const href = (p: number) => {
    const sp = new URLSearchParams();
    if (query.q) sp.set("q", query.q);
    if (query.role) sp.set("role", query.role);
    if (query.status) sp.set("status", query.status);
    if (p > 1) sp.set("page", String(p));
    const s = sp.toString();
    return `/quan-tri/nguoi-dung${s ? `?${s}` : ""}`;
  };
  return (
    <>
      <PageHeader
        title="Người dùng"
        subtitle={
          <>
            Tỉnh {user.provinceName} · {total} tài khoản
          </>
        }
        actions={
          <>
            <Link href="/quan-tri/nguoi-dung/nhap" className={buttonClass("secondary")}>
              Nhập từ tệp
            </Link>
            <a href="/api/quan-tri/nguoi-dung/xuat" className={buttonClass("secondary")}>
              Xuất Excel
            </a>
            <Link href="/quan-tri/nguoi-dung/moi" className={buttonClass("primary")}>
              Thêm người dùng
            </Link>
          </>
        }
      />
      <AccountFilters query={query} />
      {rows.length === 0 ? (
        <EmptyState title="Không có tài khoản nào khớp">Thử bỏ bớt bộ lọc hoặc tìm bằng từ khác.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="account-table">
            <caption className="sr-only">Danh sách tài khoản</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Tài khoản
                </th>
                <th scope="col" className="px-3 py-2">
                  Vai trò
                </th>
                <th scope="col" className="hidden px-3 py-2 md:table-cell">
                  Cơ quan
                </th>
                <th scope="col" className="px-3 py-2">
                  Trạng thái
                </th>
                <th scope="col" className="hidden px-3 py-2 lg:table-cell">
                  Đăng nhập gần nhất
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((a) => (
                <tr key={a.id} data-testid="account-row">
                  <td className="px-3 py-2">
                    <Link href={`/quan-tri/nguoi-dung/${a.id}`} className="font-medium text-brand-800 hover:underline">
                      {a.name}
                    </Link>
                    <div className="font-mono text-xs text-slate-500">{a.username}</div>
                    <div className="text-xs text-slate-600 sm:hidden">{roleLabel(a.role)}</div>
                  </td>
                  <td className="hidden px-3 py-2 sm:table-cell">{roleLabel(a.role)}</td>
                  <td className="hidden px-3 py-2 md:table-cell">
                    {a.agencies.map((g) => g.shortName).join(", ") || "—"}
                  </td>
                  <td className="px-3 py-2 align-top sm:align-middle">
                    <AccountStatus active={a.active} mustChangePassword={a.mustChangePassword} />
                  </td>
                  <td className="hidden px-3 py-2 whitespace-nowrap lg:table-cell">
                    {a.lastSignInAt ? formatDateTime(a.lastSignInAt) : "Chưa đăng nhập"}
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
