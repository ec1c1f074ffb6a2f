"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
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
