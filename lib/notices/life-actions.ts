"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { carryDirectives } from "@/lib/notices/carry-over";
import { ZCarryDirectives, ZLinkNotice, ZUnlinkNotice, ZWithdrawNotice } from "@/lib/notices/edit-schemas";
import { linkNotice, unlinkNotice } from "@/lib/notices/links";
import { revalidateNoticeChange } from "@/lib/notices/revalidate";
import { withdrawNotice } from "@/lib/notices/withdraw";

// Server actions of a notice's life on its page: withdrawal, links to earlier notices, directives
// carried over. Each through the gate; the services check "notice.edit" on the stored notices.

export const withdrawNoticeAction = formAction<typeof ZWithdrawNotice, { openTasks: number }>(
  { name: "notice.withdraw", input: ZWithdrawNotice, permission: "notice.edit" },
  async (input, { user }) => {
    const r = await withdrawNotice(db(), user, input);
    revalidateNoticeChange(r);
    revalidatePath("/tong-quan");
    return {
      ok: true,
      message: `Đã thu hồi thông báo; ${r.openTasks} nhiệm vụ còn mở đã kết thúc và không tính quá hạn.`,
      openTasks: r.openTasks,
    };
  },
);

export const linkNoticeAction = formAction<typeof ZLinkNotice, { moved: number; closed: number }>(
  { name: "notice.link", input: ZLinkNotice, permission: "notice.edit" },
  async (input, { user }) => {
    const r = await linkNotice(db(), user, input);
    revalidateNoticeChange(r);
    revalidatePath(`/thong-bao/${r.targetId}`);
    const extra =
      r.moved > 0
        ? ` Đã chuyển ${r.moved} nhiệm vụ còn mở sang thông báo này.`
        : r.closed > 0 || input.open === "close"
          ? ` Thông báo cũ đã được thu hồi do bị thay thế; ${r.closed} nhiệm vụ còn mở đã kết thúc.`
          : "";
    return { ok: true, message: `Đã thêm liên kết.${extra}`, moved: r.moved, closed: r.closed };
  },
);

export const unlinkNoticeAction = formAction<typeof ZUnlinkNotice, object>(
  { name: "notice.unlink", input: ZUnlinkNotice, permission: "notice.edit" },
  async (input, { user }) => {
    const r = await unlinkNotice(db(), user, input);
    revalidatePath(`/thong-bao/${r.noticeId}`);
    revalidatePath(`/thong-bao/${r.targetId}`);
    return { ok: true, message: "Đã bỏ liên kết." };
  },
);

export const carryDirectivesAction = formAction<typeof ZCarryDirectives, { moved: number }>(
  { name: "notice.carry", input: ZCarryDirectives, permission: "notice.edit" },
  async (input, { user }) => {
    const r = await carryDirectives(db(), user, input);
    revalidateNoticeChange(r);
    for (const id of r.fromNoticeIds) revalidatePath(`/thong-bao/${id}`);
    return {
      ok: true,
      message: `Đã chuyển tiếp ${r.directiveIds.length} nhiệm vụ vào thông báo này; lịch sử của chúng được giữ nguyên.`,
      moved: r.directiveIds.length,
    };
  },
);
