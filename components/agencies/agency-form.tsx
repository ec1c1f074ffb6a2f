"use client";

import { useRouter } from "next/navigation";
import { createAgencyAction, updateAgencyAction } from "@/lib/agencies/actions";
import { AGENCY_KIND_LABELS } from "@/lib/agencies/labels";
import { AGENCY_KINDS, type AgencyKindName } from "@/lib/agencies/registry";
import { ActionForm, CheckboxField, SelectField, TextField } from "@/components/ui/action-form";

export interface AgencyFormValues {
  agencyId: number;
  version: number;
  name: string;
  shortName: string;
  kind: AgencyKindName;
  aliases: string[];
  email: string | null;
  active: boolean;
  ended: boolean;
}

const kindOptions = AGENCY_KINDS.map((k) => ({ value: k, label: AGENCY_KIND_LABELS[k] }));

function Fields({ values }: { values?: AgencyFormValues }) {
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          name="name"
          label="Tên đầy đủ"
          required
          defaultValue={values?.name}
          hint="Như văn bản thường viết: Sở Y tế, UBND huyện Bến Lức"
        />
        <TextField name="shortName" label="Tên viết tắt" required defaultValue={values?.shortName} hint="Ví dụ: SYT" />
        <SelectField
          name="kind"
          label="Loại"
          required
          options={kindOptions}
          defaultValue={values?.kind ?? "department"}
        />
        <TextField
          name="email"
          label="E-mail nhận nhắc việc"
          type="email"
          defaultValue={values?.email ?? ""}
          hint="Không bắt buộc."
        />
      </div>
      <TextField
        name="aliases"
        label="Tên gọi khác (mỗi dòng một tên)"
        multiline
        rows={Math.min(10, Math.max(3, (values?.aliases.length ?? 0) + 1))}
        defaultValue={values?.aliases.join("\n")}
        hint="Chữ viết tắt và cách gọi qua người đứng đầu: Sở YT, Giám đốc Sở Y tế. Dùng để nhận ra cơ quan trong văn bản."
      />
      {values && !values.ended ? (
        <CheckboxField
          name="active"
          label="Đang hoạt động (bỏ chọn để ngừng: cơ quan không còn hiện khi chọn cơ quan, lịch sử vẫn giữ)"
          defaultChecked={values.active}
        />
      ) : null}
    </>
  );
}

export function CreateAgencyForm() {
  const router = useRouter();
  return (
    <ActionForm
      action={createAgencyAction}
      submitLabel="Thêm cơ quan"
      testId="create-agency"
      onSuccess={(r) => router.push(`/quan-tri/co-quan/${r.agency.id}`)}
    >
      <Fields />
    </ActionForm>
  );
}

export function EditAgencyForm({ values }: { values: AgencyFormValues }) {
  const router = useRouter();
  return (
    <ActionForm
      action={updateAgencyAction}
      hidden={{ agencyId: values.agencyId, version: values.version }}
      submitLabel="Lưu thay đổi"
      testId="edit-agency"
      onSuccess={() => router.refresh()}
    >
      <Fields values={values} />
    </ActionForm>
  );
}
