import { revalidatePath } from "next/cache";

/** The pages a change to a notice's directives or tasks shows on. */
export function revalidateNoticeChange(r: { noticeId: number; agencyIds: number[]; assignmentIds: number[] }): void {
  revalidatePath(`/thong-bao/${r.noticeId}`);
  revalidatePath("/thong-bao");
  for (const id of new Set(r.agencyIds)) revalidatePath(`/co-quan/${id}`);
  for (const id of r.assignmentIds) revalidatePath(`/nhiem-vu/${id}`);
  revalidatePath("/qua-han");
}
