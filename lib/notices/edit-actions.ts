"use server";

import { revalidatePath } from "next/cache";
import type { SessionUser } from "@/lib/auth/user";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { AppError, userMessage, ValidationError } from "@/lib/errors";
import {
  addDirectiveAgencies,
  changeAssignmentRole,
  removeDirectiveAgency,
  updateDirective,
  type DirectiveEditResult,
} from "@/lib/notices/edit";
import type {
  AddDirectiveAgenciesInput,
  AddDirectiveInput,
  ChangeAssignmentRoleInput,
  PublishNoticeInput,
  RemoveDirectiveAgencyInput,
  RemoveDirectiveInput,
  UpdateDirectiveInput,
} from "@/lib/notices/edit-schemas";
import { addDirective, publishNotice, removeDirective, type NoticeChangeResult } from "@/lib/notices/edit-structure";
import { StaleDirectiveError, StaleNoticeError, type NoticeEditResult } from "@/lib/notices/edit-types";

// Server actions of the notice page's editor. Each is a public POST endpoint: it authenticates
// (requireUser) and hands the raw input to the service, which parses it with its zod schema and
// checks "notice.edit" on the stored notice's province. Answers are NoticeEditResult, the
// assignment actions' ActionResult plus the directive or notice as now stored.

function refresh(r: DirectiveEditResult | NoticeChangeResult): void {
  revalidatePath(`/thong-bao/${r.noticeId}`);
  revalidatePath("/thong-bao");
  for (const id of new Set(r.agencyIds)) revalidatePath(`/co-quan/${id}`);
  for (const id of r.assignmentIds) revalidatePath(`/nhiem-vu/${id}`);
  revalidatePath("/qua-han");
}

function failure(error: unknown, context: string): NoticeEditResult {
  if (error instanceof StaleDirectiveError)
    return { ok: false, message: error.message, currentDirective: error.current };
  if (error instanceof StaleNoticeError) return { ok: false, message: error.message, currentNotice: error.current };
  if (error instanceof ValidationError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof AppError) return { ok: false, message: error.message };
  return { ok: false, message: userMessage(error, context) };
}

async function run(
  context: string,
  step: (actor: SessionUser) => Promise<NoticeEditResult>,
): Promise<NoticeEditResult> {
  try {
    return await step(await requireUser());
  } catch (error) {
    return failure(error, context);
  }
}

function directiveDone(r: DirectiveEditResult, message: string): NoticeEditResult {
  if (r.changed) refresh(r);
  return { ok: true, message: r.changed ? message : "Không có thay đổi nào để lưu.", directive: r.directive };
}

export async function updateDirectiveAction(input: UpdateDirectiveInput): Promise<NoticeEditResult> {
  return run("directive.update", async (actor) =>
    directiveDone(await updateDirective(db(), actor, input), "Đã lưu thay đổi của nhiệm vụ."),
  );
}

export async function addDirectiveAgenciesAction(input: AddDirectiveAgenciesInput): Promise<NoticeEditResult> {
  return run("assignment.create", async (actor) => {
    const r = await addDirectiveAgencies(db(), actor, input);
    return directiveDone(r, `Đã giao thêm ${r.assignmentIds.length} cơ quan.`);
  });
}

export async function removeDirectiveAgencyAction(input: RemoveDirectiveAgencyInput): Promise<NoticeEditResult> {
  return run("assignment.delete", async (actor) => {
    const r = await removeDirectiveAgency(db(), actor, input);
    return directiveDone(r, `Đã bỏ ${r.assignmentIds.length} cơ quan khỏi nhiệm vụ.`);
  });
}

export async function changeAssignmentRoleAction(input: ChangeAssignmentRoleInput): Promise<NoticeEditResult> {
  return run("assignment.role", async (actor) =>
    directiveDone(await changeAssignmentRole(db(), actor, input), "Đã đổi vai trò."),
  );
}

export async function addDirectiveAction(input: AddDirectiveInput): Promise<NoticeEditResult> {
  return run("directive.create", async (actor) => {
    const r = await addDirective(db(), actor, input);
    refresh(r);
    return {
      ok: true,
      message: "Đã thêm nhiệm vụ.",
      notice: r.notice,
      ...(r.directive ? { directive: r.directive } : {}),
    };
  });
}

export async function removeDirectiveAction(input: RemoveDirectiveInput): Promise<NoticeEditResult> {
  return run("directive.delete", async (actor) => {
    const r = await removeDirective(db(), actor, input);
    refresh(r);
    return { ok: true, message: "Đã xóa nhiệm vụ.", notice: r.notice };
  });
}

export async function publishNoticeAction(input: PublishNoticeInput): Promise<NoticeEditResult> {
  return run("notice.publish", async (actor) => {
    const r = await publishNotice(db(), actor, input);
    refresh(r);
    return {
      ok: true,
      message: "Đã ban hành thông báo; các cơ quan đã thấy nhiệm vụ trên bảng việc của mình.",
      notice: r.notice,
    };
  });
}
