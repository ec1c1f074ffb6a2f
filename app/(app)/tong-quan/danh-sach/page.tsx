import type { Metadata } from "next";
import { cachedReads } from "@/lib/db/cached-reads";
import Link from "next/link";
import { page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import {
  CATEGORIES,
  CATEGORY_LABELS,
  listHref,
  parseListQuery,
  queryString,
  SORT_LABELS,
  TASK_SORTS,
  toFilters,
} from "@/lib/reports/list-query";
import { groupsByDirective, listTitle } from "@/lib/reports/documents";
import { scopeNames, scopeNotes } from "@/lib/reports/filter-labels";

import { today } from "@/lib/time/today";
import { ExportLinks } from "@/components/overview/export-links";
import { FiltersForm } from "@/components/overview/filters-form";
import { OverdueBuckets } from "@/components/overview/overdue-buckets";
import { Pager } from "@/components/overview/pager";
import { GroupTable } from "@/components/overview/group-table";
import { TaskTable } from "@/components/overview/task-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Danh sách nhiệm vụ" };

const PAGE_SIZE = 50;

// The list behind every number of the overview, its filters in the address.
export default page({ permission: "overview.read", query: parseListQuery }, async ({ user, query: q }) => {
  const day = today();
  const database = db();
  const f = toFilters(q);
  const grouped = groupsByDirective(q);
  const taskQuery = {
    ...f,
    category: q.category,
    agencyId: q.agency,
    bucket: q.bucket,
    sort: q.sort,
    page: q.page,
    pageSize: PAGE_SIZE,
  };
  const [page, groups, names, options, summary] = await Promise.all([
    grouped ? null : cachedReads.listTasks(database, user, day, { ...taskQuery, directiveId: q.directive }),
    grouped ? cachedReads.listDirectiveGroups(database, user, day, taskQuery) : null,
    scopeNames(database, user, q),
    cachedReads.recentNoticeOptions(database, user, { limit: 50, selected: q.notice }),
    q.category === "overdue" ? cachedReads.overdueSummary(database, user, day, { ...f }) : null,
  ]);
  const title = listTitle(q);
  const total = groups ? groups.tasks : page!.total;
  const shown = groups ?? page!;
  // The per-agency detail of one directive: its words above the list.
  const directive = q.directive !== undefined ? (page?.rows[0]?.directive ?? null) : null;
  const exportQs = queryString({
    category: q.category,
    agency: q.agency,
    directive: q.directive,
    bucket: q.bucket,
    notice: q.notice,
    from: q.from,
    to: q.to,
    sort: q.sort,
  });
  const chip = "inline-flex items-center gap-1 rounded-full border px-3 py-1 text-sm";

  return (
    <>
      <nav aria-label="Đường dẫn" className="mb-2 text-sm text-slate-600">
        <Link
          href={`/tong-quan${queryString({ from: q.from, to: q.to, notice: q.notice })}`}
          className="hover:underline"
        >
          ← Tổng quan
        </Link>
      </nav>
      <PageHeader
        title={`${title}${names.agency ? ` – ${names.agency}` : ""}`}
        subtitle={
          <span data-testid="list-total">
            {scopeNotes(names, day, f).join(" · ")} · {total} lượt nhiệm vụ
            {groups ? `, thuộc ${groups.total} nhiệm vụ` : ""}
          </span>
        }
        actions={<ExportLinks base="/api/xuat/danh-sach" query={exportQs} />}
      />
      <ul className="mb-4 flex flex-wrap gap-2" aria-label="Loại nhiệm vụ">
        {CATEGORIES.map((c) => (
          <li key={c}>
            <Link
              href={listHref({ ...q, category: c, bucket: undefined, sort: undefined, page: 1 })}
              aria-current={q.category === c ? "page" : undefined}
              className={`${chip} ${q.category === c ? "border-brand-800 bg-brand-800 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
            >
              {CATEGORY_LABELS[c]}
            </Link>
          </li>
        ))}
        {q.directive !== undefined ? (
          <li>
            <Link
              href={listHref({ ...q, directive: undefined, page: 1 })}
              className={`${chip} border-slate-300 bg-slate-100 text-slate-700`}
              aria-label="Bỏ lọc nhiệm vụ: xem tất cả nhiệm vụ"
            >
              Một nhiệm vụ <span aria-hidden>✕</span>
            </Link>
          </li>
        ) : null}
        {names.agency ? (
          <li>
            <Link
              href={listHref({ ...q, agency: undefined, page: 1 })}
              className={`${chip} border-slate-300 bg-slate-100 text-slate-700`}
              aria-label={`Bỏ lọc cơ quan ${names.agency}`}
            >
              {names.agency} <span aria-hidden>✕</span>
            </Link>
          </li>
        ) : null}
      </ul>
      <FiltersForm
        action="/tong-quan/danh-sach"
        from={q.from}
        to={q.to}
        notice={q.notice}
        notices={options.options}
        noticeTotal={options.total}
        hidden={{ category: q.category, agency: q.agency, directive: q.directive, bucket: q.bucket, sort: q.sort }}
      />
      {directive ? (
        <section
          aria-label="Nhiệm vụ đang xem"
          className="mb-4 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm"
          data-testid="list-directive"
        >
          <p className="text-xs font-medium text-slate-500">
            Mục {directive.ref} · {total} cơ quan
          </p>
          <p className="mt-1 text-slate-900">{directive.text}</p>
        </section>
      ) : null}
      {summary && !q.agency ? (
        <OverdueBuckets summary={summary} current={q.bucket} href={(bucket) => listHref({ ...q, bucket, page: 1 })} />
      ) : null}
      <div className="mb-3 flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <span>Sắp xếp:</span>
        {TASK_SORTS.map((s) => (
          <Link
            key={s}
            href={listHref({ ...q, sort: s, page: 1 })}
            aria-current={(q.sort ?? "") === s ? "true" : undefined}
            className={`rounded px-2 py-1 ${(q.sort ?? "") === s ? "bg-slate-200 font-medium text-slate-900" : "hover:bg-slate-100"}`}
          >
            {SORT_LABELS[s]}
          </Link>
        ))}
      </div>
      {groups && groups.rows.length ? (
        <GroupTable
          groups={groups.rows}
          today={day}
          category={q.category}
          scope={{ from: q.from, to: q.to, notice: q.notice, agency: q.agency, bucket: q.bucket }}
          caption={`${title}, mỗi nhiệm vụ một dòng cùng các cơ quan`}
          offset={(groups.page - 1) * groups.pageSize}
        />
      ) : page && page.rows.length ? (
        <TaskTable rows={page.rows} today={day} caption={title} offset={(page.page - 1) * page.pageSize} />
      ) : (
        <EmptyState title="Không có nhiệm vụ nào">Thử bỏ bớt điều kiện lọc.</EmptyState>
      )}
      <Pager
        page={shown.page}
        pageSize={shown.pageSize}
        total={shown.total}
        href={(p) => listHref({ ...q, page: p })}
      />
    </>
  );
});
