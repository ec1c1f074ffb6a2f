"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { decideManyAction } from "@/lib/queues/actions";
import type { QueueSection } from "@/lib/queues/queues";
import { ActionForm, ChoiceField, TextField, useFieldError } from "@/components/ui/action-form";
import { QueueHeading, QueueItem, QueueMore, QUEUE_TITLES } from "@/components/queues/queue-list";
import { UndoForm } from "@/components/assignment/undo-form";
import { StatusMessage } from "@/components/ui/status-message";
import { EmptyState } from "@/components/ui/empty-state";

function ItemsError() {
  const error = useFieldError("items");
  return error ? (
    <p role="alert" className="text-sm text-red-700">
      {error}
    </p>
  ) : null;
}

/** Results waiting for the secretariat: tick several, then confirm them or return them with one reason. */
export function BulkConfirm({ section }: { section: QueueSection }) {
  const router = useRouter();
  // What was just decided here, with the labels it had, so each can be taken back for a few minutes.
  const [decided, setDecided] = useState<{ assignmentId: number; version: number; label: string }[]>([]);
  // The form goes once the last result is decided: its message then stays here.
  const [said, setSaid] = useState<string | null>(null);
  const labels = new Map(section.items.map((t) => [t.assignmentId, `${t.agency}, mục ${t.ref}`]));
  return (
    <section aria-labelledby={`q-${section.kind}`} data-testid={`queue-${section.kind}`}>
      <QueueHeading section={section} />
      {section.items.length === 0 ? (
        <>
          {said ? (
            <StatusMessage tone="ok" testId="bulk-message" className="mb-2">
              {said}
            </StatusMessage>
          ) : null}
          <EmptyState compact title={QUEUE_TITLES[section.kind].empty} />
        </>
      ) : (
        <ActionForm
          action={decideManyAction}
          submitLabel="Thực hiện với các kết quả đã chọn"
          confirm="Thực hiện với các kết quả đã chọn?"
          testId="bulk-form"
          onSuccess={(r) => {
            setSaid(r.message);
            setDecided(
              r.done.map((d) => ({ ...d, label: labels.get(d.assignmentId) ?? `Nhiệm vụ ${d.assignmentId}` })),
            );
            router.refresh();
          }}
        >
          <ul className="q-list">
            {section.items.map((t) => (
              <li key={t.assignmentId} className="flex gap-3 px-4 py-3" data-testid="queue-item">
                <input
                  type="checkbox"
                  name="items"
                  value={`${t.assignmentId}:${t.version}`}
                  aria-label={`Chọn kết quả của ${t.agency}, mục ${t.ref}`}
                  className="mt-1 size-5 shrink-0 accent-brand-800"
                />
                <QueueItem kind={section.kind} task={t} />
              </li>
            ))}
          </ul>
          <ItemsError />
          <div className="grid gap-3 rounded-xl border border-slate-200 bg-slate-50 p-3 sm:grid-cols-2">
            <ChoiceField
              name="decision"
              label="Với các kết quả đã chọn"
              options={[
                { value: "confirm", label: "Xác nhận hoàn thành" },
                { value: "return", label: "Trả lại, yêu cầu bổ sung" },
              ]}
            />
            <TextField name="reason" label="Lý do trả lại" multiline hint="Bắt buộc khi trả lại." />
          </div>
        </ActionForm>
      )}
      <QueueMore section={section} />
      {decided.length > 0 ? (
        <ul className="mt-3 grid gap-2" aria-label="Vừa xử lý">
          {decided.map((d) => (
            <li key={d.assignmentId}>
              <UndoForm assignmentId={d.assignmentId} version={d.version} label={`Đã xử lý kết quả của ${d.label}.`} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
