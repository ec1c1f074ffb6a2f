"use client";

import { useState } from "react";
import { confirmAgencyListAction, confirmUserListAction } from "@/lib/imports/actions";
import type { ImportResult } from "@/lib/imports/batches";
import type { ImportKind } from "@/lib/imports/plan";
import { ActionForm } from "@/components/ui/action-form";
import { NewPasswords } from "@/components/imports/new-passwords";

const ACTIONS = { agencies: confirmAgencyListAction, users: confirmUserListAction };

/**
 * Confirms a preview: everything is stored in one transaction, or nothing. The result (and the
 * temporary passwords of new accounts) stays here, in the page's memory only, until the page is left.
 */
export function ConfirmImport({
  kind,
  batchId,
  fingerprint,
  toStore,
  errors,
  confirmedAt,
  expired,
}: {
  kind: ImportKind;
  batchId: number;
  fingerprint: string;
  toStore: number;
  errors: number;
  confirmedAt: string | null;
  expired: boolean;
}) {
  const [result, setResult] = useState<(ImportResult & { message: string }) | null>(null);
  if (result)
    return (
      <div className="grid gap-3" data-testid="import-result">
        <p role="status" className="text-sm font-medium text-emerald-800">
          {result.message}
        </p>
        {result.passwords.length > 0 ? <NewPasswords passwords={result.passwords} /> : null}
      </div>
    );
  if (confirmedAt)
    return (
      <p role="status" className="text-sm text-slate-700" data-testid="import-done">
        Tệp này đã được nhập lúc {confirmedAt}. Tải lên tệp khác để nhập tiếp.
      </p>
    );
  if (expired)
    return (
      <p role="alert" className="text-sm font-medium text-red-700" data-testid="import-expired">
        Bản xem trước này đã quá một ngày; hãy tải tệp lên lại để xem trước theo dữ liệu hiện nay.
      </p>
    );
  if (errors > 0)
    return (
      <p role="alert" className="text-sm font-medium text-red-700" data-testid="import-blocked">
        Còn {errors} dòng có lỗi (ghi bên cạnh từng dòng). Hãy sửa tệp rồi tải lên lại; chưa có gì được lưu.
      </p>
    );
  if (toStore === 0)
    return (
      <p role="status" className="text-sm text-slate-700" data-testid="import-nothing">
        Mọi dòng đều khớp với dữ liệu hiện có; không có gì để nhập.
      </p>
    );
  return (
    <ActionForm
      action={ACTIONS[kind]}
      hidden={{ batchId, fingerprint }}
      submitLabel={`Xác nhận nhập ${toStore} dòng`}
      testId="import-confirm"
      onSuccess={(r) => setResult(r)}
    >
      <p className="text-sm text-slate-700">
        Mọi dòng được lưu cùng một lúc, hoặc không dòng nào nếu có lỗi. Dòng không đổi được bỏ qua.
      </p>
    </ActionForm>
  );
}
