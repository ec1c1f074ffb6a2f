import { useId } from "react";

// A form field: its label (with a required mark), the control, a hint, and the error region
// beside it, announced to screen readers (aria-live) and tied to the control
// (aria-describedby), as in Next Learn's create-form. The control is given by the caller, which
// receives the ids and state to put on it: <Field label="Lý do">{(f) => <Input {...f} />}</Field>.

/** What a field's control carries: spread it on an Input, Textarea or Select. */
export interface FieldControl {
  id: string;
  invalid: boolean;
  "aria-describedby": string;
  "aria-required": true | undefined;
}

export type FieldSize = "compact" | "regular";

const LABEL_CLASSES: Record<FieldSize, string> = {
  compact: "mb-1 block text-xs font-medium text-slate-600",
  regular: "mb-1 block text-sm font-medium text-slate-700",
};

/** The mark after a required field's label; the control says it with aria-required. */
export function RequiredMark() {
  return (
    <span aria-hidden="true" className="text-red-700">
      {" "}
      *
    </span>
  );
}

/** A field's error message, in a live region that is always there (so a new message is announced). */
export function FieldError({ id, error, className = "" }: { id?: string; error?: string; className?: string }) {
  return (
    <p id={id} aria-live="polite" className={`mt-0.5 text-xs text-red-700 ${className}`.trim()}>
      {error}
    </p>
  );
}

export function Field({
  label,
  hint,
  error,
  required = false,
  size = "compact",
  className,
  children,
}: {
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  size?: FieldSize;
  className?: string;
  children: (control: FieldControl) => React.ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-h`;
  const errorId = `${id}-e`;
  return (
    <div className={className}>
      <label htmlFor={id} className={LABEL_CLASSES[size]}>
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      {children({
        id,
        invalid: Boolean(error),
        "aria-describedby": hint ? `${hintId} ${errorId}` : errorId,
        "aria-required": required || undefined,
      })}
      {hint ? (
        <p id={hintId} className="mt-0.5 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} error={error} />
    </div>
  );
}

/** A group of choices (radio buttons) with its legend and its error region. */
export function ChoiceGroup({
  legend,
  error,
  size = "compact",
  children,
}: {
  legend: string;
  error?: string;
  size?: FieldSize;
  children: React.ReactNode;
}) {
  const errorId = `${useId()}-e`;
  return (
    <fieldset aria-describedby={errorId}>
      <legend className={LABEL_CLASSES[size]}>{legend}</legend>
      {children}
      <FieldError id={errorId} error={error} />
    </fieldset>
  );
}
