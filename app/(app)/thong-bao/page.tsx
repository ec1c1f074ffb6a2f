import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listNotices } from "@/lib/notices/queries";
import { today } from "@/lib/time/today";
import { formatDay } from "@/lib/time/format";
import { NoticeTable } from "@/components/notices/notice-table";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Thông báo kết luận" };

export default async function NoticesPage() {
  const user = await requirePageUser();
  const day = today();
  const notices = await listNotices(db(), user, day);
  return (
    <>
      <PageHeader
        title="Thông báo kết luận, văn bản chỉ đạo"
        subtitle={<>Tỉnh {user.provinceName ?? "(tất cả)"} · {notices.length} văn bản · số liệu tính đến ngày {formatDay(day)}</>}
      />
      {notices.length === 0 ? <EmptyState title="Chưa có văn bản nào">Văn phòng nhập thông báo kết luận để bắt đầu theo dõi.</EmptyState> : <NoticeTable notices={notices} />}
    </>
  );
}
