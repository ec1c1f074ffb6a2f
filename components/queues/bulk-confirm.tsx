"use client";

import { decideManyAction } from "@/lib/queues/actions";
import type { QueueSection } from "@/lib/queues/queues";
import { ActionForm, ChoiceField, TextField, useFieldError } from "@/components/ui/action-form";
import { QueueHeading, QueueItem, QUEUE_TITLES } from "@/components/queues/queue-list";

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
  return (
    <section aria-labelledby={`q-${section.kind}`} data-testid={`queue-${section.kind}`}>
      <QueueHeading section={section} />
      {section.items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-4 text-sm text-slate-600">
          {QUEUE_TITLES[section.kind].empty}
        </p>
      ) : (
        <ActionForm
          action={decideManyAction}
          submitLabel="Thực hiện với các kết quả đã chọn"
          confirm="Thực hiện với các kết quả đã chọn?"
          testId="bulk-form"
        >
          <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm">
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
    </section>
  );
}
