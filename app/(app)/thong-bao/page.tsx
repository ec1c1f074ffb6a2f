import type { Metadata } from "next";
import { cachedReads } from "@/lib/db/cached-reads";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";

import { activeFilters, noticeSearchQueryString, parseNoticeSearch } from "@/lib/notices/search-query";
import { today } from "@/lib/time/today";
import { formatDay } from "@/lib/time/calendar";
import { NoticeSearchForm } from "@/components/notices/notice-search-form";
import { NoticeTable } from "@/components/notices/notice-table";
import { Pager } from "@/components/overview/pager";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Thông báo kết luận" };

export default page({ query: parseNoticeSearch }, async ({ user, query: filters }) => {
  const day = today();
  const database = db();
  const [result, options] = await Promise.all([
    cachedReads.searchNotices(database, user, day, filters),
    cachedReads.noticeFilterOptions(database, user),
  ]);
  const searching = Boolean(filters.q) || activeFilters(filters) > 0;
  return (
    <>
      <PageHeader
        title="Thông báo kết luận, văn bản chỉ đạo"
        subtitle={
          <span data-testid="notice-count">
            Tỉnh {user.provinceName ?? "(tất cả)"} · {result.total} văn bản{searching ? " khớp tìm kiếm" : ""} · số liệu
            tính đến ngày {formatDay(day)}
          </span>
        }
        actions={
          user.provinceId !== null && can(user, "notice.create", { provinceId: user.provinceId }) ? (
            <div className="flex flex-wrap items-center gap-2">
              <Link href="/thong-bao/nhap-so-theo-doi" className={buttonClass("secondary")}>
                Nhập sổ theo dõi (Excel)
              </Link>
              <Link
                href="/thong-bao/nhap"
                className="rounded-lg bg-brand-800 px-4 py-2 font-semibold text-white shadow hover:bg-brand-900"
              >
                Nhập thông báo
              </Link>
            </div>
          ) : null
        }
      />
      <NoticeSearchForm filters={filters} issuers={options.issuers} years={options.years} drafts={options.drafts} />
      {result.items.length === 0 ? (
        searching ? (
          <EmptyState title="Không có văn bản nào khớp">
            Thử bỏ bớt bộ lọc hoặc tìm bằng từ khác (không cần gõ dấu).
          </EmptyState>
        ) : (
          <EmptyState title="Chưa có văn bản nào">Văn phòng nhập thông báo kết luận để bắt đầu theo dõi.</EmptyState>
        )
      ) : (
        <>
          <NoticeTable notices={result.items} />
          <Pager
            page={result.page}
            pageSize={result.pageSize}
            total={result.total}
            href={(p) => `/thong-bao${noticeSearchQueryString(filters, { page: p })}`}
          />
        </>
      )}
    </>
  );
});
