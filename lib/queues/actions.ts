"use server";

import { revalidatePath } from "next/cache";
import { ZBulkDecision } from "@/lib/assignments/schemas";
import { formAction } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { z } from "zod";
import { decideMany } from "@/lib/queues/bulk";
import { markQueueSeen } from "@/lib/queues/queues";

// The queue's bulk step: several reported results confirmed or returned at once. Form fields:
// items ("assignmentId:version", one per ticked row), decision ("confirm" | "return"), reason.

export const decideManyAction = formAction<
  typeof ZBulkDecision,
  {
    done: { assignmentId: number; version: number }[];
    refused: { assignmentId: number; message: string }[];
  }
>({ name: "queue.decideMany", input: ZBulkDecision }, async (input, { user }) => {
  const r = await decideMany(db(), user, input);
  revalidatePath("/cho-xu-ly");
  for (const d of r.done) {
    revalidatePath(`/co-quan/${d.agencyId}`);
    revalidatePath(`/thong-bao/${d.noticeId}`);
    revalidatePath(`/nhiem-vu/${d.assignment.id}`);
  }
  const verb = input.decision === "confirm" ? "xác nhận" : "trả lại";
  const refused = r.refused.length > 0 ? ` ${r.refused.length} kết quả không xử lý được (đã có thay đổi).` : "";
  return {
    ok: true,
    message: `Đã ${verb} ${r.done.length} kết quả.${refused}`,
    done: r.done.map((d) => ({ assignmentId: d.assignment.id, version: d.assignment.version })),
    refused: r.refused,
  };
});

/** The queue was looked at: "new since the last visit" counts from now on. Sent by the page once shown. */
export const markQueueSeenAction = formAction<z.ZodObject, object>(
  { name: "queue.seen", input: z.object({}) },
  async (_input, { user }) => {
    await markQueueSeen(db(), user);
    return { ok: true, message: "Đã ghi nhận lần xem." };
  },
);
