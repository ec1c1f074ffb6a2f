import type { Metadata } from "next";
import Link from "next/link";
import { page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { managedProvince } from "@/lib/users/accounts";
import { agencyChoices } from "@/lib/users/agency-choices";
import { CreateAccountForm } from "@/components/users/account-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Thêm người dùng" };

export default page({ permission: "user.manage" }, async ({ user }) => {
  const agencies = await agencyChoices(db(), managedProvince(user));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/quan-tri/nguoi-dung" className="text-brand-800 underline">
          ← Người dùng
        </Link>
      </p>
      <PageHeader
        title="Thêm người dùng"
        subtitle="Tài khoản mới nhận một mật khẩu tạm, hiện một lần; người dùng đổi ở lần đăng nhập đầu."
      />
      <section className="max-w-3xl rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
        <CreateAccountForm agencies={agencies} />
      </section>
    </>
  );
});
