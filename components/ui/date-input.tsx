"use client";

import { useState } from "react";
import { formatDay, parseTypedDay } from "@/lib/time/calendar";

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const shown = (value: string | null) => (value ? (ISO.test(value) ? formatDay(value) : value) : "");

/**
 * A day typed as dd/mm/yyyy whatever the browser's language (a native date input follows the
 * browser's locale). Reports "YYYY-MM-DD", null when emptied, or, while what is typed is not a
 * real day, the typed text itself: the form's validation then refuses it with a message instead
 * of silently keeping an older date.
 */
export function DateInput({
  id,
  value,
  onChange,
  invalid,
  className,
  testId,
  "aria-describedby": describedBy,
  "aria-required": required,
}: {
  id?: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  invalid?: boolean;
  className?: string;
  testId?: string;
  /** From the enclosing Field: its hint and error region. */
  "aria-describedby"?: string;
  "aria-required"?: true;
}) {
  const [typed, setTyped] = useState(shown(value));
  const [shownFor, setShownFor] = useState(value);
  // A new value from outside (another edit) replaces what is shown.
  if (value !== shownFor) {
    setShownFor(value);
    setTyped(shown(value));
  }
  const bad = typed.trim() !== "" && parseTypedDay(typed) === null;
  return (
    <>
      <input
        id={id}
        inputMode="numeric"
        placeholder="dd/mm/yyyy"
        autoComplete="off"
        aria-invalid={invalid || bad}
        aria-describedby={[describedBy, bad && id ? `${id}-loi` : undefined].filter(Boolean).join(" ") || undefined}
        aria-required={required}
        className={className}
        data-testid={testId}
        value={typed}
        onChange={(e) => {
          const text = e.target.value;
          setTyped(text);
          const next = text.trim() === "" ? null : (parseTypedDay(text) ?? text.trim());
          setShownFor(next);
          onChange(next);
        }}
      />
      {bad ? (
        <span id={id ? `${id}-loi` : undefined} className="text-xs text-red-700">
          Ngày không hợp lệ, nhập theo dạng dd/mm/yyyy.
        </span>
      ) : null}
    </>
  );
}
