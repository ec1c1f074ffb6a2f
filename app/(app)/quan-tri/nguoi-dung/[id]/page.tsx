import type { Metadata } from "next";
import Link from "next/link";
import { recordHistory } from "@/lib/audit/history";
import { page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/time/calendar";
import { getAccount } from "@/lib/users/accounts";
import { agencyChoices } from "@/lib/users/agency-choices";
import { HistoryList } from "@/components/audit/history-list";
import { EditAccountForm } from "@/components/users/account-form";
import { AccountStatus } from "@/components/users/account-status";
import { ResetPasswordForm } from "@/components/users/reset-password-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Tài khoản" };

export default page({ ids: ["id"], permission: "user.manage" }, async ({ user, params: { id } }) => {
  // Another province's account answers as the 404 page (the gate).
  const account = await getAccount(db(), user, id);
  const [agencies, history] = await Promise.all([
    agencyChoices(db(), account.provinceId),
    recordHistory(db(), "User", account.id, account.provinceId),
  ]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/quan-tri/nguoi-dung" className="text-brand-800 underline">
          ← Người dùng
        </Link>
      </p>
      <PageHeader
        title={account.name}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{account.username}</span>
            <AccountStatus active={account.active} mustChangePassword={account.mustChangePassword} />
            <span>
              {account.lastSignInAt ? `Đăng nhập gần nhất ${formatDateTime(account.lastSignInAt)}` : "Chưa đăng nhập"}
            </span>
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="mb-3 font-semibold">Thông tin tài khoản</h2>
          <EditAccountForm
            values={{
              userId: account.id,
              version: account.version,
              username: account.username,
              name: account.name,
              role: account.role,
              email: account.email,
              active: account.active,
              agencyIds: account.agencies.map((a) => a.id),
            }}
            agencies={agencies}
          />
        </section>
        <div className="grid content-start gap-6">
          <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="mb-3 font-semibold">Mật khẩu</h2>
            <ResetPasswordForm userId={account.id} version={account.version} username={account.username} />
          </section>
          <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="mb-3 font-semibold">Lịch sử</h2>
            <HistoryList entries={history} />
          </section>
        </div>
      </div>
    </>
  );
});
