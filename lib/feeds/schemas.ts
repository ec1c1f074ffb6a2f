import { z } from "zod";
import { zId } from "@/lib/validation/fields";

// What the calendar feed forms send (/tai-khoan, an agency's board): no agency is one's own feed.

const emptyToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

export const ZCreateFeed = z.object({
  agencyId: z.preprocess(emptyToUndefined, zId("Mã cơ quan không hợp lệ.").optional()),
});
export const ZRevokeFeed = z.object({ feedId: zId("Địa chỉ lịch không hợp lệ.") });
