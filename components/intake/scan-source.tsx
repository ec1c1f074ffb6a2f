"use client";

import { useMemo, useState } from "react";
import type { Highlight } from "@/lib/intake/review-model";
import { locateDoubts, type Doubt } from "@/lib/intake/scan-marks";
import type { Proposal } from "@/lib/intake/service";
import type { ScanReview } from "@/components/intake/intake-input";
import { ScanPanel } from "@/components/intake/scan-panel";
import { SourceLegend, SourcePanel } from "@/components/intake/source-panel";

/**
 * The review screen's source column for a scan: the recognised text (doubtful words underlined)
 * and the page image (their boxes marked), side by side on a wide screen, one at a time on a
 * narrow one. Choosing a doubtful word in the text shows it on its page.
 */
export function ScanSource({
  proposal,
  scan,
  highlights,
}: {
  proposal: Proposal;
  scan: ScanReview;
  highlights: Highlight[];
}) {
  const doubts = useMemo(() => locateDoubts(proposal.sourceText, scan.pages), [proposal.sourceText, scan.pages]);
  const [view, setView] = useState<"text" | "image">("text");
  const [page, setPage] = useState(scan.pages[0]?.page ?? 1);
  const [chosen, setChosen] = useState<Doubt | null>(null);
  const ocr = scan.source.ocr;
  const tab = (v: "text" | "image", label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={view === v}
      className={`rounded-md px-3 py-1 text-sm font-medium 2xl:hidden ${view === v ? "bg-brand-800 text-white" : "bg-slate-100 text-slate-700"}`}
      onClick={() => setView(v)}
    >
      {label}
    </button>
  );
  return (
    <div className="flex h-full flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold">Văn bản nhận dạng từ bản quét</h2>
        <div role="tablist" aria-label="Xem" className="flex gap-1">
          {tab("text", "Văn bản")}
          {tab("image", `Ảnh quét (${scan.pages.length} trang)`)}
        </div>
      </div>
      {ocr ? (
        <p className="text-xs text-slate-600" data-testid="ocr-summary">
          {ocr.pages} trang · độ tin cậy trung bình {Math.round(ocr.meanConfidence)}% ·{" "}
          <span className="font-medium text-orange-800">{doubts.length} từ cần kiểm tra</span> (gạch chân cam; bấm để
          xem trên ảnh)
        </p>
      ) : null}
      <SourceLegend />
      <div className="grid h-[28rem] min-h-0 gap-3 lg:h-[calc(100%-6rem)] 2xl:grid-cols-2">
        <div className={`min-h-0 ${view === "text" ? "" : "hidden"} 2xl:block`}>
          <SourcePanel
            text={proposal.sourceText}
            highlights={highlights}
            doubts={doubts}
            onDoubt={(d) => {
              setChosen(d);
              setPage(d.page);
              setView("image");
            }}
          />
        </div>
        <div className={`min-h-0 ${view === "image" ? "" : "hidden"} 2xl:block`}>
          <ScanPanel
            jobId={scan.jobId}
            pages={scan.pages}
            page={page}
            onPage={setPage}
            chosen={chosen ? { page: chosen.page, word: chosen.word } : null}
          />
        </div>
      </div>
    </div>
  );
}
