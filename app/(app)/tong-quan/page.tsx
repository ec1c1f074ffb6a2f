import type { Metadata } from "next";
import { cachedReads } from "@/lib/db/cached-reads";
import Link from "next/link";
import { Fragment } from "react";
import { page } from "@/lib/auth/gate";
import { provinceOngoingPeriod } from "@/lib/assignments/ongoing";
import { db } from "@/lib/db/client";
import { listHref, parseOverviewQuery, queryString, toFilters } from "@/lib/reports/list-query";
import { formatRate, onTimeRate, totals } from "@/lib/reports/counts";

import { formatDay } from "@/lib/time/calendar";
import { today } from "@/lib/time/today";
import { AgencyTable } from "@/components/overview/agency-table";
import { ExportLinks, TableCsvLink } from "@/components/overview/export-links";
import { FiltersForm } from "@/components/overview/filters-form";
import { NoticeProgress } from "@/components/overview/notice-progress";
import { OverdueBuckets } from "@/components/overview/overdue-buckets";
import { GroupTable } from "@/components/overview/group-table";
import { WeekCharts } from "@/components/overview/week-chart";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Tổng quan" };

const TOP = 5;
/** Agencies in "Theo cơ quan, đơn vị" before "Xem đủ N cơ quan" (in the chosen order). */
const AGENCY_ROWS = 8;
/** Notices in "Tiến độ theo thông báo" (those needing attention first) and in the notice filter. */
const NOTICE_ROWS = 8;
const NOTICE_OPTIONS = 20;

function Section({
  id,
  title,
  action,
  children,
}: {
  id: string;
  title: string;
  action?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-h`} id={id} className="mb-10 scroll-mt-4">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-h`} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}

function Actions({ children }: { children: React.ReactNode }) {
  return <div className="flex flex-wrap items-baseline gap-4">{children}</div>;
}

