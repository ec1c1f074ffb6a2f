"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { markDigestsRead } from "@/lib/reminders/list";
import { now } from "@/lib/time/today";

/** Marks the signed-in user's own agencies' digests read (only their own: decided on the server). */
export async function markRemindersRead(): Promise<void> {
  const user = await requireUser();
  await markDigestsRead(db(), user, now());
  revalidatePath("/nhac-viec");
}
