"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { appBaseUrl } from "@/lib/env";
import { createFeed, revokeFeed } from "@/lib/feeds/feeds";
import { feedUrl } from "@/lib/feeds/urls";
import { ZCreateFeed, ZRevokeFeed } from "@/lib/feeds/schemas";

// Calendar feeds: one's own (/tai-khoan) and an agency's (its board, /co-quan/<id>); the service
// checks who may manage which against the stored agency.

function revalidate(agencyId: number | null | undefined): void {
  revalidatePath(agencyId ? `/co-quan/${agencyId}` : "/tai-khoan");
}

export const createFeedAction = formAction<typeof ZCreateFeed, { feedId: number; url: string }>(
  { name: "calendarFeed.create", input: ZCreateFeed },
  async (input, { user }) => {
    const { id, secret, replaced } = await createFeed(db(), user, { agencyId: input.agencyId });
    revalidate(input.agencyId);
    return {
      ok: true,
      message: `Đã tạo địa chỉ lịch mới${replaced ? " (địa chỉ cũ không dùng được nữa)" : ""}. Hãy sao chép ngay: địa chỉ chỉ hiện một lần này.`,
      feedId: id,
      url: feedUrl(secret, appBaseUrl()),
    };
  },
);

export const revokeFeedAction = formAction<typeof ZRevokeFeed, object>(
  { name: "calendarFeed.revoke", input: ZRevokeFeed },
  async (input, { user }) => {
    const { agencyId } = await revokeFeed(db(), user, input.feedId);
    revalidate(agencyId);
    return { ok: true, message: "Đã thu hồi địa chỉ lịch: lịch trên điện thoại sẽ không cập nhật nữa." };
  },
);
