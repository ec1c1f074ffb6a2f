"use client";

export function PrintButton({ label = "In báo cáo" }: { label?: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md bg-brand-800 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-900"
    >
      {label}
    </button>
  );
}
