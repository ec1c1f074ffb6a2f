"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useRef, useState, useTransition } from "react";
import { callAction } from "@/lib/validation/call-action";
import type { ActionResult } from "@/lib/validation/result";
import { Button, type ButtonSize, type ButtonVariant } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { ChoiceGroup, Field } from "@/components/ui/field";
import { controlClass, Input, Select, Textarea } from "@/components/ui/input";
import { StatusMessage } from "@/components/ui/status-message";

type Result = ActionResult<object, { current: unknown }>;
type Action<R extends Result> = (prev: unknown, formData: FormData) => Promise<R>;

const ErrorsContext = createContext<Record<string, string[]>>({});

/**
 * A form behind a server action (formAction in lib/auth/gate.ts): sends its fields, keeps what was
 * typed when the action refuses (each field shows its own message), shows the form's message (and,
 * when someone changed the record first, a way to see its current state), and when the action
 * succeeds refreshes the page with a fresh, empty form, or hands the result to `onSuccess`.
 * After an answer, focus and scroll go to the message that says what happened. With `confirm`,
 * the first press asks ("Xác nhận trả lại?") and only the second sends.
 */
export function ActionForm<R extends Result>({
  action,
  hidden = {},
  submitLabel,
  tone = "primary",
  size = "regular",
  children,
  testId,
  onSuccess,
  after,
  confirm,
}: {
  action: Action<R>;
  hidden?: Record<string, string | number>;
  submitLabel: string;
  tone?: ButtonVariant;
  size?: ButtonSize;
  children?: React.ReactNode;
  testId?: string;
  /** Instead of refreshing the page with an empty form. */
  onSuccess?: (result: Extract<R, { ok: true }>) => void;
  /** Shown under the form after an answer (a temporary password, a summary). */
  after?: (result: R) => React.ReactNode;
  /** Asks before sending: the question shown, with "Đồng ý" and "Huỷ". */
  confirm?: string;
}) {
  const router = useRouter();
  const [result, setResult] = useState<R | null>(null);
  const [asking, setAsking] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!result) return;
    messageRef.current?.focus({ preventScroll: true });
    messageRef.current?.scrollIntoView?.({ block: "nearest", behavior: "smooth" });
  }, [result]);
  const [generation, setGeneration] = useState(0);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirm && !asking) {
      setAsking(true);
      return;
    }
    setAsking(false);
    const formData = new FormData(event.currentTarget);
    // A file input left empty still submits a nameless, empty file; send nothing instead.
    for (const [key, value] of [...formData.entries()]) {
      if (value instanceof File && value.size === 0 && value.name === "") formData.delete(key);
    }
    startTransition(async () => {
      const r = await callAction(() => action(null, formData));
      setResult(r);
      if (r.ok && onSuccess) onSuccess(r as Extract<R, { ok: true }>);
      else if (r.ok) {
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
          {asking ? (
            <div
              role="group"
              aria-label="Xác nhận thao tác"
              className="flex flex-wrap items-center gap-2 rounded-lg bg-amber-50 px-3 py-2 ring-1 ring-amber-200"
            >
              <span className="text-sm font-medium text-amber-950">{confirm}</span>
              <Button type="submit" variant={tone} size={size} pending={pending} pendingLabel="Đang gửi…" autoFocus>
                Đồng ý
              </Button>
              <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
                Huỷ
              </Button>
            </div>
          ) : (
            <Button type="submit" variant={tone} size={size} pending={pending} pendingLabel="Đang gửi…">
              {submitLabel}
            </Button>
          )}
          <div ref={messageRef} tabIndex={-1} className="outline-none">
            <StatusMessage tone={result ? (result.ok ? "ok" : "error") : null} testId="action-message">
              {result?.message}
            </StatusMessage>
          </div>
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
        {result && after ? after(result) : null}
      </form>
    </ErrorsContext.Provider>
  );
}

/** The action's message for the field named `name`, for fields made outside this file. */
export function useFieldError(name: string): string | undefined {
  return useContext(ErrorsContext)[name]?.[0];
}

// The fields of such a form: each reads its error from the action's answer (by its name) and
// shows it beside itself, through the shared Field (components/ui/field.tsx).

export function TextField({
  name,
  label,
  multiline = false,
  required = false,
  hint,
  defaultValue,
  type = "text",
  autoComplete,
  rows = 3,
}: {
  name: string;
  label: string;
  multiline?: boolean;
  /** Lines a multiline field shows. */
  rows?: number;
  required?: boolean;
  hint?: string;
  defaultValue?: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
}) {
  return (
    <Field label={label} hint={hint} error={useFieldError(name)} required={required} size="regular">
      {(f) =>
        multiline ? (
          <Textarea {...f} name={name} rows={rows} variant="regular" defaultValue={defaultValue} />
        ) : (
          <Input
            {...f}
            name={name}
            variant="regular"
            type={type}
            defaultValue={defaultValue}
            autoComplete={autoComplete}
          />
        )
      }
    </Field>
  );
}

export function SelectField({
  name,
  label,
  options,
  defaultValue,
  required = false,
  onChange,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  required?: boolean;
  onChange?: (value: string) => void;
}) {
  return (
    <Field label={label} error={useFieldError(name)} required={required} size="regular">
      {(f) => (
        <Select
          {...f}
          name={name}
          variant="regular"
          defaultValue={defaultValue}
          onChange={(e) => onChange?.(e.target.value)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

/** Several choices that may all be ticked (agencies of an account, kinds of e-mail). */
export function CheckboxesField({
  name,
  label,
  options,
  defaultValues = [],
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValues?: string[];
}) {
  return (
    <ChoiceGroup legend={label} error={useFieldError(name)} size="regular">
      <div className="grid gap-1.5 sm:grid-cols-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              defaultChecked={defaultValues.includes(o.value)}
              className="mt-0.5 size-4 shrink-0"
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </ChoiceGroup>
  );
}

export function CheckboxField({
  name,
  label,
  defaultChecked,
}: {
  name: string;
  label: string;
  defaultChecked?: boolean;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} className="size-4" /> {label}
    </label>
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
