"use client";

import { callAction } from "@/lib/validation/call-action";

import { useRouter } from "next/navigation";
import { createContext, useContext, useState, useTransition } from "react";
import type { AssignmentActionResult as ActionResult } from "@/lib/assignments/action-result";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { ChoiceGroup, Field } from "@/components/ui/field";
import { controlClass, Input, Textarea } from "@/components/ui/input";
import { StatusMessage } from "@/components/ui/status-message";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult>;

const ErrorsContext = createContext<Record<string, string[]>>({});

/**
 * A workflow form: sends its fields to a server action, keeps what was typed when the action
 * refuses, shows the message (and a stale assignment's current state), and refreshes the page
 * with a fresh, empty form when the action succeeds.
 */
export function ActionForm({
  action,
  hidden,
  submitLabel,
  tone = "primary",
  children,
  testId,
}: {
  action: Action;
  hidden: Record<string, string | number>;
  submitLabel: string;
  tone?: ButtonVariant;
  children?: React.ReactNode;
  testId?: string;
}) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult | null>(null);
  const [generation, setGeneration] = useState(0);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    // A file input left empty still submits a nameless, empty file; send nothing instead.
    for (const [key, value] of [...formData.entries()]) {
      if (value instanceof File && value.size === 0 && value.name === "") formData.delete(key);
    }
    startTransition(async () => {
      const r = await callAction(() => action(null, formData));
      setResult(r);
      if (r.ok) {
        setGeneration((g) => g + 1);
        router.refresh();
      }
    });
  }

  return (
    <ErrorsContext.Provider value={result && !result.ok ? (result.fieldErrors ?? {}) : {}}>
      <form key={generation} onSubmit={onSubmit} className="grid gap-3" noValidate data-testid={testId}>
        {Object.entries(hidden).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        {children}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant={tone} pending={pending} pendingLabel="Đang gửi…">
            {submitLabel}
          </Button>
          <StatusMessage tone={result ? (result.ok ? "ok" : "error") : null} testId="action-message">
            {result?.message}
          </StatusMessage>
        </div>
        {result && !result.ok && result.current ? (
          <button
            type="button"
            className="justify-self-start text-sm text-brand-800 underline"
            onClick={() => {
              setResult(null);
              router.refresh();
            }}
          >
            Xem trạng thái mới nhất
          </button>
        ) : null}
      </form>
    </ErrorsContext.Provider>
  );
}

function useFieldError(name: string): string | undefined {
  return useContext(ErrorsContext)[name]?.[0];
}

// The workflow's fields: each reads its error from the action's answer (by its name) and shows it
// beside itself, through the shared Field (components/ui/field.tsx).

export function TextField({
  name,
  label,
  multiline = false,
  required = false,
  hint,
}: {
  name: string;
  label: string;
  multiline?: boolean;
  required?: boolean;
  hint?: string;
}) {
  return (
    <Field label={label} hint={hint} error={useFieldError(name)} required={required} size="regular">
      {(f) =>
        multiline ? (
          <Textarea {...f} name={name} rows={3} variant="regular" />
        ) : (
          <Input {...f} name={name} variant="regular" />
        )
      }
    </Field>
  );
}

export function DateField({
  name,
  label,
  required = false,
  initial = null,
}: {
  name: string;
  label: string;
  required?: boolean;
  initial?: string | null;
}) {
  const [iso, setIso] = useState<string | null>(initial);
  return (
    <Field label={label} error={useFieldError(name)} required={required} size="regular">
      {(f) => (
        <>
          <DateInput {...f} value={iso} onChange={setIso} className={controlClass("regular")} />
          <input type="hidden" name={name} value={iso ?? ""} />
        </>
      )}
    </Field>
  );
}

export function FileField({
  name,
  label,
  accept,
  hint,
}: {
  name: string;
  label: string;
  accept: string;
  hint: string;
}) {
  return (
    <Field label={label} hint={hint} error={useFieldError(name)} size="regular">
      {({ invalid, ...f }) => (
        <input {...f} name={name} type="file" accept={accept} aria-invalid={invalid} className="block text-sm" />
      )}
    </Field>
  );
}

export function ChoiceField({
  name,
  label,
  options,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
}) {
  return (
    <ChoiceGroup legend={label} error={useFieldError(name)} size="regular">
      <div className="flex flex-wrap gap-4">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm">
            <input type="radio" name={name} value={o.value} className="size-4" /> {o.label}
          </label>
        ))}
      </div>
    </ChoiceGroup>
  );
}
