"use client";

import { decideExtensionAction } from "@/lib/assignments/actions";
import { ActionForm, ChoiceField, DateField, TextField } from "@/components/ui/action-form";
import type { ButtonSize } from "@/components/ui/button";

/** What the decision action hands back when the decision was recorded. */
export type ExtensionDecided = Extract<Awaited<ReturnType<typeof decideExtensionAction>>, { ok: true }>;

/**
 * The decision on a pending extension request: approve (to the requested day, or to another with
 * a reason) or refuse with one. Used on the task's page and in the work queue alike; like every
 * ActionForm it keeps what was typed when the save is refused and shows each field's error beside it.
 */
export function ExtensionDecisionForm({
  extensionId,
  version,
  testId,
  size,
  onSuccess,
}: {
  extensionId: number;
  /** The task's version the decision is made on. */
  version: number;
  testId: string;
  size?: ButtonSize;
  onSuccess: (result: ExtensionDecided) => void;
}) {
  return (
    <ActionForm
      action={decideExtensionAction}
      hidden={{ extensionId, version }}
      submitLabel="Ghi quyết định"
      confirm="Ghi quyết định về đề nghị gia hạn?"
      size={size}
      testId={testId}
      onSuccess={onSuccess}
    >
      <ChoiceField
        name="decision"
        label="Quyết định"
        options={[
          { value: "approve", label: "Đồng ý gia hạn" },
          { value: "refuse", label: "Không đồng ý" },
        ]}
      />
      <DateField name="grantedDueOn" label="Gia hạn đến ngày khác (nếu không theo đề nghị)" />
      <TextField
        name="note"
        label="Ghi chú, lý do"
        hint="Bắt buộc khi không đồng ý hoặc khi gia hạn đến ngày khác ngày đề nghị."
      />
    </ActionForm>
  );
}
