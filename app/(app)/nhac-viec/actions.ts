"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { markNotificationsRead } from "@/lib/notifications/inbox";
import { markDigestsRead } from "@/lib/reminders/list";
import { now } from "@/lib/time/today";

/** Marks the signed-in user's own agencies' digests read (which ones: the permission table's "digest.markRead"). */
export const markRemindersRead = formAction<z.ZodObject, { marked: number }>(
  { name: "digest.markRead", input: z.object({}) },
  async (_input, { user }) => {
    const marked = await markDigestsRead(db(), user, now());
    revalidatePath("/nhac-viec");
    return {
      ok: true,
      message: marked > 0 ? `Đã đánh dấu ${marked} bản nhắc việc là đã đọc.` : "Không có nhắc việc chưa đọc.",
      marked,
    };
  },
);

/** Marks the signed-in user's own notifications read: a person only ever has their own. */
export const markNotificationsReadAction = formAction<z.ZodObject, { marked: number }>(
  { name: "notification.markRead", input: z.object({}) },
  async (_input, { user }) => {
    const marked = await markNotificationsRead(db(), user, now());
    revalidatePath("/nhac-viec");
    return {
      ok: true,
      message: marked > 0 ? `Đã đánh dấu ${marked} thông báo là đã đọc.` : "Không có thông báo chưa đọc.",
      marked,
    };
  },
);
