import type { Metadata } from "next";
import { page } from "@/lib/auth/gate";
import { USER_ROLE_LABELS } from "@/lib/auth/user";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/time/calendar";
import { FEED_LIMIT, feedStatus, mayHaveOwnFeed } from "@/lib/feeds/feeds";
import { ownAccount } from "@/lib/users/own-account";
import { CalendarFeedPanel } from "@/components/feeds/calendar-feed-panel";
import { feedView } from "@/components/feeds/feed-view";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { ProfileForm } from "@/components/account/profile-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Tài khoản của tôi" };

export default page({}, async ({ user }) => {
  const me = await ownAccount(db(), user);
  const withFeed = mayHaveOwnFeed(user);
  const feed = withFeed ? await feedStatus(db(), user) : null;
  return (
    <>
      <PageHeader
        title="Tài khoản của tôi"
        subtitle={
          <>
            {me.name} · <span className="font-mono">{me.username}</span> · {USER_ROLE_LABELS[user.role]}
            {user.provinceName ? ` · tỉnh ${user.provinceName}` : ""}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="mb-3 font-semibold">E-mail và thông báo</h2>
          <ProfileForm email={me.email} emailKinds={me.emailKinds} admin={user.role === "admin"} />
        </section>
        <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="mb-1 font-semibold">Đổi mật khẩu</h2>
          <p className="mb-3 text-sm text-slate-600">
            {me.passwordChangedAt ? `Đổi lần gần nhất ${formatDateTime(me.passwordChangedAt)}. ` : ""}
            Đang đăng nhập ở {me.openSessions} nơi; đổi mật khẩu sẽ đăng xuất mọi nơi khác.
          </p>
          <ChangePasswordForm />
        </section>
        {withFeed ? (
          <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm lg:col-span-2">
            <h2 className="mb-1 font-semibold">Lịch trên điện thoại</h2>
            <CalendarFeedPanel
              feed={feedView(feed)}
              whose={
                user.role === "agency_staff"
                  ? "trên bảng việc của bạn"
                  : `của cả tỉnh (tối đa ${FEED_LIMIT} nhiệm vụ có hạn gần hôm nay nhất)`
              }
            />
            {user.role === "agency_staff" ? (
              <p className="mt-3 text-sm text-slate-600">
                Lịch chung của cơ quan (cho cả đơn vị dùng) tạo ở cuối trang bảng việc của cơ quan.
              </p>
            ) : null}
          </section>
        ) : null}
      </div>
    </>
  );
});
