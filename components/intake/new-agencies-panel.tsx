"use client";

import { useState } from "react";
import { Input } from "@/components/ui/input";

/** Agencies the registry does not know: accept each as new, or rename it (to an existing one). */
export function NewAgenciesPanel({
  names,
  accepted,
  agencyNames,
  onAccept,
  onRename,
}: {
  names: string[];
  accepted: string[];
  agencyNames: string[];
  onAccept: (name: string, yes: boolean) => void;
  onRename: (from: string, to: string) => void;
}) {
  if (names.length === 0) return null;
  return (
    <section className="rounded-xl border border-amber-300 bg-amber-50 p-4" aria-labelledby="co-quan-moi">
      <h2 id="co-quan-moi" className="font-semibold text-amber-900">
        Cơ quan chưa có trong danh mục ({names.length})
      </h2>
      <p className="mt-1 text-sm text-amber-900">
        Chấp nhận để thêm vào danh mục của tỉnh khi lưu, hoặc sửa tên cho đúng cơ quan đã có.
      </p>
      <ul className="mt-3 grid gap-2">
        {names.map((n) => (
          <NewAgencyRow
            key={n}
            name={n}
            accepted={accepted.includes(n)}
            agencyNames={agencyNames}
            onAccept={onAccept}
            onRename={onRename}
          />
        ))}
      </ul>
    </section>
  );
}

function NewAgencyRow({
  name,
  accepted,
  agencyNames,
  onAccept,
  onRename,
}: {
  name: string;
  accepted: boolean;
  agencyNames: string[];
  onAccept: (n: string, y: boolean) => void;
  onRename: (f: string, t: string) => void;
}) {
  const [draft, setDraft] = useState(name);
  const listId = `ten-${name.replace(/\W+/g, "-")}`;
  return (
    <li className="flex flex-wrap items-center gap-2 text-sm">
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          className="size-4"
          checked={accepted}
          onChange={(e) => onAccept(name, e.target.checked)}
        />
        Thêm mới
      </label>
      <Input
        list={listId}
        aria-label={`Tên cơ quan ${name}`}
        className="max-w-sm"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
      />
      <datalist id={listId}>
        {agencyNames.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <button
        type="button"
        className="rounded-md border border-amber-400 bg-white px-2 py-1 text-xs font-medium"
        disabled={!draft.trim() || draft === name}
        onClick={() => onRename(name, draft)}
      >
        Đổi tên
      </button>
    </li>
  );
}
