"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createFeedAction, revokeFeedAction } from "@/lib/feeds/actions";
import { webcalUrl } from "@/lib/feeds/urls";
import { ActionForm } from "@/components/ui/action-form";

export interface FeedStatusView {
  id: number;
  /** dd/MM/yyyy HH:mm, already formatted on the server. */
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
}

/**
 * "Lịch trên điện thoại": the feed in use (when it was made, last read), a new address (shown
 * once, with a copy button and how to subscribe), and revoking it. For one's own feed or an agency's.
 */
export function CalendarFeedPanel({
  feed,
  agencyId,
  whose,
}: {
  feed: FeedStatusView | null;
  agencyId?: number;
  /** "của bạn" / "của Sở Y tế", in the sentences below. */
  whose: string;
}) {
  const router = useRouter();
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const id = agencyId ? `agency-${agencyId}` : "own";
  return (
    <div className="grid gap-3 text-sm" data-testid={`calendar-feed-${id}`}>
      <p className="text-slate-600">
        Hạn các nhiệm vụ đang thực hiện {whose} hiện trong ứng dụng lịch của điện thoại (Google Lịch, Lịch trên iPhone),
        mỗi nhiệm vụ một sự kiện cả ngày vào ngày đến hạn, tự cập nhật. Ai có địa chỉ đều xem được, nên đừng chia sẻ;
        thu hồi khi lộ hoặc không dùng nữa.
      </p>
      {feed ? (
        <p>
          Đang dùng địa chỉ tạo lúc {feed.createdAt}
          {feed.createdBy ? ` (${feed.createdBy})` : ""};{" "}
          {feed.lastUsedAt ? `điện thoại đọc lần cuối lúc ${feed.lastUsedAt}.` : "chưa có lịch nào đọc."}
        </p>
      ) : (
        <p>Chưa có địa chỉ lịch nào đang dùng.</p>
      )}
      <div className="flex flex-wrap items-start gap-3">
        <ActionForm
          action={createFeedAction}
          hidden={agencyId ? { agencyId } : {}}
          submitLabel={feed ? "Tạo địa chỉ mới" : "Tạo địa chỉ lịch"}
          size="small"
          confirm={feed ? "Địa chỉ cũ sẽ không dùng được nữa. Tạo địa chỉ mới?" : undefined}
          testId={`create-feed-${id}`}
          onSuccess={(r) => {
            setUrl(r.url);
            setCopied(false);
            router.refresh();
          }}
        />
        {feed ? (
          <ActionForm
            action={revokeFeedAction}
            hidden={{ feedId: feed.id }}
            submitLabel="Thu hồi"
            tone="danger"
            size="small"
            confirm="Thu hồi địa chỉ lịch? Lịch trên điện thoại sẽ không cập nhật nữa."
            testId={`revoke-feed-${id}`}
            onSuccess={() => {
              setUrl(null);
              router.refresh();
            }}
          />
        ) : null}
      </div>
      {url ? (
        <div role="status" className="rounded-xl bg-amber-50 p-4 ring-1 ring-amber-200" data-testid={`feed-url-${id}`}>
          <p className="font-medium text-amber-950">
            Địa chỉ lịch (chỉ hiện một lần này; ứng dụng chỉ lưu bản băm của địa chỉ):
          </p>
          <code className="mt-2 block font-mono break-all select-all">{url}</code>
          <button
            type="button"
            className="mt-2 text-brand-800 underline"
            onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}
          >
            {copied ? "Đã sao chép" : "Sao chép"}
          </button>
          <ul className="mt-3 list-disc space-y-1 pl-5 text-amber-950">
            <li>
              <strong>Google Lịch</strong> (trên máy tính, calendar.google.com): Cài đặt › Thêm lịch › Từ URL, dán địa
              chỉ rồi chọn Thêm lịch. Lịch hiện trên điện thoại Android cùng tài khoản sau ít phút.
            </li>
            <li>
              <strong>iPhone, iPad</strong>: Cài đặt › Lịch › Tài khoản › Thêm tài khoản › Khác › Thêm lịch đã đăng ký,
              dán địa chỉ; hoặc mở{" "}
              <a className="underline" href={webcalUrl(url)}>
                liên kết này
              </a>{" "}
              trên iPhone.
            </li>
            <li>Ứng dụng lịch tự đọc lại vài giờ một lần (Google Lịch có khi lâu hơn); thay đổi không hiện ngay.</li>
          </ul>
        </div>
      ) : null}
    </div>
  );
}
