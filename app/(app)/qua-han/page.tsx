import type { Metadata } from "next";
import { cachedReads } from "@/lib/db/cached-reads";
import Link from "next/link";
import { page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { parseListQuery, queryString } from "@/lib/reports/list-query";

import { OVERDUE_BUCKET_LABELS } from "@/lib/reports/types";
import { formatDay } from "@/lib/time/calendar";
import { today } from "@/lib/time/today";
import { ExportLinks } from "@/components/overview/export-links";
import { OverdueBuckets } from "@/components/overview/overdue-buckets";
import { Pager } from "@/components/overview/pager";
import { GroupTable } from "@/components/overview/group-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Việc quá hạn" };

const PAGE_SIZE = 25;

/**
 * What is overdue in the province, the most days overdue first, by how long, a page at a time:
 * each directive once with the agencies that have not finished it.
 */
export default page(
  { permission: "overview.read", query: (raw) => parseListQuery({ ...raw, category: "overdue" }) },
  async ({ user, query: q }) => {
    const day = today();
    const database = db();
    const [summary, page] = await Promise.all([
      cachedReads.overdueSummary(database, user, day),
      cachedReads.listDirectiveGroups(database, user, day, {
        category: "overdue",
        bucket: q.bucket,
        page: q.page,
        pageSize: PAGE_SIZE,
      }),
    ]);
    const href = (bucket: string | undefined, p = 1) => `/qua-han${queryString({ bucket, page: p })}`;
    return (
      <>
        <PageHeader
          title="Việc quá hạn"
          subtitle={
            <span data-testid="overdue-total">
              {page.tasks} lượt việc chưa hoàn thành đã quá hạn{q.bucket ? ` ${OVERDUE_BUCKET_LABELS[q.bucket]}` : ""},
              thuộc {page.total} nhiệm vụ · tính đến ngày {formatDay(day)}
            </span>
          }
          actions={
            <>
              <ExportLinks base="/api/xuat/danh-sach" query={queryString({ category: "overdue", bucket: q.bucket })} />
              <Link
                href="/tong-quan"
                className="inline-flex items-center rounded-md px-3 py-2 text-sm font-medium text-brand-800 hover:bg-slate-100"
              >
                Tổng quan →
              </Link>
            </>
          }
        />
        <OverdueBuckets summary={summary} current={q.bucket} href={(b) => href(b)} />
        {page.rows.length === 0 ? (
          <EmptyState title="Không có việc nào quá hạn" />
        ) : (
          <GroupTable
            groups={page.rows}
            today={day}
            category="overdue"
            scope={{ bucket: q.bucket }}
            caption="Danh sách việc quá hạn theo nhiệm vụ, quá hạn lâu nhất trước, cùng các cơ quan chưa hoàn thành"
            rowTestId="overdue-row"
            offset={(page.page - 1) * page.pageSize}
          />
        )}
        <Pager page={page.page} pageSize={page.pageSize} total={page.total} href={(p) => href(q.bucket, p)} />
      </>
    );
  },
);
