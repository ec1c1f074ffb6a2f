import type { Metadata } from "next";
import Link from "next/link";
import { page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { toPageNumber } from "@/lib/validation/fields";
import { ASSIGNMENT_ROLE_LABELS } from "@/lib/notices/labels";
import { queryString } from "@/lib/reports/list-query";
import { listDigests } from "@/lib/reminders/list";
import { DIGEST_BUCKET_LABELS, dueWords } from "@/lib/reminders/message";
import { formatDateTime, formatDay } from "@/lib/time/calendar";
import { noticeLabel } from "@/lib/notices/notice-label";
import { Pager } from "@/components/overview/pager";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { MarkReadForm } from "@/components/reminders/mark-read-form";
import { listNotifications } from "@/lib/notifications/inbox";
import { markNotificationsReadAction, markRemindersRead } from "./actions";

export const metadata: Metadata = { title: "Nhắc việc" };

// The daily digests (`npm run reminders`): for agency staff their own agencies', for the
// secretariat and the chairman the province's.
export default page({ permission: "digest.read", query: (raw) => raw }, async ({ user, query: sp }) => {
  const pageNo = toPageNumber(sp.page);
  const [{ rows, total, page, pageSize }, inbox] = await Promise.all([
    listDigests(db(), user, { page: pageNo }),
    listNotifications(db(), user),
  ]);
  const own = user.role === "agency_staff";
  const unread = rows.some((d) => d.unread);
  return (
    <>
      <PageHeader
        title="Nhắc việc"
        subtitle={
          own
            ? "Bản tin hằng ngày của đơn vị: việc quá hạn, đến hạn hôm nay và sắp đến hạn, theo lịch nhắc của tỉnh."
            : `Bản tin hằng ngày gửi các cơ quan, đơn vị của tỉnh ${user.provinceName}.`
        }
        actions={own && unread ? <MarkReadForm action={markRemindersRead} /> : undefined}
      />
      <section aria-labelledby="hop-thu" className="mb-8" data-testid="inbox">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="hop-thu" className="text-lg font-semibold text-slate-900">
            Thông báo của tôi
            {inbox.unread > 0 ? (
              <span className="ml-2 align-middle">
                <Badge tone="brand">{inbox.unread} chưa đọc</Badge>
              </span>
            ) : null}
          </h2>
          {inbox.unread > 0 ? <MarkReadForm action={markNotificationsReadAction} /> : null}
        </div>
        {inbox.rows.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">
            Chưa có thông báo. Khi có việc được giao, kết quả được xác nhận hoặc trả lại, gia hạn được quyết định hay
            yêu cầu giải trình, thông báo sẽ hiện ở đây.
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm">
            {inbox.rows.map((n) => (
              <li key={n.id} className={`px-4 py-3 ${n.unread ? "bg-brand-50/60" : ""}`} data-testid="notification">
                <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                  {n.link ? (
                    <Link href={n.link} className="font-medium text-slate-900 hover:text-brand-800 hover:underline">
                      {n.unread ? <span className="sr-only">Chưa đọc: </span> : null}
                      {n.title}
                    </Link>
                  ) : (
                    <span className="font-medium text-slate-900">{n.title}</span>
                  )}
                  <span className="text-xs text-slate-500">{formatDateTime(new Date(n.createdAt))}</span>
                </div>
                {n.body ? <p className="mt-0.5 text-sm text-slate-600">{n.body}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <h2 className="mb-3 text-lg font-semibold text-slate-900">Bản tin nhắc việc</h2>
      {rows.length === 0 ? (
        <EmptyState title="Chưa có bản tin nhắc việc">
          Bản tin được tạo mỗi ngày một lần khi có việc quá hạn, đến hạn hoặc sắp đến hạn.
        </EmptyState>
      ) : (
        <ol className="space-y-4" data-testid="digest-list">
          {rows.map((d) => (
            <li
              key={d.id}
              className={`rounded-xl border bg-white p-4 shadow-sm ${d.unread && own ? "border-brand-600" : "border-slate-200"}`}
              data-testid="digest"
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-semibold text-slate-900">
                  {d.unread && own ? (
                    <span className="mr-2">
                      <Badge tone="brand">Mới</Badge>
                    </span>
                  ) : null}
                  {own && user.agencyIds.length === 1 ? (
                    `Ngày ${formatDay(d.digestOn)}`
                  ) : (
                    <>
                      {d.agency.name} · ngày {formatDay(d.digestOn)}
                    </>
                  )}
                </h2>
                <p className="text-xs text-slate-500">
                  {d.channel === "email"
                    ? d.sentAt
                      ? `Đã gửi email tới ${d.emailTo} lúc ${formatDateTime(d.sentAt)}`
                      : `Gửi email tới ${d.emailTo} không thành công${d.error ? `: ${d.error}` : ""}`
                    : "Hiển thị trong ứng dụng"}
                </p>
              </div>
              <p className="mt-1 flex flex-wrap gap-2 text-sm">
                {d.overdue ? <Badge tone="danger">{d.overdue} quá hạn</Badge> : null}
                {d.dueToday ? <Badge tone="warning">{d.dueToday} đến hạn hôm nay</Badge> : null}
                {d.dueSoon ? <Badge tone="info">{d.dueSoon} sắp đến hạn</Badge> : null}
                {d.lines.some((l) => l.bucket === "ongoing") ? (
                  <Badge tone="warning">
                    {d.lines.filter((l) => l.bucket === "ongoing").length} thường xuyên chưa báo cáo kỳ này
                  </Badge>
                ) : null}
              </p>
              <details className="mt-2" open={d.unread && own}>
                <summary className="cursor-pointer text-sm font-medium text-brand-800">
                  Xem {d.lines.length} nhiệm vụ
                </summary>
                <ul className="mt-2 divide-y divide-slate-100 text-sm">
                  {d.lines.map((l) => (
                    <li key={l.assignmentId} className="py-2">
                      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                        <span className="font-semibold">{DIGEST_BUCKET_LABELS[l.bucket]}</span>
                        <span>
                          {l.bucket === "ongoing"
                            ? `· báo cáo ${l.period ?? "kỳ này"} trước hết ngày ${formatDay(l.dueOn)}`
                            : `· hạn ${formatDay(l.dueOn)}`}{" "}
                          ({dueWords(l.dueOn, d.digestOn)})
                        </span>
                        {l.stillOpen ? null : <Badge tone="success">Nay đã hoàn thành</Badge>}
                      </div>
                      <Link
                        href={`/nhiem-vu/${l.assignmentId}`}
                        className="line-clamp-2 text-slate-900 hover:text-brand-800 hover:underline"
                      >
                        {l.directive.text}
                      </Link>
                      <div className="text-xs text-slate-500">
                        {ASSIGNMENT_ROLE_LABELS[l.role]} · mục {l.directive.ref}, {noticeLabel(l.notice)}
                        {l.directive.deadlinePhrase ? ` · “${l.directive.deadlinePhrase}”` : ""}
                      </div>
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ol>
      )}
      <Pager page={page} pageSize={pageSize} total={total} href={(p) => `/nhac-viec${queryString({ page: p })}`} />
    </>
  );
});
