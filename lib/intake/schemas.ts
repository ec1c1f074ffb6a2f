import { z } from "zod";
import { ZReviewedDraft } from "@/lib/notices/draft";

// What confirming a reviewed notice accepts: the review screen's confirm (lib/intake/actions.ts)
// and the API's POST /api/v1/notices (lib/api/schemas.ts builds its body from these fields).

export const ZConfirmNotice = z.object({
  sourceText: z.string().min(1, "Thiếu nội dung văn bản gốc"),
  /** Every dated deadline with its day: a cleared date is refused, not stored as "no deadline". */
  draft: ZReviewedDraft,
  /** Names of proposed new agencies the secretariat accepted into the registry. */
  acceptedNewAgencies: z.array(z.string().trim().min(1)),
  /** Set once the secretariat has seen the duplicate warning and still wants to store it. */
  acknowledgeDuplicates: z.boolean(),
  publish: z.boolean(),
  /** The uploaded document the proposal was read from (Proposal.sourceFileId). */
  sourceFileId: z.number().int().positive().nullable().optional(),
});
export type ConfirmNoticeInput = z.infer<typeof ZConfirmNotice>;
