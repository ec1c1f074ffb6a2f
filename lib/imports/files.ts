import "server-only";
import type { SessionUser } from "@/lib/auth/user";
import { db } from "@/lib/db/client";
import { fileResponse } from "@/lib/exports/respond";
import { exportFileName } from "@/lib/exports/table";
import { toXlsx } from "@/lib/exports/xlsx";
import { ForbiddenError } from "@/lib/errors";
import {
  agencyRegistryDocument,
  agencyTemplate,
  registerTemplate,
  userListDocument,
  userTemplate,
} from "@/lib/imports/exports";
import { today } from "@/lib/time/today";

// The downloads of the import pages (route handlers call these after the gate's permission
// check): the templates, and the province's registry and account list in the import's columns.

function provinceOf(user: SessionUser): number {
  if (user.provinceId === null) throw new ForbiddenError();
  return user.provinceId;
}

export async function agencyExportResponse(user: SessionUser): Promise<Response> {
  const doc = await agencyRegistryDocument(db(), provinceOf(user));
  return fileResponse(await toXlsx(doc), exportFileName("danh muc co quan", today(), "xlsx"), "xlsx");
}

export async function userExportResponse(user: SessionUser): Promise<Response> {
  const doc = await userListDocument(db(), provinceOf(user));
  return fileResponse(await toXlsx(doc), exportFileName("nguoi dung", today(), "xlsx"), "xlsx");
}

const TEMPLATES = {
  agencies: { doc: agencyTemplate, name: "mau-danh-muc-co-quan.xlsx" },
  users: { doc: userTemplate, name: "mau-danh-sach-nguoi-dung.xlsx" },
  directives: { doc: registerTemplate, name: "mau-so-theo-doi-chi-dao.xlsx" },
};

export async function templateResponse(kind: keyof typeof TEMPLATES): Promise<Response> {
  const t = TEMPLATES[kind];
  return fileResponse(await toXlsx(t.doc()), t.name, "xlsx");
}
