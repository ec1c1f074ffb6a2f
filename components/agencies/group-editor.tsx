"use client";

import {
  addGroupMemberAction,
  createGroupAction,
  deleteGroupAction,
  removeGroupMemberAction,
  updateGroupAction,
} from "@/lib/agencies/actions";
import { ActionForm, SelectField, TextField } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { AgencyPicker } from "@/components/users/agency-picker";

export interface GroupEditorValues {
  id: number;
  name: string;
  aliases: string[];
  version: number;
  members: { id: number; name: string; shortName: string; active: boolean }[];
}

type Choice = { id: number; name: string };

/** One group, edited in place: its name and other names, its members added and removed one by one. */
export function GroupEditor({ group, choices }: { group: GroupEditorValues; choices: Choice[] }) {
  const target = { groupId: group.id, version: group.version };
  const members = new Set(group.members.map((m) => m.id));
  const addable = choices.filter((c) => !members.has(c.id));
  return (
    <section
      aria-labelledby={`group-${group.id}`}
      className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
      data-testid="group"
    >
      <h2 id={`group-${group.id}`} className="mb-3 font-semibold">
        {group.name} <span className="font-normal text-slate-500">· {group.members.length} thành viên</span>
      </h2>
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="grid content-start gap-4">
          <ActionForm action={updateGroupAction} hidden={target} submitLabel="Lưu tên nhóm" tone="secondary">
            <TextField name="name" label="Tên nhóm" required defaultValue={group.name} />
            <TextField
              name="aliases"
              label="Tên gọi khác (mỗi dòng một tên)"
              multiline
              rows={Math.min(8, Math.max(3, group.aliases.length + 1))}
              defaultValue={group.aliases.join("\n")}
              hint="Cách văn bản gọi nhóm: UBND các huyện, thị xã, thành phố; các địa phương"
            />
          </ActionForm>
          <ActionForm action={addGroupMemberAction} hidden={target} submitLabel="Thêm vào nhóm" tone="secondary">
            <SelectField
              name="agencyId"
              label="Thêm thành viên"
              options={[
                { value: "", label: "— Chọn cơ quan —" },
                ...addable.map((c) => ({ value: String(c.id), label: c.name })),
              ]}
              defaultValue=""
            />
          </ActionForm>
        </div>
        <div>
          <h3 className="mb-2 text-sm font-medium text-slate-700">Thành viên</h3>
          {group.members.length === 0 ? (
            <p className="text-sm text-slate-500">Nhóm chưa có thành viên.</p>
          ) : (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200">
              {group.members.map((m) => (
                <li
                  key={m.id}
                  className="flex items-center justify-between gap-2 px-3 py-1.5 text-sm"
                  data-testid="member"
                >
                  <span className="min-w-0">
                    {m.name}{" "}
                    {m.active ? null : (
                      <Badge tone="neutral" title="Không được tính khi đọc văn bản">
                        Ngừng hoạt động
                      </Badge>
                    )}
                  </span>
                  <ActionForm
                    action={removeGroupMemberAction}
                    hidden={{ ...target, agencyId: m.id }}
                    submitLabel={`Bỏ ${m.shortName}`}
                    tone="secondary"
                    size="small"
                    testId={`remove-member-${m.id}`}
                  />
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <details className="mt-4 text-sm">
        <summary className="cursor-pointer text-slate-600">Xóa nhóm</summary>
        <div className="mt-2">
          <ActionForm action={deleteGroupAction} hidden={target} submitLabel="Xóa nhóm này" tone="danger" size="small">
            <p className="text-slate-600">Chỉ xóa được nhóm chưa từng được dùng để giao nhiệm vụ.</p>
          </ActionForm>
        </div>
      </details>
    </section>
  );
}

export function CreateGroupForm({ choices }: { choices: Choice[] }) {
  return (
    <ActionForm action={createGroupAction} submitLabel="Tạo nhóm" testId="create-group">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="name" label="Tên nhóm" required hint="Ví dụ: UBND các huyện, thành phố" />
        <TextField name="aliases" label="Tên gọi khác (mỗi dòng một tên)" multiline />
      </div>
      <AgencyPicker name="memberIds" agencies={choices} defaultValues={[]} />
    </ActionForm>
  );
}
