"use client";

import { useRouter } from "next/navigation";
import { mergeAgencyAction } from "@/lib/agencies/actions";
import { ActionForm, CheckboxField, SelectField } from "@/components/ui/action-form";

/** Agency A merged into, or succeeded by, B: A's open tasks move to B, A ends. */
export function MergeAgencyForm({
  agencyId,
  version,
  name,
  open,
  users,
  choices,
}: {
  agencyId: number;
  version: number;
  name: string;
  open: number;
  users: number;
  choices: { id: number; name: string }[];
}) {
  const router = useRouter();
  return (
    <ActionForm
      action={mergeAgencyAction}
      hidden={{ agencyId, version }}
      submitLabel="Sáp nhập, chuyển công việc"
      tone="danger"
      testId="merge-agency"
      onSuccess={() => router.refresh()}
    >
      <p className="text-sm text-slate-600">
        {open > 0 ? `${open} nhiệm vụ đang thực hiện` : "Các nhiệm vụ đang thực hiện"} của {name} chuyển sang cơ quan
        tiếp nhận, ghi vào lịch sử từng nhiệm vụ; nhiệm vụ đã hoàn thành vẫn thuộc {name}. {name} ngừng hoạt động, bảng
        việc của nó chỉ đến cơ quan tiếp nhận; cơ quan tiếp nhận thay chỗ trong các nhóm. Không thể hoàn tác.
      </p>
      <SelectField
        name="successorId"
        label="Cơ quan tiếp nhận (kế nhiệm)"
        required
        options={[
          { value: "", label: "— Chọn cơ quan —" },
          ...choices.map((c) => ({ value: String(c.id), label: c.name })),
        ]}
        defaultValue=""
      />
      {users > 0 ? (
        <CheckboxField
          name="moveUsers"
          label={`Chuyển cả ${users} tài khoản cán bộ sang cơ quan tiếp nhận`}
          defaultChecked
        />
      ) : null}
    </ActionForm>
  );
}
