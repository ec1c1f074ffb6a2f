"use client";

import { useState } from "react";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/api/actions";
import { ActionForm, CheckboxesField, DateField, SelectField, TextField } from "@/components/ui/action-form";

/** Creates a token and shows its secret once, with a way to copy it. */
export function CreateApiTokenForm({
  scopes,
  agencies,
}: {
  scopes: { value: string; label: string }[];
  agencies: { value: string; label: string }[];
}) {
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <div className="grid gap-4">
      <ActionForm
        action={createApiTokenAction}
        submitLabel="Tạo mã truy cập"
        testId="api-token-form"
        onSuccess={(r) => setSecret(r.secret)}
      >
        <TextField name="name" label="Tên (hệ thống sẽ dùng mã)" required />
        <SelectField name="scope" label="Quyền" options={scopes} defaultValue="read" required />
        <DateField name="expiresOn" label="Hết hạn sau ngày (để trống: không hết hạn)" />
        {agencies.length > 0 ? (
          <details className="rounded-lg border border-slate-200 px-3 py-2">
            <summary className="cursor-pointer text-sm font-medium">
              Giới hạn theo cơ quan (không chọn: mã đọc được cả tỉnh)
            </summary>
            <div className="mt-2">
              <CheckboxesField name="agencyIds" label="Chỉ đọc các cơ quan" options={agencies} />
            </div>
          </details>
        ) : null}
      </ActionForm>
      {secret ? (
        <div role="status" className="rounded-xl bg-amber-50 p-4 ring-1 ring-amber-200" data-testid="api-token-secret">
          <p className="text-sm font-medium text-amber-950">
            Mã truy cập mới (chỉ hiện một lần; ứng dụng chỉ lưu bản băm của mã):
          </p>
          <code className="mt-2 block font-mono text-sm break-all select-all">{secret}</code>
          <button
            type="button"
            className="mt-2 text-sm text-brand-800 underline"
            onClick={() => void navigator.clipboard?.writeText(secret)}
          >
            Sao chép
          </button>
        </div>
      ) : null}
    </div>
  );
}

export function RevokeApiTokenForm({ tokenId, name }: { tokenId: number; name: string }) {
  return (
    <ActionForm
      action={revokeApiTokenAction}
      hidden={{ tokenId }}
      submitLabel="Thu hồi"
      tone="danger"
      size="small"
      confirm={`Thu hồi mã "${name}"?`}
      testId={`revoke-token-${tokenId}`}
    />
  );
}
