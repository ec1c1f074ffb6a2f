"use client";

import {
  DEADLINE_KINDS,
  lacksDueDay,
  PHRASE_OPTIONAL_KINDS,
  RECURRENCES,
  UNDATED_DEADLINE_MESSAGE,
  type Deadline,
} from "@/lib/notices/draft";
import { DEADLINE_KIND_LABELS, RECURRENCE_LABELS } from "@/lib/notices/labels";
import { DateInput } from "@/components/ui/date-input";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { controlClass, Input, Select } from "@/components/ui/input";

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
  requireDate = false,
}: {
  value: Deadline | null;
  errors: Record<string, string>;
  prefix: string;
  onChange: (d: Deadline | null) => void;
  /** The intake: a dated kind without its day is refused on confirmation, so say so at once. */
  requireDate?: boolean;
}) {
  const d = value ?? { ...EMPTY, kind: "none" as const };
  const set = (patch: Partial<Deadline>) => {
    const next = { ...d, ...patch };
    // "Không có thời hạn" keeps the notice's words when it had some, and is nothing otherwise.
    onChange(next.kind === "none" && !next.phrase.trim() ? null : next);
  };
  const undated = requireDate && lacksDueDay(value);
  const dueError = errors[`${prefix}.dueOn`] ?? (undated ? UNDATED_DEADLINE_MESSAGE : undefined);
  const phraseOptional = PHRASE_OPTIONAL_KINDS.includes(d.kind);
  return (
    <div className="grid gap-x-3 sm:grid-cols-4">
      <Field label="Loại thời hạn" className="sm:col-span-2">
        {(f) => (
          <Select
            {...f}
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
          </Select>
        )}
      </Field>
      <Field label="Hạn hoàn thành" error={dueError} className="sm:col-span-2">
        {(f) => (
          <DateInput
            {...f}
            className={controlClass()}
            value={d.dueOn}
            testId="deadline-due"
            onChange={(dueOn) => set({ dueOn, dueAt: null })}
          />
        )}
      </Field>
      {undated ? (
        <div className="flex flex-wrap items-center gap-2 text-sm sm:col-span-4" data-testid="deadline-undated">
          <span className="text-slate-700">Hoặc chọn:</span>
          <Button size="small" variant="secondary" onClick={() => set({ kind: "ongoing", dueOn: null, dueAt: null })}>
            Thường xuyên
          </Button>
          <Button size="small" variant="secondary" onClick={() => set({ kind: "none", dueOn: null, dueAt: null })}>
            Không có thời hạn
          </Button>
        </div>
      ) : null}
      <Field
        label={phraseOptional ? "Nguyên văn trong thông báo (nếu có)" : "Nguyên văn trong thông báo"}
        error={errors[`${prefix}.phrase`]}
        className="sm:col-span-4"
      >
        {(f) => <Input {...f} value={d.phrase} onChange={(e) => set({ phrase: e.target.value })} />}
      </Field>
      {d.kind === "start" || d.startOn ? (
        <Field label="Bắt đầu từ" error={errors[`${prefix}.startOn`]} className="sm:col-span-2">
          {(f) => (
            <DateInput {...f} className={controlClass()} value={d.startOn} onChange={(startOn) => set({ startOn })} />
          )}
        </Field>
      ) : null}
      {d.kind === "recurring" ? (
        <Field label="Chu kỳ báo cáo" className="sm:col-span-2">
          {(f) => (
            <Select
              {...f}
              value={d.recurrence ?? ""}
              onChange={(e) => set({ recurrence: (e.target.value || null) as Deadline["recurrence"] })}
            >
              <option value="">—</option>
              {RECURRENCES.map((r) => (
                <option key={r} value={r}>
                  {RECURRENCE_LABELS[r]}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      {d.kind === "milestone" ? (
        <Field label="Chỉ tiêu" className="sm:col-span-2">
          {(f) => <Input {...f} value={d.target ?? ""} onChange={(e) => set({ target: e.target.value || null })} />}
        </Field>
      ) : null}
    </div>
  );
}
