"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/validation/result";

/** "Đánh dấu tất cả đã đọc": the server decides which digests are the user's own. */
export function MarkReadForm({ action }: { action: (prev: unknown, formData: FormData) => Promise<ActionResult> }) {
  const [result, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 disabled:opacity-60"
      >
        Đánh dấu tất cả đã đọc
      </button>
      <p
        role="status"
        aria-live="polite"
        className={`text-sm ${result?.ok === false ? "text-red-700" : "text-emerald-700"}`}
      >
        {result?.message}
      </p>
    </form>
  );
}
