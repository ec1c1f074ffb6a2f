"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import {
  createWebhook,
  deleteWebhook,
  pauseWebhook,
  pingWebhook,
  resumeWebhook,
  updateWebhookEvents,
} from "@/lib/webhooks/manage";
import { ZCreateWebhook, ZUpdateWebhookEvents, ZWebhookTarget } from "@/lib/webhooks/schemas";

// The province administrator's webhooks (/quan-tri/webhook); the service checks the role and province.

const revalidate = (id?: number) => {
  revalidatePath("/quan-tri/webhook");
  if (id) revalidatePath(`/quan-tri/webhook/${id}`);
};

export const createWebhookAction = formAction<typeof ZCreateWebhook, { webhookId: number }>(
  { name: "webhook.create", input: ZCreateWebhook },
  async (input, { user }) => {
    const { id } = await createWebhook(db(), user, input);
    revalidate();
    return {
      ok: true,
      message: "Đã đăng ký webhook. Mở trang của webhook để xem khóa bí mật dùng kiểm tra chữ ký.",
      webhookId: id,
    };
  },
);

export const updateWebhookEventsAction = formAction<typeof ZUpdateWebhookEvents, object>(
  { name: "webhook.update", input: ZUpdateWebhookEvents },
  async (input, { user }) => {
    await updateWebhookEvents(db(), user, input);
    revalidate(input.webhookId);
    return { ok: true, message: "Đã lưu các sự kiện của webhook." };
  },
);

export const pauseWebhookAction = formAction<typeof ZWebhookTarget, object>(
  { name: "webhook.pause", input: ZWebhookTarget },
  async (input, { user }) => {
    await pauseWebhook(db(), user, input.webhookId);
    revalidate(input.webhookId);
    return { ok: true, message: "Đã tạm dừng webhook: không gửi gì cho tới khi tiếp tục." };
  },
);

export const resumeWebhookAction = formAction<typeof ZWebhookTarget, object>(
  { name: "webhook.resume", input: ZWebhookTarget },
  async (input, { user }) => {
    const { resent } = await resumeWebhook(db(), user, input.webhookId);
    revalidate(input.webhookId);
    return {
      ok: true,
      message:
        resent > 0 ? `Đã tiếp tục gửi: ${resent} sự kiện đang chờ sẽ được gửi lại.` : "Đã tiếp tục gửi tới webhook.",
    };
  },
);

export const deleteWebhookAction = formAction<typeof ZWebhookTarget, object>(
  { name: "webhook.delete", input: ZWebhookTarget },
  async (input, { user }) => {
    const { url } = await deleteWebhook(db(), user, input.webhookId);
    revalidate();
    return { ok: true, message: `Đã xóa webhook ${url}.` };
  },
);

export const pingWebhookAction = formAction<typeof ZWebhookTarget, object>(
  { name: "webhook.ping", input: ZWebhookTarget },
  async (input, { user }) => {
    await pingWebhook(db(), user, input.webhookId);
    revalidate(input.webhookId);
    return { ok: true, message: "Đã xếp sự kiện gửi thử (ping) vào hàng đợi; kết quả hiện trong danh sách bên dưới." };
  },
);
