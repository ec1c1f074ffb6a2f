import type { Metadata } from "next";
import Link from "next/link";
import { page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/time/calendar";
import { DELIVERY_STATUS_LABELS, WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/webhooks/events";
import { listWebhooks } from "@/lib/webhooks/manage";
import { CreateWebhookForm } from "@/components/webhooks/webhook-forms";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Webhook" };

const card = "rounded-2xl border border-slate-200 bg-white p-5 shadow-sm";

/** The province administrator's webhooks: register (URL and events), list, open one. */
export default page({ permission: "webhook.manage" }, async ({ user }) => {
  const hooks = await listWebhooks(db(), user);
  const events = WEBHOOK_EVENTS.map((value) => ({ value, label: WEBHOOK_EVENT_LABELS[value] }));
  return (
    <div className="grid max-w-5xl gap-6">
      <PageHeader
        title="Webhook"
        subtitle={`Hệ thống khác của tỉnh ${user.provinceName ?? ""} được báo ngay khi có sự kiện: ứng dụng gửi một yêu cầu POST có chữ ký tới địa chỉ đã đăng ký.`}
      />
      <p className="text-sm text-slate-700">
        Mỗi lần gửi có chữ ký HMAC-SHA256 (tiêu đề <code>X-ChiDao-Signature</code>); lỗi thì gửi lại, giãn dần; bên nhận
        lỗi liên tục một ngày thì webhook bị tạm dừng và quản trị viên được báo. Cách kiểm tra chữ ký: xem README, mục
        Webhook. Xem thêm{" "}
        <Link href="/quan-tri/api" className="text-brand-800 underline">
          Mã truy cập API
        </Link>
        .
      </p>
      <section className={card}>
        <h2 className="mb-3 text-base font-semibold">Đăng ký webhook</h2>
        <CreateWebhookForm events={events} />
      </section>
      <section className={`${card} overflow-x-auto`}>
        <h2 className="mb-3 text-base font-semibold">Các webhook đã đăng ký</h2>
        {hooks.length === 0 ? (
          <p className="text-sm text-slate-600">Chưa có webhook nào.</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="webhooks">
            <thead className="text-slate-600">
              <tr>
                <th className="py-2 pr-3">Địa chỉ nhận</th>
                <th className="py-2 pr-3">Sự kiện</th>
                <th className="py-2 pr-3">Trạng thái</th>
                <th className="py-2 pr-3">Lần gửi gần nhất</th>
                <th className="py-2">Tạo lúc</th>
              </tr>
            </thead>
            <tbody>
              {hooks.map((h) => (
                <tr key={h.id} className="border-t border-slate-100 align-top">
                  <td className="py-2 pr-3 break-all">
                    <Link href={`/quan-tri/webhook/${h.id}`} className="font-medium text-brand-800 underline">
                      {h.url}
                    </Link>
                  </td>
                  <td className="py-2 pr-3">
                    {h.events.map((e) => WEBHOOK_EVENT_LABELS[e as WebhookEvent] ?? e).join("; ")}
                  </td>
                  <td className="py-2 pr-3">
                    {h.pausedAt ? (
                      <span className="font-medium text-red-800">Tạm dừng từ {formatDateTime(h.pausedAt)}</span>
                    ) : h.failingSince ? (
                      <span className="text-amber-800">Đang lỗi từ {formatDateTime(h.failingSince)}</span>
                    ) : (
                      "Đang hoạt động"
                    )}
                  </td>
                  <td className="py-2 pr-3">
                    {h.lastDelivery
                      ? `${DELIVERY_STATUS_LABELS[h.lastDelivery.status] ?? h.lastDelivery.status}${h.lastDelivery.lastStatusCode ? ` (HTTP ${h.lastDelivery.lastStatusCode})` : ""}, ${formatDateTime(h.lastDelivery.createdAt)}`
                      : "Chưa gửi"}
                  </td>
                  <td className="py-2">
                    {formatDateTime(h.createdAt)}
                    {h.createdBy ? <div className="text-xs text-slate-500">{h.createdBy}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
});
