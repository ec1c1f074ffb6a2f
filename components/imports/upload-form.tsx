"use client";

import { useRouter } from "next/navigation";
import { uploadAgencyListAction, uploadUserListAction } from "@/lib/imports/actions";
import type { ImportKind } from "@/lib/imports/plan";
import { ActionForm, FileField } from "@/components/ui/action-form";

const ACTIONS = { agencies: uploadAgencyListAction, users: uploadUserListAction };

/** Uploads a list; the page then shows its preview (`?lan=` the upload's id). Nothing is stored yet. */
export function UploadListForm({ kind, path, again }: { kind: ImportKind; path: string; again: boolean }) {
  const router = useRouter();
  return (
    <ActionForm
      action={ACTIONS[kind]}
      submitLabel={again ? "Tải lên và xem trước lại" : "Tải lên và xem trước"}
      tone={again ? "secondary" : "primary"}
      testId="import-upload"
      onSuccess={(r) => router.push(`${path}?lan=${r.batchId}`)}
    >
      <FileField
        name="file"
        label={again ? "Tệp đã sửa" : "Tệp danh sách"}
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        hint="Excel (.xlsx) hoặc CSV (UTF-8, phân tách bằng dấu phẩy hoặc chấm phẩy), tối đa 5 MB và 2.000 dòng."
      />
    </ActionForm>
  );
}
