"use client";

import { useRouter } from "next/navigation";
import { undoDecisionAction } from "@/lib/assignments/actions";
import { ActionForm } from "@/components/ui/action-form";

/**
 * "Hoàn tác" for a few minutes after one's own confirmation, return or extension decision; the
 * server checks who, when, and that nothing changed since.
 */
export function UndoForm({ assignmentId, version, label }: { assignmentId: number; version: number; label: string }) {
  const router = useRouter();
  return (
    <div className="rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm" data-testid="undo">
      <p className="mb-2 text-slate-700">{label} Có thể hoàn tác trong 5 phút.</p>
      <ActionForm
        action={undoDecisionAction}
        hidden={{ assignmentId, version }}
        submitLabel="Hoàn tác"
        tone="secondary"
        size="small"
        // Keep the "Đã hoàn tác" message on screen while the page shows the task as it is again.
        onSuccess={() => router.refresh()}
        testId="undo-form"
      />
    </div>
  );
}
