"use client";

import { useEffect, useMemo, useRef } from "react";
import type { Highlight } from "@/lib/intake/review-model";
import type { Doubt } from "@/lib/intake/scan-marks";

const STYLES: Record<Highlight["kind"], string> = {
  directive: "bg-amber-100",
  agency: "bg-sky-200 underline decoration-sky-700 decoration-2",
  deadline: "bg-rose-200 underline decoration-rose-700 decoration-2",
};

/**
 * The notice as written, with the passage behind the selected directive highlighted. For a scan,
 * the words the recogniser was unsure of are underlined in orange; choosing one shows it on the
 * page image (onDoubt).
 */
export function SourcePanel({
  text,
  highlights,
  doubts = [],
  onDoubt,
}: {
  text: string;
  highlights: Highlight[];
  doubts?: Doubt[];
  onDoubt?: (d: Doubt) => void;
}) {
  const activeRef = useRef<HTMLElement | null>(null);

  const pieces = useMemo(() => {
    const cuts = new Set<number>([0, text.length]);
    for (const h of [...highlights, ...doubts]) {
      cuts.add(Math.max(0, Math.min(text.length, h.start)));
      cuts.add(Math.max(0, Math.min(text.length, h.end)));
    }
    const sorted = [...cuts].sort((a, b) => a - b);
    const out: { start: number; end: number; kinds: Highlight["kind"][]; doubt: Doubt | null }[] = [];
    for (let i = 0; i < sorted.length - 1; i++) {
      const start = sorted[i]!;
      const end = sorted[i + 1]!;
      out.push({
        start,
        end,
        kinds: highlights.filter((h) => h.start <= start && h.end >= end).map((h) => h.kind),
        doubt: doubts.find((d) => d.start <= start && d.end >= end) ?? null,
      });
    }
    return out;
  }, [text, highlights, doubts]);

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
        const raw = text.slice(p.start, p.end);
        const chunk = p.doubt ? (
          <button
            key={`d${p.start}`}
            type="button"
            data-testid="doubt-word"
            title={`Chữ nhận dạng chưa chắc chắn (độ tin cậy ${Math.round(p.doubt.confidence)}%): xem trên ảnh`}
            className="inline cursor-pointer rounded-sm bg-orange-50 text-inherit underline decoration-orange-500 decoration-dotted decoration-2 underline-offset-2"
            onClick={() => onDoubt?.(p.doubt!)}
          >
            {raw}
          </button>
        ) : (
          raw
        );
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
