"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useId, useState, useTransition } from "react";
import type { AssignmentActionResult as ActionResult } from "@/lib/assignments/action-result";
import { DateInput } from "@/components/ui/date-input";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult>;

const ErrorsContext = createContext<Record<string, string[]>>({});

export const fieldClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500";

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
  tone?: "primary" | "secondary" | "danger";
  children?: React.ReactNode;
  testId?: string;
}) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult | null>(null);
  const [generation, setGeneration] = useState(0);
  const [pending, startTransition] = useTransition();
  const buttonTone =
    tone === "primary"
      ? "bg-brand-800 text-white hover:bg-brand-900"
      : tone === "danger"
        ? "bg-red-700 text-white hover:bg-red-800"
        : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50";

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    // A file input left empty still submits a nameless, empty file; send nothing instead.
    for (const [key, value] of [...formData.entries()]) {
      if (value instanceof File && value.size === 0 && value.name === "") formData.delete(key);
    }
    startTransition(async () => {
      const r = await action(null, formData);
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
          <button
            type="submit"
            disabled={pending}
            className={`rounded-lg px-4 py-2 text-sm font-semibold shadow-sm disabled:opacity-60 ${buttonTone}`}
          >
            {pending ? "Đang gửi…" : submitLabel}
          </button>
          <p
            role="status"
            aria-live="polite"
            className={`text-sm ${result?.ok ? "text-emerald-700" : "text-red-700"}`}
            data-testid="action-message"
          >
            {result?.message}
          </p>
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
  const id = useId();
  const error = useFieldError(name);
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
        {required ? <span className="text-red-700"> *</span> : null}
      </label>
      {multiline ? (
        <textarea
          id={id}
          name={name}
          rows={3}
          aria-invalid={Boolean(error)}
          aria-describedby={`${id}-e`}
          className={fieldClass}
        />
      ) : (
        <input id={id} name={name} aria-invalid={Boolean(error)} aria-describedby={`${id}-e`} className={fieldClass} />
      )}
      {hint ? <p className="mt-0.5 text-xs text-slate-500">{hint}</p> : null}
      <p id={`${id}-e`} aria-live="polite" className="text-xs text-red-700">
        {error}
      </p>
    </div>
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
  const id = useId();
  const error = useFieldError(name);
  const [iso, setIso] = useState<string | null>(initial);
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
        {required ? <span className="text-red-700"> *</span> : null}
      </label>
      <DateInput id={id} value={iso} onChange={setIso} invalid={Boolean(error)} className={fieldClass} />
      <input type="hidden" name={name} value={iso ?? ""} />
      <p aria-live="polite" className="text-xs text-red-700">
        {error}
      </p>
    </div>
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
  const id = useId();
  const error = useFieldError(name);
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input id={id} name={name} type="file" accept={accept} aria-invalid={Boolean(error)} className="block text-sm" />
      <p className="mt-0.5 text-xs text-slate-500">{hint}</p>
      <p aria-live="polite" className="text-xs text-red-700">
        {error}
      </p>
    </div>
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
  const error = useFieldError(name);
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-slate-700">{label}</legend>
      <div className="flex flex-wrap gap-4">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm">
            <input type="radio" name={name} value={o.value} className="size-4" /> {o.label}
          </label>
        ))}
      </div>
      <p aria-live="polite" className="text-xs text-red-700">
        {error}
      </p>
    </fieldset>
  );
}
