import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { page } from "@/lib/auth/gate";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Đổi mật khẩu" };

// Where an account whose password an administrator set is sent until it is changed.
export default page({ beforePasswordChange: true }, async ({ user }) => {
  if (!user.mustChangePassword) redirect("/tai-khoan");
  return (
    <div className="mx-auto max-w-lg">
      <PageHeader
        title="Đổi mật khẩu trước khi tiếp tục"
        subtitle="Mật khẩu bạn đang dùng do quản trị viên cấp. Hãy đặt mật khẩu của riêng mình; nhập mật khẩu được cấp ở ô đầu tiên."
      />
      <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
        <ChangePasswordForm then="/" />
      </section>
    </div>
  );
});
