import Link from "next/link";
import type { Published } from "@/lib/ranking/figures";
import { formatDay, vietnamDay } from "@/lib/time/calendar";

/** "Đã công bố": the period's figures are frozen; where the public page is, when there is one. */
export function PublishedNote({ published, publicPath }: { published: Published; publicPath?: string }) {
  return (
    <div
      role="note"
      data-testid="ranking-published"
      className="mb-4 rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-950"
    >
      <p className="font-semibold">
        Đã công bố ngày {formatDay(vietnamDay(published.publishedAt))}
        {published.publishedBy ? ` (${published.publishedBy})` : ""}: số liệu đã chốt đến ngày{" "}
        {formatDay(published.asOf)}, không thay đổi theo cập nhật sau đó.
      </p>
      {publicPath && published.isPublic ? (
        <p className="mt-1">
          Trang công khai (không cần đăng nhập):{" "}
          <Link href={publicPath} className="font-medium break-all text-brand-800 underline" data-testid="public-link">
            {publicPath}
          </Link>
        </p>
      ) : (
        <p className="mt-1">Chỉ xem được khi đăng nhập.</p>
      )}
    </div>
  );
}
