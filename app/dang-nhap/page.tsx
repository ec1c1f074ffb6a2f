import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { publicPage } from "@/lib/auth/gate";
import { SignInForm } from "@/components/auth/sign-in-form";
import { DemoBanner } from "@/components/layout/demo-banner";

export const metadata: Metadata = { title: "Đăng nhập" };

export default publicPage(async ({ user }) => {
  if (user) redirect("/");
  return (
    <>
      <DemoBanner />
      <main
        id="noi-dung"
        className="grid min-h-dvh place-items-center bg-gradient-to-b from-brand-900 to-brand-700 px-4 py-10"
      >
        <div className="w-full max-w-sm">
          <div className="mb-6 text-center text-white">
            <div
              aria-hidden
              className="mx-auto mb-3 grid size-12 place-items-center rounded-xl bg-red-600 text-lg font-bold"
            >
              BCĐ
            </div>
            <h1 className="text-xl font-semibold">Theo dõi thực hiện chỉ đạo</h1>
            <p className="mt-1 text-sm text-brand-100">Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh</p>
          </div>
          <div className="rounded-2xl bg-white p-6 shadow-xl">
            <SignInForm />
          </div>
          <p className="mt-4 text-center text-xs text-brand-100">
            Tài khoản do Văn phòng UBND tỉnh cấp. Quên mật khẩu, vui lòng liên hệ quản trị viên.
          </p>
        </div>
      </main>
    </>
  );
});
