import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

// The look of every text box, text area and drop-down of a form: "compact" in the dense editors
// (intake, notice editing, filters), "regular" where a form is the page's main task (workflow).
// A control marked aria-invalid gets a red border, so an error is not told by colour alone: its
// message is in the field's error region (components/ui/field.tsx).

export type ControlVariant = "compact" | "regular";

const CONTROL_BASE =
  "block w-full rounded-md border border-slate-300 bg-white text-sm shadow-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none aria-[invalid=true]:border-red-500";

export const CONTROL_CLASSES: Record<ControlVariant, string> = {
  compact: `${CONTROL_BASE} px-2.5 py-1.5`,
  regular: `${CONTROL_BASE} px-3 py-2`,
};

/** A small inline drop-down (an agency's role in a list). */
export const INLINE_SELECT_CLASS = "rounded-md border border-slate-300 bg-white px-1.5 py-1 text-xs";

export function controlClass(variant: ControlVariant = "compact", extra = ""): string {
  return extra ? `${CONTROL_CLASSES[variant]} ${extra}` : CONTROL_CLASSES[variant];
}

interface ControlProps {
  variant?: ControlVariant;
  /** Sets aria-invalid (and with it the red border). */
  invalid?: boolean;
}

export function Input({
  variant,
  invalid,
  className,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & ControlProps & { ref?: React.Ref<HTMLInputElement> }) {
  return <input aria-invalid={invalid} className={controlClass(variant, className)} {...props} />;
}

export function Textarea({
  variant,
  invalid,
  className,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & ControlProps & { ref?: React.Ref<HTMLTextAreaElement> }) {
  return <textarea aria-invalid={invalid} className={controlClass(variant, className)} {...props} />;
}

export function Select({
  variant,
  invalid,
  className,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & ControlProps & { ref?: React.Ref<HTMLSelectElement> }) {
  return <select aria-invalid={invalid} className={controlClass(variant, className)} {...props} />;
}
