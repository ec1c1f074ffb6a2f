"use client";

export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md bg-brand-800 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-900"
    >
      In báo cáo
    </button>
  );
}
