"use client";

import { useId, useState } from "react";
import { foldVi } from "@/lib/deadlines/fold";
import { useFieldError } from "@/components/ui/action-form";
import { FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** The agencies an agency-staff account works for: ticked in a list that a search narrows (without diacritics). */
export function AgencyPicker({
  name,
  agencies,
  defaultValues,
}: {
  name: string;
  agencies: { id: number; name: string }[];
  defaultValues: number[];
}) {
  const id = useId();
  const error = useFieldError(name);
  const [q, setQ] = useState("");
  const [chosen, setChosen] = useState<Set<number>>(new Set(defaultValues));
  const folded = foldVi(q.trim());
  return (
    <fieldset aria-describedby={`${id}-e`} className="grid gap-2">
      <legend className="mb-1 text-sm font-medium text-slate-700">
        Cơ quan, đơn vị{" "}
        <span aria-hidden="true" className="text-red-700">
          *
        </span>
        <span className="ml-2 font-normal text-slate-500">đã chọn {chosen.size}</span>
      </legend>
      <Input
        variant="regular"
        type="search"
        placeholder="Tìm cơ quan (gõ không dấu cũng được)"
        aria-label="Tìm cơ quan"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <div className="max-h-64 overflow-y-auto rounded-md border border-slate-200 bg-white p-2">
        {agencies.map((a) => {
          const hidden = folded && !foldVi(a.name).includes(folded) && !chosen.has(a.id);
          return (
            <label key={a.id} className={`flex items-start gap-2 py-1 text-sm ${hidden ? "hidden" : ""}`}>
              <input
                type="checkbox"
                name={name}
                value={a.id}
                checked={chosen.has(a.id)}
                onChange={(e) =>
                  setChosen((s) => {
                    const next = new Set(s);
                    if (e.target.checked) next.add(a.id);
                    else next.delete(a.id);
                    return next;
                  })
                }
                className="mt-0.5 size-4 shrink-0"
              />
              <span>{a.name}</span>
            </label>
          );
        })}
      </div>
      <FieldError id={`${id}-e`} error={error} />
    </fieldset>
  );
}
