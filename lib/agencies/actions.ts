"use server";

import { revalidatePath } from "next/cache";
import { createAgency, deleteAgency, updateAgency, type AgencyView } from "@/lib/agencies/admin";
import { addGroupMember, createGroup, deleteGroup, removeGroupMember, updateGroup } from "@/lib/agencies/groups";
import {
  ZAgencyTarget,
  ZCreateAgency,
  ZCreateGroup,
  ZGroupMember,
  ZGroupTarget,
  ZMergeAgency,
  ZUpdateAgency,
  ZUpdateGroup,
} from "@/lib/agencies/schemas";
import { mergeAgency } from "@/lib/agencies/succession";
import { formAction } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";

// Server actions of the registry pages (/quan-tri/co-quan), each through the gate with
// "agency.manage"; the services check it again on the stored agency's or group's province.

const LIST = "/quan-tri/co-quan";
const GROUPS = "/quan-tri/co-quan/nhom";

export const createAgencyAction = formAction<typeof ZCreateAgency, { agency: AgencyView }>(
  { name: "agency.create", input: ZCreateAgency, permission: "agency.manage" },
  async (input, { user }) => {
    const agency = await createAgency(db(), user, input);
    revalidatePath(LIST);
    return { ok: true, message: `Đã thêm ${agency.name}.`, agency };
  },
);

export const updateAgencyAction = formAction<typeof ZUpdateAgency, { agency: AgencyView }>(
  { name: "agency.update", input: ZUpdateAgency, permission: "agency.manage" },
  async (input, { user }) => {
    const agency = await updateAgency(db(), user, input);
    revalidatePath(`${LIST}/${agency.id}`);
    revalidatePath(LIST);
    const message = agency.active
      ? "Đã lưu cơ quan."
      : "Đã lưu; cơ quan ngừng hoạt động và không còn hiện trong các danh sách chọn cơ quan.";
    return { ok: true, message, agency };
  },
);

export const deleteAgencyAction = formAction<typeof ZAgencyTarget, { name: string }>(
  { name: "agency.delete", input: ZAgencyTarget, permission: "agency.manage" },
  async (input, { user }) => {
    const r = await deleteAgency(db(), user, input);
    revalidatePath(LIST);
    return { ok: true, message: `Đã xóa ${r.name} khỏi danh mục.`, name: r.name };
  },
);

export const mergeAgencyAction = formAction<typeof ZMergeAgency, { successorId: number; moved: number }>(
  { name: "agency.merge", input: ZMergeAgency, permission: "agency.manage" },
  async (input, { user }) => {
    const r = await mergeAgency(db(), user, input);
    revalidatePath(LIST);
    revalidatePath(`${LIST}/${r.from.id}`);
    revalidatePath(`${LIST}/${r.to.id}`);
    revalidatePath(`/co-quan/${r.from.id}`);
    revalidatePath(`/co-quan/${r.to.id}`);
    const kept =
      r.keptDuplicates > 0 ? ` ${r.keptDuplicates} nhiệm vụ ${r.to.name} đã có trên cùng chỉ đạo nên giữ ở lại.` : "";
    const users = r.usersMoved > 0 ? ` ${r.usersMoved} tài khoản chuyển sang ${r.to.name}.` : "";
    return {
      ok: true,
      message: `Đã chuyển ${r.moved} nhiệm vụ đang thực hiện của ${r.from.name} sang ${r.to.name}.${kept}${users}`,
      successorId: r.to.id,
      moved: r.moved,
    };
  },
);

export const createGroupAction = formAction<typeof ZCreateGroup, { groupId: number }>(
  { name: "group.create", input: ZCreateGroup, permission: "agency.manage" },
  async (input, { user }) => {
    const group = await createGroup(db(), user, input);
    revalidatePath(GROUPS);
    return { ok: true, message: `Đã tạo nhóm ${group.name}.`, groupId: group.id };
  },
);

export const updateGroupAction = formAction<typeof ZUpdateGroup, object>(
  { name: "group.update", input: ZUpdateGroup, permission: "agency.manage" },
  async (input, { user }) => {
    const group = await updateGroup(db(), user, input);
    revalidatePath(GROUPS);
    return { ok: true, message: `Đã lưu nhóm ${group.name}.` };
  },
);

export const addGroupMemberAction = formAction<typeof ZGroupMember, object>(
  { name: "group.addMember", input: ZGroupMember, permission: "agency.manage" },
  async (input, { user }) => {
    const r = await addGroupMember(db(), user, input);
    revalidatePath(GROUPS);
    return { ok: true, message: `Đã thêm ${r.agency} vào nhóm.` };
  },
);

export const removeGroupMemberAction = formAction<typeof ZGroupMember, object>(
  { name: "group.removeMember", input: ZGroupMember, permission: "agency.manage" },
  async (input, { user }) => {
    const r = await removeGroupMember(db(), user, input);
    revalidatePath(GROUPS);
    return { ok: true, message: `Đã bỏ ${r.agency} khỏi nhóm.` };
  },
);

export const deleteGroupAction = formAction<typeof ZGroupTarget, object>(
  { name: "group.delete", input: ZGroupTarget, permission: "agency.manage" },
  async (input, { user }) => {
    const r = await deleteGroup(db(), user, input);
    revalidatePath(GROUPS);
    return { ok: true, message: `Đã xóa nhóm ${r.name}.` };
  },
);
