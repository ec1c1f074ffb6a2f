import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { listNotices } from "@/lib/notices/queries";
import { today } from "@/lib/time/today";
import { formatDay } from "@/lib/time/calendar";
import { NoticeTable } from "@/components/notices/notice-table";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Thông báo kết luận" };

export default page({}, async ({ user }) => {
  const day = today();
  const notices = await listNotices(db(), user, day);
  return (
    <>
      <PageHeader
        title="Thông báo kết luận, văn bản chỉ đạo"
        subtitle={
          <>
            Tỉnh {user.provinceName ?? "(tất cả)"} · {notices.length} văn bản · số liệu tính đến ngày {formatDay(day)}
          </>
        }
        actions={
          user.provinceId !== null && can(user, "notice.create", { provinceId: user.provinceId }) ? (
            <Link
              href="/thong-bao/nhap"
              className="rounded-lg bg-brand-800 px-4 py-2 font-semibold text-white shadow hover:bg-brand-900"
            >
              Nhập thông báo
            </Link>
          ) : null
        }
      />
      {notices.length === 0 ? (
        <EmptyState title="Chưa có văn bản nào">Văn phòng nhập thông báo kết luận để bắt đầu theo dõi.</EmptyState>
      ) : (
        <NoticeTable notices={notices} />
      )}
    </>
  );
});
