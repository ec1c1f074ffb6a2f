"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { revalidateNoticeChange } from "@/lib/notices/revalidate";
import {
  addDirectiveAgencies,
  changeAssignmentRole,
  removeDirectiveAgency,
  updateDirective,
  type DirectiveEditResult,
} from "@/lib/notices/edit";
import { directiveEditor, noticeEditRegistry, type EditRegistry } from "@/lib/notices/edit-history";
import {
  ZAddDirective,
  ZAddDirectiveAgencies,
  ZChangeAssignmentRole,
  ZDeleteNotice,
  ZLoadDirectiveEditor,
  ZLoadNoticeRegistry,
  ZPublishNotice,
  ZRemoveDirective,
  ZRemoveDirectiveAgency,
  ZUpdateDirective,
} from "@/lib/notices/edit-schemas";
import {
  addDirective,
  deleteDraftNotice,
  publishNotice,
  removeDirective,
  type NoticeChangeResult,
} from "@/lib/notices/edit-structure";
import type { DirectiveSnapshot, NoticeSnapshot } from "@/lib/notices/edit-types";

// Server actions of the notice page's editor, each through the gate (session, the change's zod
// schema, error mapping); the service checks "notice.edit" on the stored notice's province.
// Answers are NoticeEditResult: the directive or notice as stored after the change, or as stored
// now when someone else changed it first.

type Edited = { directive?: DirectiveSnapshot; notice?: NoticeSnapshot };
type Stale = { currentDirective: DirectiveSnapshot; currentNotice: NoticeSnapshot };

const refresh = (r: DirectiveEditResult | NoticeChangeResult): void => revalidateNoticeChange(r);

function directiveDone(r: DirectiveEditResult, message: string) {
  if (r.changed) refresh(r);
  return { ok: true as const, message: r.changed ? message : "Không có thay đổi nào để lưu.", directive: r.directive };
}

/**
 * "Sửa": what a directive's editor needs, which the notice page does not carry (the directive as
 * stored now and the province's registry), for those who may edit it; changes nothing.
 */
export const loadDirectiveEditorAction = action<
  typeof ZLoadDirectiveEditor,
  { directive: DirectiveSnapshot; registry: EditRegistry }
>({ name: "directive.editor", input: ZLoadDirectiveEditor, readOnly: true }, async (input, { user }) => ({
  ok: true,
  message: "Đã tải nhiệm vụ để sửa.",
  ...(await directiveEditor(db(), user, input.directiveId)),
}));

/** "Thêm nhiệm vụ": the registry of the notice's province, for those who may edit the notice. */
export const loadNoticeRegistryAction = action<typeof ZLoadNoticeRegistry, { registry: EditRegistry }>(
  { name: "notice.registry", input: ZLoadNoticeRegistry, readOnly: true },
  async (input, { user }) => ({
    ok: true,
    message: "Đã tải danh mục cơ quan.",
    registry: await noticeEditRegistry(db(), user, input.noticeId),
  }),
);

export const updateDirectiveAction = action<typeof ZUpdateDirective, Edited, Stale>(
  { name: "directive.update", input: ZUpdateDirective },
  async (input, { user }) => directiveDone(await updateDirective(db(), user, input), "Đã lưu thay đổi của nhiệm vụ."),
);

export const addDirectiveAgenciesAction = action<typeof ZAddDirectiveAgencies, Edited, Stale>(
  { name: "assignment.create", input: ZAddDirectiveAgencies },
  async (input, { user }) => {
    const r = await addDirectiveAgencies(db(), user, input);
    return directiveDone(r, `Đã giao thêm ${r.assignmentIds.length} cơ quan.`);
  },
);

export const removeDirectiveAgencyAction = action<typeof ZRemoveDirectiveAgency, Edited, Stale>(
  { name: "assignment.delete", input: ZRemoveDirectiveAgency },
  async (input, { user }) => {
    const r = await removeDirectiveAgency(db(), user, input);
    return directiveDone(r, `Đã bỏ ${r.assignmentIds.length} cơ quan khỏi nhiệm vụ.`);
  },
);

export const changeAssignmentRoleAction = action<typeof ZChangeAssignmentRole, Edited, Stale>(
  { name: "assignment.role", input: ZChangeAssignmentRole },
  async (input, { user }) => directiveDone(await changeAssignmentRole(db(), user, input), "Đã đổi vai trò."),
);

export const addDirectiveAction = action<typeof ZAddDirective, Edited, Stale>(
  { name: "directive.create", input: ZAddDirective },
  async (input, { user }) => {
    const r = await addDirective(db(), user, input);
    refresh(r);
    return {
      ok: true,
      message: "Đã thêm nhiệm vụ.",
      notice: r.notice,
      ...(r.directive ? { directive: r.directive } : {}),
    };
  },
);

export const removeDirectiveAction = action<typeof ZRemoveDirective, Edited, Stale>(
  { name: "directive.delete", input: ZRemoveDirective },
  async (input, { user }) => {
    const r = await removeDirective(db(), user, input);
    refresh(r);
    return { ok: true, message: "Đã xóa nhiệm vụ.", notice: r.notice };
  },
);

export const publishNoticeAction = action<typeof ZPublishNotice, Edited, Stale>(
  { name: "notice.publish", input: ZPublishNotice },
  async (input, { user }) => {
    const r = await publishNotice(db(), user, input);
    refresh(r);
    return {
      ok: true,
      message: "Đã ban hành thông báo; các cơ quan đã thấy nhiệm vụ trên bảng việc của mình.",
      notice: r.notice,
    };
  },
);

/** Deletes a draft entered by mistake (the page then goes back to the list of notices). */
export const deleteDraftNoticeAction = action<typeof ZDeleteNotice, { noticeId: number }, Stale>(
  { name: "notice.delete", input: ZDeleteNotice, permission: "notice.edit" },
  async (input, { user }) => {
    const r = await deleteDraftNotice(db(), user, input);
    revalidatePath("/thong-bao");
    revalidatePath(`/thong-bao/${r.noticeId}`);
    for (const id of new Set(r.agencyIds)) revalidatePath(`/co-quan/${id}`);
    return { ok: true, message: "Đã xóa bản nháp thông báo.", noticeId: r.noticeId };
  },
);
