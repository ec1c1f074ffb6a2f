"use client";

import { useId, useMemo, useState } from "react";
import { matchEntries, type PickerEntry } from "@/lib/agencies/match";
import { Input } from "@/components/ui/input";

// A text box that proposes the registry's agencies and groups as one types, found without
// diacritics or case (lib/agencies/match.ts); a browser's own <datalist> matches letter for letter,
// so "lao dong" found nothing. A name not in the list may still be typed: it is a new agency.

export function AgencyPicker({
  entries,
  value,
  onChange,
  label,
  placeholder,
  className = "",
}: {
  entries: readonly PickerEntry[];
  value: string;
  onChange: (v: string) => void;
  label: string;
  placeholder?: string;
  className?: string;
}) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const found = useMemo(() => (value.trim() ? matchEntries(value, entries, 12) : []), [value, entries]);
  const shown = open && found.length > 0 && !(found.length === 1 && found[0]!.name === value);
  const choose = (e: PickerEntry) => {
    onChange(e.name);
    setOpen(false);
    setActive(-1);
  };

  return (
    <div className={`relative ${className}`}>
      <Input
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        value={value}
        placeholder={placeholder}
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            setOpen(true);
            const n = found.length;
            if (n) setActive((a) => (e.key === "ArrowDown" ? (a + 1) % n : a <= 0 ? n - 1 : a - 1));
          } else if (e.key === "Enter" && shown && active >= 0 && found[active]) {
            e.preventDefault();
            choose(found[active]);
          } else if (e.key === "Escape" && shown) {
            e.preventDefault();
            setOpen(false);
          }
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Cơ quan, nhóm gợi ý"
        hidden={!shown}
        className="absolute z-20 mt-1 max-h-64 w-full min-w-72 overflow-auto rounded-md border border-slate-300 bg-white py-1 text-sm shadow-lg"
      >
        {shown
          ? found.map((e, i) => (
              <li
                key={`${e.kind}-${e.name}`}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={`cursor-pointer px-2.5 py-1 ${i === active ? "bg-brand-50 text-brand-900" : "hover:bg-slate-50"}`}
                // Chosen before the box loses focus (which closes the list).
                onMouseDown={(ev) => {
                  ev.preventDefault();
                  choose(e);
                }}
              >
                <span className="font-medium">{e.name}</span>
                {e.hint ? <span className="ml-2 text-xs text-slate-500">{e.hint}</span> : null}
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}
