"use client";

import { useId, useRef } from "react";
import { buttonClass } from "@/components/ui/button";

/** "1,2 MB", "340 KB". */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024)
    return `${(bytes / (1024 * 1024)).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("vi-VN")} KB`;
}

/**
 * The file field of the app's forms, in Vietnamese: a button "Chọn tệp…", the chosen file's name
 * and size, and "Bỏ chọn". The real input stays in the page (visually hidden but focusable), so
 * the keyboard and screen readers use it as they would the browser's own control; a file can
 * also be dropped on it.
 */
export function FilePicker({
  id,
  accept,
  file,
  onChange,
  disabled,
  describedBy,
}: {
  id?: string;
  accept: string;
  file: File | null;
  onChange: (file: File | null) => void;
  disabled?: boolean;
  describedBy?: string;
}) {
  const generated = useId();
  const inputId = id ?? generated;
  const input = useRef<HTMLInputElement>(null);
  return (
    <div
      className="mt-2 flex flex-wrap items-center gap-3 rounded-lg border border-dashed border-slate-300 bg-slate-50 px-3 py-3"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        if (disabled) return;
        const dropped = e.dataTransfer.files?.[0];
        if (dropped) onChange(dropped);
      }}
    >
      <input
        ref={input}
        id={inputId}
        type="file"
        accept={accept}
        disabled={disabled}
        aria-describedby={describedBy}
        className="peer sr-only"
        onChange={(e) => onChange(e.target.files?.[0] ?? null)}
      />
      <label
        htmlFor={inputId}
        className={buttonClass(
          "secondary",
          "regular",
          "cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600",
        )}
      >
        Chọn tệp…
      </label>
      {file ? (
        <>
          <span className="min-w-0 text-sm break-all text-slate-800" data-testid="chosen-file">
            {file.name} <span className="text-slate-500">({fileSize(file.size)})</span>
          </span>
          <button
            type="button"
            className="text-sm text-slate-600 underline hover:text-slate-900"
            disabled={disabled}
            onClick={() => {
              if (input.current) input.current.value = "";
              onChange(null);
            }}
          >
            Bỏ chọn
          </button>
        </>
      ) : (
        <span className="text-sm text-slate-500">Chưa chọn tệp nào · có thể kéo thả tệp vào đây</span>
      )}
    </div>
  );
}
