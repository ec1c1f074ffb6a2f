import type { FeedStatus } from "@/lib/feeds/feeds";
import { formatDateTime } from "@/lib/time/calendar";
import type { FeedStatusView } from "@/components/feeds/calendar-feed-panel";

/** A feed's status as the panel shows it (dates formatted on the server, in Asia/Ho_Chi_Minh). */
export function feedView(feed: FeedStatus | null): FeedStatusView | null {
  if (!feed) return null;
  return {
    id: feed.id,
    createdAt: formatDateTime(feed.createdAt),
    createdBy: feed.createdBy,
    lastUsedAt: feed.lastUsedAt ? formatDateTime(feed.lastUsedAt) : null,
  };
}
