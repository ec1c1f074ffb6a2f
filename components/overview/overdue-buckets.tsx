import Link from "next/link";
import { BUCKETS } from "@/lib/reports/list-query";
import { OVERDUE_BUCKET_LABELS, type OverdueBucket, type OverdueSummary } from "@/lib/reports/types";

/** "Tất cả · 1–7 ngày · 8–30 ngày …" with their counts, each a link; the current one marked. */
export function OverdueBuckets({
  summary,
  current,
  href,
}: {
  summary: OverdueSummary;
  current?: OverdueBucket;
  href: (bucket?: OverdueBucket) => string;
}) {
  const item = (label: string, count: number, bucket: OverdueBucket | undefined) => {
    const active = current === bucket;
    return (
      <li key={bucket ?? "all"}>
        <Link
          href={href(bucket)}
          aria-current={active ? "page" : undefined}
          data-testid={`bucket-${bucket ?? "all"}`}
          className={`flex min-w-28 flex-col rounded-lg border px-3 py-2 text-sm ${active ? "border-red-700 bg-red-50 ring-1 ring-red-700" : "border-slate-200 bg-white hover:border-slate-400"}`}
        >
          <span className="text-slate-600">{label}</span>
          <span className="text-xl font-semibold text-slate-900 tabular-nums">{count}</span>
        </Link>
      </li>
    );
  };
  return (
    <ul className="mb-4 flex flex-wrap gap-2" aria-label="Quá hạn theo số ngày">
      {item("Tất cả quá hạn", summary.total, undefined)}
      {BUCKETS.map((b) => item(OVERDUE_BUCKET_LABELS[b], summary.buckets[b], b))}
    </ul>
  );
}
