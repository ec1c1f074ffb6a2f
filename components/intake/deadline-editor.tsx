"use client";

import { DEADLINE_KINDS, RECURRENCES, type Deadline } from "@/lib/notices/draft";
import { DEADLINE_KIND_LABELS, RECURRENCE_LABELS } from "@/lib/notices/labels";
import { Field, inputClass } from "@/components/intake/field";
import { DateInput } from "@/components/ui/date-input";

const EMPTY: Deadline = {
  kind: "exact",
  dueOn: null,
  dueAt: null,
  phrase: "",
  startOn: null,
  recurrence: null,
  target: null,
};

export function DeadlineEditor({
  value,
  errors,
  prefix,
  onChange,
}: {
  value: Deadline | null;
  errors: Record<string, string>;
  prefix: string;
  onChange: (d: Deadline | null) => void;
}) {
  const d = value ?? { ...EMPTY, kind: "none" as const };
  const set = (patch: Partial<Deadline>) => {
    const next = { ...d, ...patch };
    onChange(next.kind === "none" ? null : next);
  };
  return (
    <div className="grid gap-x-3 sm:grid-cols-4">
      <Field label="Loại thời hạn" className="sm:col-span-2">
        {(id) => (
          <select
            id={id}
            className={inputClass}
            value={d.kind}
            onChange={(e) =>
              set({
                kind: e.target.value as Deadline["kind"],
                ...(e.target.value === "none" ? { dueOn: null, dueAt: null } : {}),
              })
            }
          >
            {DEADLINE_KINDS.map((k) => (
              <option key={k} value={k}>
                {DEADLINE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Hạn hoàn thành" error={errors[`${prefix}.dueOn`]} className="sm:col-span-2">
        {(id, invalid) => (
          <DateInput
            id={id}
            invalid={invalid}
            className={inputClass}
            value={d.dueOn}
            testId="deadline-due"
            onChange={(dueOn) => set({ dueOn, dueAt: null })}
          />
        )}
      </Field>
      <Field label="Nguyên văn trong thông báo" error={errors[`${prefix}.phrase`]} className="sm:col-span-4">
        {(id, invalid) => (
          <input
            id={id}
            aria-invalid={invalid}
            className={inputClass}
            value={d.phrase}
            onChange={(e) => set({ phrase: e.target.value })}
          />
        )}
      </Field>
      {d.kind === "start" || d.startOn ? (
        <Field label="Bắt đầu từ" error={errors[`${prefix}.startOn`]} className="sm:col-span-2">
          {(id, invalid) => (
            <DateInput
              id={id}
              invalid={invalid}
              className={inputClass}
              value={d.startOn}
              onChange={(startOn) => set({ startOn })}
            />
          )}
        </Field>
      ) : null}
      {d.kind === "recurring" ? (
        <Field label="Chu kỳ báo cáo" className="sm:col-span-2">
          {(id) => (
            <select
              id={id}
              className={inputClass}
              value={d.recurrence ?? ""}
              onChange={(e) => set({ recurrence: (e.target.value || null) as Deadline["recurrence"] })}
            >
              <option value="">—</option>
              {RECURRENCES.map((r) => (
                <option key={r} value={r}>
                  {RECURRENCE_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {d.kind === "milestone" ? (
        <Field label="Chỉ tiêu" className="sm:col-span-2">
          {(id) => (
            <input
              id={id}
              className={inputClass}
              value={d.target ?? ""}
              onChange={(e) => set({ target: e.target.value || null })}
            />
          )}
        </Field>
      ) : null}
    </div>
  );
}