export default page({ permission: "overview.read", query: parseOverviewQuery }, async ({ user, query: q }) => {
  const f = toFilters(q);
  const day = today();
  const database = db();
  const [summary, overdue, dueSoon, agencies, notices, weeks, options, ongoingPeriod] = await Promise.all([
    cachedReads.overdueSummary(database, user, day, f),
    cachedReads.listDirectiveGroups(database, user, day, { ...f, category: "overdue", page: 1, pageSize: TOP }),
    cachedReads.listDirectiveGroups(database, user, day, { ...f, category: "due_soon", page: 1, pageSize: TOP }),
    cachedReads.agencyTable(database, user, day, f, { sort: q.sort, dir: q.dir }),
    cachedReads.noticeProgressPage(database, user, day, f, { limit: NOTICE_ROWS, order: "attention" }),
    cachedReads.weeklySeries(database, user, day, f),
    cachedReads.recentNoticeOptions(database, user, { limit: NOTICE_OPTIONS, selected: q.notice }),
    provinceOngoingPeriod(database, user.provinceId!, day),
  ]);
  const t = totals(agencies);
  // Ongoing tasks reported in the province's current period, over every agency (each task has one).
  const ongoing = agencies.reduce(
    (sum, a) => ({ all: sum.all + a.ongoing, reported: sum.reported + a.ongoingReported }),
    { all: 0, reported: 0 },
  );
  const filterQs = queryString({ from: q.from, to: q.to, notice: q.notice });
  const scope = { from: q.from, to: q.to, notice: q.notice };
  const ongoingCard = (
    <Link
      href="#theo-co-quan"
      className="stat-card"
      title={`Nhiệm vụ thường xuyên (không có thời hạn) đã báo cáo ${ongoingPeriod.label}, trên tổng số`}
    >
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">
        Thường xuyên: đã báo cáo {ongoingPeriod.label}
      </dt>
      <dd
        className={`mt-1 text-2xl font-semibold tabular-nums ${ongoing.reported < ongoing.all ? "text-amber-800" : "text-slate-900"}`}
        data-testid="stat-ongoing"
      >
        {ongoing.reported}/{ongoing.all}
      </dd>
    </Link>
  );
  const more = (category: "overdue" | "due_soon", directives: number) =>
    directives > TOP ? (
      <Link href={listHref({ ...scope, category })} className="text-sm font-medium text-brand-800 hover:underline">
        Xem tất cả {directives} nhiệm vụ →
      </Link>
    ) : null;

  return (
    <>
      <PageHeader
        title="Tổng quan tình hình thực hiện"
        subtitle={
          <>
            Tỉnh {user.provinceName} · tính đến ngày {formatDay(day)}
          </>
        }
        actions={
          <>
            <ExportLinks base="/api/xuat/tong-quan" query={filterQs} />
            <Link
              href={`/bao-cao${filterQs}`}
              className="inline-flex items-center rounded-md bg-brand-800 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-900"
            >
              Báo cáo in
            </Link>
          </>
        }
      />
      <FiltersForm
        action="/tong-quan"
        from={q.from}
        to={q.to}
        notice={q.notice}
        notices={options.options}
        noticeTotal={options.total}
      />

      <dl className="mb-8 grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
        {[
          { label: "Quá hạn", value: summary.total, category: "overdue" as const, danger: true },
          { label: "Đến hạn 7 ngày tới", value: dueSoon.tasks, category: "due_soon" as const },
          { label: "Được giao", value: t.assigned, category: "assigned" as const },
          { label: "Hoàn thành đúng hạn", value: t.completedOnTime, category: "completed_on_time" as const },
          { label: "Hoàn thành quá hạn", value: t.completedLate, category: "completed_late" as const },
          { label: "Tỷ lệ đúng hạn", value: formatRate(onTimeRate(t)), category: "assigned" as const },
        ].map((s, i) => (
          <Fragment key={s.label}>
            <Link href={listHref({ ...scope, category: s.category })} className="stat-card">
              <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{s.label}</dt>
              <dd
                className={`mt-1 text-2xl font-semibold tabular-nums ${s.danger && summary.total > 0 ? "text-red-700" : "text-slate-900"}`}
                data-testid={`stat-${s.category}`}
              >
                {s.value}
              </dd>
            </Link>
            {/* Beside the overdue figure: the ongoing tasks reported in the current period. */}
            {i === 0 ? ongoingCard : null}
          </Fragment>
        ))}
      </dl>

      <Section
        id="qua-han"
        title={`Việc quá hạn (${summary.total} lượt, ${overdue.total} nhiệm vụ)`}
        action={
          <Actions>
            {more("overdue", overdue.total)}
            <TableCsvLink query={filterQs} table="qua-han" label="việc quá hạn" />
          </Actions>
        }
      >
        <OverdueBuckets summary={summary} href={(bucket) => listHref({ ...scope, category: "overdue", bucket })} />
        {overdue.rows.length ? (
          <GroupTable
            groups={overdue.rows}
            today={day}
            category="overdue"
            scope={scope}
            caption="Việc quá hạn theo nhiệm vụ, quá hạn lâu nhất trước, cùng các cơ quan chưa hoàn thành"
            rowTestId="overview-overdue-row"
          />
        ) : (
          <EmptyState title="Không có việc nào quá hạn" />
        )}
      </Section>

      <Section
        id="sap-den-han"
        title={`Đến hạn trong 7 ngày tới (${dueSoon.tasks} lượt, ${dueSoon.total} nhiệm vụ)`}
        action={
          <Actions>
            {more("due_soon", dueSoon.total)}
            <TableCsvLink query={filterQs} table="den-han" label="đến hạn trong 7 ngày tới" />
          </Actions>
        }
      >
        {dueSoon.rows.length ? (
          <GroupTable
            groups={dueSoon.rows}
            today={day}
            category="due_soon"
            scope={scope}
            caption="Việc đến hạn trong 7 ngày tới theo nhiệm vụ"
            rowTestId="due-soon-row"
          />
        ) : (
          <EmptyState title="Không có việc nào đến hạn trong 7 ngày tới" />
        )}
      </Section>

      <Section
        id="theo-co-quan"
        title="Theo cơ quan, đơn vị"
        action={<TableCsvLink query={filterQs} table="co-quan" label="theo cơ quan, đơn vị" />}
      >
        {agencies.length ? (
          <>
            <AgencyTable
              rows={q["co-quan"] ? agencies : agencies.slice(0, AGENCY_ROWS)}
              query={q}
              ongoingLabel={ongoingPeriod.label}
            />
            {agencies.length > AGENCY_ROWS ? (
              <p className="mt-2 text-sm">
                {q["co-quan"] ? (
                  <a
                    href={`/tong-quan${queryString({ ...scope, sort: q.sort, dir: q.dir })}#theo-co-quan`}
                    className="font-medium text-brand-800 hover:underline"
                  >
                    Chỉ xem {AGENCY_ROWS} cơ quan đầu
                  </a>
                ) : (
                  <a
                    href={`/tong-quan${queryString({ ...scope, sort: q.sort, dir: q.dir, "co-quan": "tat-ca" })}#theo-co-quan`}
                    className="font-medium text-brand-800 hover:underline"
                    data-testid="agency-table-all"
                  >
                    Xem đủ {agencies.length} cơ quan →
                  </a>
                )}
              </p>
            ) : null}
          </>
        ) : (
          <EmptyState title="Chưa có nhiệm vụ nào được giao" />
        )}
      </Section>

      <Section
        id="theo-thong-bao"
        title="Tiến độ theo thông báo"
        action={<TableCsvLink query={filterQs} table="thong-bao" label="tiến độ theo thông báo" />}
      >
        {notices.rows.length ? (
          <NoticeProgress rows={notices.rows} total={notices.total} query={q} />
        ) : (
          <EmptyState title="Chưa có thông báo nào trong khoảng đã chọn" />
        )}
      </Section>

      <Section
        id="theo-tuan"
        title="Theo tuần"
        action={<TableCsvLink query={filterQs} table="theo-tuan" label="theo tuần" />}
      >
        <WeekCharts weeks={weeks} />
      </Section>
    </>
  );
});
