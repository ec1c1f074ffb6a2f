"use client";

import { useId } from "react";

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500";

/** A labelled field with its error beside it, announced to screen readers. */
export function Field({
  label,
  error,
  children,
  className = "",
}: {
  label: string;
  error?: string;
  children: (id: string, invalid: boolean) => React.ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
      </label>
      {children(id, Boolean(error))}
      <p aria-live="polite" className="mt-0.5 min-h-0 text-xs text-red-700">
        {error}
      </p>
    </div>
  );
}
