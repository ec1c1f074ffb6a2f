"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { confirmImport, uploadImport, type ImportResult } from "@/lib/imports/batches";
import type { ImportKind } from "@/lib/imports/plan";
import { ZImportConfirm, ZImportUpload } from "@/lib/imports/schemas";

// The import pages' actions, through the gate: agencies need "agency.manage", users
// "user.manage", checked before the file is read; the services check the stored upload's
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
