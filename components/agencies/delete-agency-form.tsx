"use client";

import { useRouter } from "next/navigation";
import { deleteAgencyAction } from "@/lib/agencies/actions";
import { ActionForm } from "@/components/ui/action-form";

/** Removes an agency entered by mistake; one that has tasks is refused with the reason. */
export function DeleteAgencyForm({ agencyId, version }: { agencyId: number; version: number }) {
  const router = useRouter();
  return (
    <ActionForm
      action={deleteAgencyAction}
      hidden={{ agencyId, version }}
      submitLabel="Xóa khỏi danh mục"
      tone="secondary"
      testId="delete-agency"
      onSuccess={() => router.push("/quan-tri/co-quan")}
    >
      <p className="text-sm text-slate-600">
        Chỉ xóa được cơ quan nhập nhầm, chưa từng được giao nhiệm vụ và không còn tài khoản nào gắn với nó.
      </p>
    </ActionForm>
  );
}
