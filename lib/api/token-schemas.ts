import { z } from "zod";
import { ZIsoDate } from "@/lib/notices/draft";
import { zId } from "@/lib/validation/fields";

// What the province administrator's API token forms accept (/quan-tri/api).

export const API_SCOPES = ["read", "read_write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_LABELS: Record<ApiScope, string> = {
  read: "Chỉ đọc",
  read_write: "Đọc và ghi",
};

const emptyToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

export const ZCreateApiToken = z.object({
  name: z
    .string({ error: "Vui lòng nhập tên của mã truy cập." })
    .trim()
    .min(2, "Vui lòng nhập tên của mã truy cập (ít nhất 2 ký tự).")
    .max(120, "Tên quá dài (tối đa 120 ký tự)."),
  scope: z.enum(API_SCOPES, { error: "Vui lòng chọn quyền: chỉ đọc hoặc đọc và ghi." }),
  expiresOn: z.preprocess(
    emptyToUndefined,
    z.string({ error: "Ngày hết hạn không hợp lệ, nhập theo dạng dd/mm/yyyy." }).pipe(ZIsoDate).optional(),
  ),
  agencyIds: z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(zId("Mã cơ quan không hợp lệ."), { error: "Danh sách cơ quan không hợp lệ." })
      .max(50, "Chọn tối đa 50 cơ quan."),
  ),
});
export type CreateApiToken = z.output<typeof ZCreateApiToken>;

export const ZRevokeApiToken = z.object({ tokenId: zId("Mã truy cập không hợp lệ.") });
