"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { userMessage } from "@/lib/errors";
import type { DuplicateNotice } from "@/lib/intake/duplicates";
import { readUploadedNotice } from "@/lib/intake/read-upload";
import { confirmNotice, DuplicateNoticeError, proposeNotice, type Proposal } from "@/lib/intake/service";

// Server actions are public endpoints: each one authenticates, and the services it calls check
// permissions against the stored province. Errors reach the user as Vietnamese messages only.

export type ProposeResult = { ok: true; proposal: Proposal } | { ok: false; message: string };

/** Reads pasted text (field "text") or an uploaded file (field "file") and proposes the notice. */
export async function proposeNoticeAction(formData: FormData): Promise<ProposeResult> {
  try {
    const user = await requireUser();
    const file = formData.get("file");
    const pasted = formData.get("text");
    let text: string;
    if (file instanceof File && file.size > 0) {
      text = await readUploadedNotice(file.name, new Uint8Array(await file.arrayBuffer()));
    } else if (typeof pasted === "string" && pasted.trim()) {
      text = pasted;
    } else {
      return { ok: false, message: "Hãy dán nội dung thông báo hoặc chọn tệp để tải lên." };
    }
    return { ok: true, proposal: await proposeNotice(db(), user, text) };
  } catch (error) {
    return { ok: false, message: userMessage(error, "intake.propose") };
  }
}

export type ConfirmResult =
  { ok: true; noticeId: number } | { ok: false; message: string; duplicates?: DuplicateNotice[] };

export async function confirmNoticeAction(input: unknown): Promise<ConfirmResult> {
  try {
    const user = await requireUser();
    const noticeId = await confirmNotice(db(), user, input);
    revalidatePath("/thong-bao");
    return { ok: true, noticeId };
  } catch (error) {
    if (error instanceof DuplicateNoticeError)
      return { ok: false, message: error.message, duplicates: error.duplicates };
    return { ok: false, message: userMessage(error, "intake.confirm") };
  }
}
