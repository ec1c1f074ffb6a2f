"use client";

import { useEffect, useRef } from "react";
import type { JobReviewPage } from "@/lib/intake/jobs";

/**
 * A recognised page beside its text: the page image with a box on each word the recogniser was
 * unsure of (orange; the one chosen in the text, red), and the pages to switch between.
 */
export function ScanPanel({
  jobId,
  pages,
  page,
  onPage,
  chosen,
}: {
  jobId: number;
  pages: JobReviewPage[];
  page: number;
  onPage: (page: number) => void;
  /** The doubtful word chosen in the text: its page and index there. */
  chosen: { page: number; word: number } | null;
}) {
  const current = pages.find((p) => p.page === page) ?? pages[0];
  const chosenBox = useRef<HTMLSpanElement | null>(null);
  useEffect(() => {
    chosenBox.current?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [chosen]);
  if (!current) return null;
  const low = current.words.map((w, i) => ({ w, i })).filter(({ w }) => w.low);
  return (
    <div className="flex h-full flex-col gap-2" data-testid="scan-panel">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {pages.length > 1 ? (
          <nav aria-label="Trang quét" className="flex flex-wrap gap-1">
            {pages.map((p) => (
              <button
                key={p.page}
                type="button"
                aria-current={p.page === current.page ? "page" : undefined}
                className={`rounded-md border px-2 py-0.5 ${p.page === current.page ? "border-brand-700 bg-brand-50 font-semibold text-brand-900" : "border-slate-300 bg-white text-slate-700"}`}
                onClick={() => onPage(p.page)}
              >
                Trang {p.page}
              </button>
            ))}
          </nav>
        ) : null}
        <span className="text-slate-600">
          Độ tin cậy {Math.round(current.meanConfidence)}% · {low.length} chỗ khoanh cam (chữ đọc chưa chắc)
        </span>
      </div>
      <div className="min-h-0 flex-1 overflow-auto rounded-xl border border-slate-200 bg-slate-100 p-2">
        {current.hasImage ? (
          <div className="relative mx-auto w-full max-w-[900px]">
            {/* eslint-disable-next-line @next/next/no-img-element -- a private, per-job image */}
            <img
              src={`/api/nhap-thong-bao/${jobId}/trang/${current.page}`}
              alt={`Ảnh trang ${current.page} của bản quét`}
              className="block h-auto w-full bg-white shadow"
            />
            {low.map(({ w, i }) => {
              const isChosen = chosen?.page === current.page && chosen.word === i;
              return (
                <span
                  key={i}
                  ref={isChosen ? chosenBox : undefined}
                  title={`“${w.text}” · độ tin cậy ${Math.round(w.confidence)}%`}
                  data-testid="doubt-box"
                  className={`absolute rounded-sm border-2 ${isChosen ? "border-red-600 bg-red-500/20" : "border-orange-400 bg-orange-300/15"}`}
                  style={{
                    left: `${(w.left / current.width) * 100}%`,
                    top: `${(w.top / current.height) * 100}%`,
                    width: `${(w.width / current.width) * 100}%`,
                    height: `${(w.height / current.height) * 100}%`,
                  }}
                />
              );
            })}
          </div>
        ) : (
          <p className="p-4 text-sm text-slate-600">Trang này không có ảnh để xem.</p>
        )}
      </div>
    </div>
  );
}
