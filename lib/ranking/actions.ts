"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import {
  publishRanking,
  withdrawRankingPublication,
  ZPublishRanking,
  ZWithdrawRanking,
} from "@/lib/ranking/publication";
import { today } from "@/lib/time/today";

// The secretariat's actions on /xep-hang: publishing a period's results and withdrawing a
// publication; the services check "ranking.publish" in the user's own province.

export const publishRankingAction = formAction<typeof ZPublishRanking, { agencies: number }>(
  { name: "ranking.publish", input: ZPublishRanking, permission: "ranking.publish" },
  async (input, { user }) => {
    const r = await publishRanking(db(), user, input, today());
    revalidatePath("/xep-hang", "layout");
    return {
      ok: true,
      message: `Đã công bố kết quả ${input.period.label} của ${r.agencies} cơ quan${input.isPublic ? "; trang công khai đã mở" : ""}. Số liệu đã được chốt.`,
      agencies: r.agencies,
    };
  },
);

export const withdrawRankingAction = formAction<typeof ZWithdrawRanking, object>(
  { name: "ranking.withdraw", input: ZWithdrawRanking, permission: "ranking.publish" },
  async (input, { user }) => {
    await withdrawRankingPublication(db(), user, input);
    revalidatePath("/xep-hang", "layout");
    return { ok: true, message: `Đã thu hồi công bố ${input.period.label}; trang công khai không còn.` };
  },
);
