"use client";

import { useId, useState } from "react";

/**
 * The filters of a list. On a phone the content comes first: the filters fold behind a button
 * saying how many are in use; from the small breakpoint up they are always shown.
 */
export function FilterPanel({ active = 0, children }: { active?: number; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="mb-4">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className="mb-2 inline-flex items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 shadow-sm sm:hidden"
        data-testid="filter-toggle"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="size-4 fill-current">
          <path d="M3 4h14l-5.5 6.5V16l-3 1.5v-7L3 4z" />
        </svg>
        {open ? "Ẩn bộ lọc" : "Bộ lọc"}
        {active > 0 ? <span className="rounded-full bg-brand-800 px-1.5 text-xs text-white">{active}</span> : null}
      </button>
      <div id={id} className={`${open ? "block" : "hidden"} sm:block`}>
        {children}
      </div>
    </div>
  );
}
