"use client";

import { useState } from "react";
import { formatDay } from "@/lib/time/format";
import { parseTypedDay } from "@/lib/time/parse-day";

/**
 * A day typed as dd/mm/yyyy whatever the browser's language (a native date input follows the
 * browser's locale). Reports "YYYY-MM-DD", or null when emptied; keeps what was typed while it
 * is not yet a real day, and says so.
 */
export function DateInput({ id, value, onChange, invalid, className, testId }: {
  id?: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  invalid?: boolean;
  className?: string;
  testId?: string;
}) {
  const [typed, setTyped] = useState(value ? formatDay(value) : "");
  const [shownFor, setShownFor] = useState(value);
  // A new value from outside (another edit) replaces what is shown.
  if (value !== shownFor) {
    setShownFor(value);
    setTyped(value ? formatDay(value) : "");
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
        aria-describedby={bad && id ? `${id}-loi` : undefined}
        className={className}
        data-testid={testId}
        value={typed}
        onChange={(e) => {
          const text = e.target.value;
          setTyped(text);
          const iso = text.trim() === "" ? null : parseTypedDay(text);
          if (text.trim() === "" || iso) {
            setShownFor(iso);
            onChange(iso);
          }
        }}
      />
      {bad ? <span id={id ? `${id}-loi` : undefined} className="text-xs text-red-700">Ngày không hợp lệ, nhập theo dạng dd/mm/yyyy.</span> : null}
    </>
  );
}
