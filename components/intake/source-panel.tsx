"use client";

import { useEffect, useMemo, useRef } from "react";
import type { Highlight } from "@/lib/intake/review-model";

const STYLES: Record<Highlight["kind"], string> = {
  directive: "bg-amber-100",
  agency: "bg-sky-200 underline decoration-sky-700 decoration-2",
  deadline: "bg-rose-200 underline decoration-rose-700 decoration-2",
};

/** The notice as written, with the passage behind the selected directive highlighted. */
export function SourcePanel({ text, highlights }: { text: string; highlights: Highlight[] }) {
  const activeRef = useRef<HTMLElement | null>(null);

  const pieces = useMemo(() => {
    const cuts = new Set<number>([0, text.length]);
    for (const h of highlights) {
      cuts.add(Math.max(0, Math.min(text.length, h.start)));
      cuts.add(Math.max(0, Math.min(text.length, h.end)));
    }
    const sorted = [...cuts].sort((a, b) => a - b);
    const out: { start: number; end: number; kinds: Highlight["kind"][] }[] = [];
    for (let i = 0; i < sorted.length - 1; i++) {
      const start = sorted[i]!;
      const end = sorted[i + 1]!;
      out.push({ start, end, kinds: highlights.filter((h) => h.start <= start && h.end >= end).map((h) => h.kind) });
    }
    return out;
  }, [text, highlights]);

  useEffect(() => {
    activeRef.current?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [highlights]);

  let first = true;
  return (
    <div
      className="h-full overflow-auto rounded-xl border border-slate-200 bg-white p-4 text-sm leading-relaxed whitespace-pre-wrap text-slate-800"
      data-testid="source-panel"
      tabIndex={0}
      aria-label="Văn bản gốc"
    >
      {pieces.map((p) => {
        const chunk = text.slice(p.start, p.end);
        if (p.kinds.length === 0) return chunk;
        const kind = p.kinds.includes("deadline") ? "deadline" : p.kinds.includes("agency") ? "agency" : "directive";
        const isFirst = first;
        first = false;
        return (
          <mark
            key={p.start}
            ref={isFirst ? activeRef : undefined}
            className={`rounded-sm text-inherit ${STYLES[kind]}`}
            data-kind={kind}
          >
            {chunk}
          </mark>
        );
      })}
    </div>
  );
}

export function SourceLegend() {
  return (
    <p className="flex flex-wrap gap-3 text-xs text-slate-600">
      <span>
        <mark className="rounded-sm bg-amber-100 px-1">đoạn của nhiệm vụ</mark>
      </span>
      <span>
        <mark className="rounded-sm bg-sky-200 px-1">cơ quan</mark>
      </span>
      <span>
        <mark className="rounded-sm bg-rose-200 px-1">thời hạn</mark>
      </span>
    </p>
  );
}
