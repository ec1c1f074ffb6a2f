"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { confirmImport, uploadImport, type ImportResult } from "@/lib/imports/batches";
import type { ImportKind } from "@/lib/imports/plan";
import { ZImportConfirm, ZImportUpload } from "@/lib/imports/schemas";
import { confirmRegister, uploadRegister, type RegisterResult } from "@/lib/imports/register";
import { ZRegisterConfirm } from "@/lib/imports/register-query";

// The import pages' actions, through the gate: agencies need "agency.manage", users
// "user.manage", the register of directives "notice.create", checked before the file is read; the services check the stored upload's
// province and owner again at every step.

const PAGES: Record<ImportKind, string> = { agencies: "/quan-tri/co-quan", users: "/quan-tri/nguoi-dung" };

async function upload(kind: ImportKind, file: File, user: Parameters<typeof uploadImport>[1]) {
  const r = await uploadImport(db(), user, kind, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  return { ok: true as const, message: "Đã đọc tệp; xem trước bên dưới.", batchId: r.batchId };
}

function summary(kind: ImportKind, r: ImportResult): string {
  const what = kind === "agencies" ? "cơ quan" : "tài khoản";
  const groups = r.groupsCreated > 0 ? `, ${r.groupsCreated} nhóm mới` : "";
  return `Đã nhập: ${r.created} ${what} mới, ${r.updated} ${what} được cập nhật${groups}; ${r.unchanged} dòng không đổi.`;
}

async function confirm(
  kind: ImportKind,
  input: { batchId: number; fingerprint: string },
  user: Parameters<typeof uploadImport>[1],
) {
  const r = await confirmImport(db(), user, kind, input);
  revalidatePath(PAGES[kind]);
  return { ok: true as const, message: summary(kind, r), ...r };
}

export const uploadAgencyListAction = formAction<typeof ZImportUpload, { batchId: number }>(
  { name: "import.agencies.upload", input: ZImportUpload, permission: "agency.manage" },
  (input, { user }) => upload("agencies", input.file, user),
);

export const confirmAgencyListAction = formAction<typeof ZImportConfirm, ImportResult>(
  { name: "import.agencies.confirm", input: ZImportConfirm, permission: "agency.manage" },
  (input, { user }) => confirm("agencies", input, user),
);

export const uploadUserListAction = formAction<typeof ZImportUpload, { batchId: number }>(
  { name: "import.users.upload", input: ZImportUpload, permission: "user.manage" },
  (input, { user }) => upload("users", input.file, user),
);

export const confirmUserListAction = formAction<typeof ZImportConfirm, ImportResult>(
  { name: "import.users.confirm", input: ZImportConfirm, permission: "user.manage" },
  (input, { user }) => confirm("users", input, user),
);

export const uploadRegisterAction = formAction<typeof ZImportUpload, { batchId: number }>(
  { name: "import.register.upload", input: ZImportUpload, permission: "notice.create" },
  async (input, { user }) => {
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const r = await uploadRegister(db(), user, { name: input.file.name, bytes });
    return { ok: true as const, message: "Đã đọc tệp; ghép cột rồi xem trước bên dưới.", batchId: r.batchId };
  },
);

export const confirmRegisterAction = formAction<typeof ZRegisterConfirm, RegisterResult>(
  { name: "import.register.confirm", input: ZRegisterConfirm, permission: "notice.create" },
  async (input, { user }) => {
    const r = await confirmRegister(db(), user, {
      batchId: input.batchId,
      fingerprint: input.fingerprint,
      publish: input.publish,
      mapping: input.columns,
      choices: input.agencies,
    });
    revalidatePath("/thong-bao");
    const skipped = r.duplicates > 0 ? `; ${r.duplicates} dòng trùng thông báo đã có được bỏ qua` : "";
    return {
      ok: true as const,
      message: `Đã nhập ${r.notices} thông báo, ${r.directives} nhiệm vụ, ${r.assignments} lượt giao cơ quan${skipped}.`,
      ...r,
    };
  },
);
