"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, action } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import type { DuplicateNotice } from "@/lib/intake/duplicates";
import { MAX_TEXT_CHARS, MAX_UPLOAD_BYTES, readUploadedNotice } from "@/lib/intake/read-upload";
import { inspectArchive, isZip } from "@/lib/uploads/archive";
import { needsIsolation, precheckNoticeFile, readNoticeIsolated } from "@/lib/uploads/isolated";
import { confirmNotice, proposeNotice, ZConfirmNotice, type Proposal } from "@/lib/intake/service";

// Server actions of the intake page, through the gate: the session, "notice.create" in the
// user's own province (before an uploaded file is read), the input's schema, and errors mapped
// to Vietnamese messages. Nothing is stored until the secretariat confirms.

const ZNoticeFile = z
  .custom<File>((v) => v instanceof File, { error: "Tệp tải lên không đọc được." })
  .check((ctx) => {
    if (ctx.value.size > MAX_UPLOAD_BYTES)
      ctx.issues.push({ code: "custom", input: ctx.value, message: "Tệp quá lớn: tối đa 10 MB." });
  });

const ZPropose = z.object({
  text: z.string().max(MAX_TEXT_CHARS, "Văn bản quá dài (tối đa khoảng 2 triệu ký tự).").optional(),
  file: ZNoticeFile.optional(),
});

/** Reads pasted text (field "text") or an uploaded file (field "file") and proposes the notice. */
export const proposeNoticeAction = formAction<typeof ZPropose, { proposal: Proposal }>(
  { name: "intake.propose", input: ZPropose, permission: "notice.create", pastedText: ["text"] },
  async (input, { user }) => {
    let text: string;
    if (input.file && input.file.size > 0) {
      const bytes = new Uint8Array(await input.file.arrayBuffer());
      // A file that is not what its name says is refused at once; an Office archive is measured
      // before anything inflates it; documents are read off this thread.
      precheckNoticeFile(input.file.name, bytes);
      if (isZip(bytes)) await inspectArchive(input.file.name, bytes, "file");
      text = needsIsolation(input.file.name)
        ? await readNoticeIsolated(input.file.name, bytes)
        : await readUploadedNotice(input.file.name, bytes);
    } else if (input.text?.trim()) {
      text = input.text;
    } else {
      throw new ValidationError("Hãy dán nội dung thông báo hoặc chọn tệp để tải lên.");
    }
    return { ok: true, message: "Đã đọc văn bản.", proposal: await proposeNotice(db(), user, text) };
  },
);

export const confirmNoticeAction = action<
  typeof ZConfirmNotice,
  { noticeId: number },
  { duplicates: DuplicateNotice[] }
>(
  { name: "intake.confirm", input: ZConfirmNotice, permission: "notice.create", pastedText: ["sourceText"] },
  async (input, { user }) => {
    const noticeId = await confirmNotice(db(), user, input);
    revalidatePath("/thong-bao");
    return { ok: true, message: "Đã lưu thông báo.", noticeId };
  },
);
