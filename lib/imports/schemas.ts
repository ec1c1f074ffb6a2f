import { z } from "zod";
import { zId } from "@/lib/validation/fields";

// What the import forms send: a file (its content is read only after the permission check), and
// at confirmation the upload's id with the fingerprint of the preview the administrator saw.

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const ZImportUpload = z.object({
  file: z
    .custom<File>((v) => v instanceof File, { error: "Chọn tệp Excel (.xlsx) hoặc CSV để tải lên." })
    .check((ctx) => {
      if (ctx.value.size > MAX_IMPORT_BYTES)
        ctx.issues.push({ code: "custom", input: ctx.value, message: "Tệp quá lớn: tối đa 5 MB." });
    }),
});

export const ZImportConfirm = z.object({
  batchId: zId("Mã lần tải lên không hợp lệ."),
  fingerprint: z
    .string({ error: "Thiếu dấu của bản xem trước; vui lòng tải lại trang." })
    .regex(/^[0-9a-f]{32}$/, "Dấu của bản xem trước không hợp lệ; vui lòng tải lại trang."),
});

export type ImportConfirmInput = z.output<typeof ZImportConfirm>;
