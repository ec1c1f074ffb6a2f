import type { Metadata } from "next";
import Link from "next/link";
import { page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/time/calendar";
import { toPageNumber } from "@/lib/validation/fields";
import { DELIVERY_STATUS_LABELS, WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/webhooks/events";
import { DELIVERIES_PAGE_SIZE, getWebhook } from "@/lib/webhooks/manage";
import { WebhookControls, WebhookEventsForm, WebhookSecret } from "@/components/webhooks/webhook-forms";
import { Pager } from "@/components/overview/pager";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Webhook" };

const card = "rounded-2xl border border-slate-200 bg-white p-5 shadow-sm";

/** One webhook: its secret, events, pause / resume / test / delete, and its deliveries, newest first. */
export default page(
  { ids: ["id"], permission: "webhook.manage", query: (raw) => ({ page: toPageNumber(raw.page) }) },
  async ({ user, params: { id }, query }) => {
    // Another province's webhook answers as the 404 page (the gate).
    const { webhook, deliveries, total } = await getWebhook(db(), user, id, query.page);
    const events = WEBHOOK_EVENTS.map((value) => ({ value, label: WEBHOOK_EVENT_LABELS[value] }));
    return (
      <div className="grid max-w-6xl gap-6">
        <p className="text-sm">
          <Link href="/quan-tri/webhook" className="text-brand-800 underline">
            ← Webhook
          </Link>
        </p>
        <PageHeader title={webhook.url} subtitle={`Đăng ký lúc ${formatDateTime(webhook.createdAt)}`} />
        {webhook.pausedAt ? (
          <div role="status" className="rounded-xl bg-red-50 p-4 text-sm text-red-900 ring-1 ring-red-200">
            <p className="font-medium">Webhook đang tạm dừng từ {formatDateTime(webhook.pausedAt)}: không gửi gì.</p>
            {webhook.pauseReason ? <p className="mt-1">{webhook.pauseReason}</p> : null}
            <p className="mt-1">Các sự kiện chờ gửi được giữ lại và gửi khi chọn &quot;Tiếp tục gửi&quot;.</p>
          </div>
        ) : webhook.failingSince ? (
          <p role="status" className="rounded-xl bg-amber-50 p-4 text-sm text-amber-950 ring-1 ring-amber-200">
            Bên nhận lỗi từ {formatDateTime(webhook.failingSince)}; nếu còn lỗi sau 24 giờ, webhook sẽ bị tạm dừng.
          </p>
        ) : null}
        <section className={card}>
          <WebhookControls webhookId={webhook.id} paused={webhook.pausedAt !== null} url={webhook.url} />
        </section>
        <section className={card}>
          <h2 className="mb-2 text-base font-semibold">Khóa bí mật (kiểm tra chữ ký)</h2>
          <p className="mb-2 text-sm text-slate-600">
            Bên nhận tính HMAC-SHA256 bằng khóa này trên <code>X-ChiDao-Timestamp + &quot;.&quot; + thân yêu cầu</code>{" "}
            và so với <code>X-ChiDao-Signature</code>.
          </p>
          <WebhookSecret secret={webhook.secret} />
        </section>
        <section className={card}>
          <h2 className="mb-3 text-base font-semibold">Sự kiện</h2>
          <WebhookEventsForm webhookId={webhook.id} events={events} chosen={webhook.events} />
        </section>
        <section className={`${card} overflow-x-auto`}>
          <h2 className="mb-3 text-base font-semibold">Các lần gửi ({total})</h2>
          {deliveries.length === 0 ? (
            <p className="text-sm text-slate-600">Chưa có lần gửi nào.</p>
          ) : (
            <table className="w-full text-left text-sm" data-testid="webhook-deliveries">
              <thead className="text-slate-600">
                <tr>
                  <th className="py-2 pr-3">Sự kiện</th>
                  <th className="py-2 pr-3">Trạng thái</th>
                  <th className="py-2 pr-3">Số lần</th>
                  <th className="py-2 pr-3">Trả lời</th>
                  <th className="py-2 pr-3">Thời gian</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((d) => (
                  <tr key={d.id} className="border-t border-slate-100 align-top">
                    <td className="py-2 pr-3">
                      <div>{WEBHOOK_EVENT_LABELS[d.event as WebhookEvent] ?? "Gửi thử (ping)"}</div>
                      <code className="text-xs text-slate-500">{d.event}</code>
                      <div className="font-mono text-xs break-all text-slate-500">{d.deliveryId}</div>
                    </td>
                    <td className="py-2 pr-3">
                      {DELIVERY_STATUS_LABELS[d.status] ?? d.status}
                      {d.nextAttemptAt ? (
                        <div className="text-xs text-slate-500">Gửi lại lúc {formatDateTime(d.nextAttemptAt)}</div>
                      ) : null}
                    </td>
                    <td className="py-2 pr-3">{d.attempts}</td>
                    <td className="max-w-md py-2 pr-3">
                      {d.lastStatusCode ? <div>HTTP {d.lastStatusCode}</div> : null}
                      {d.lastError ? <div className="text-red-800">{d.lastError}</div> : null}
                      {d.lastResponse ? (
                        <pre className="mt-1 max-h-24 overflow-auto rounded bg-slate-50 p-2 text-xs break-all whitespace-pre-wrap">
                          {d.lastResponse.slice(0, 300)}
                        </pre>
                      ) : null}
                    </td>
                    <td className="py-2 pr-3">
                      <div>Tạo {formatDateTime(d.createdAt)}</div>
                      {d.lastAttemptAt ? <div>Gửi {formatDateTime(d.lastAttemptAt)}</div> : null}
                      {d.deliveredAt ? <div>Nhận {formatDateTime(d.deliveredAt)}</div> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager
            page={query.page}
            pageSize={DELIVERIES_PAGE_SIZE}
            total={total}
            href={(p) => `/quan-tri/webhook/${webhook.id}?page=${p}`}
          />
        </section>
      </div>
    );
  },
);
