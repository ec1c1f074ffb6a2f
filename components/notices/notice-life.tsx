import Link from "next/link";
import type { NoticeLife } from "@/lib/notices/life";
import { formatDateTime } from "@/lib/time/calendar";
import { sizeLabel } from "@/lib/attachments/size-label";

/** The notice's full original text (folded) and its own history, oldest first. */
export function NoticeLifeSection({
  life,
  sourceFile,
}: {
  life: NoticeLife;
  sourceFile: { id: number; fileName: string; size: number } | null;
}) {
  return (
    <>
      {life.citations.length > 0 ? (
        <section aria-labelledby="trich-dan" className="mt-8">
          <h2 id="trich-dan" className="mb-3 text-lg font-semibold">
            Văn bản được trích dẫn ({life.citations.length})
          </h2>
          <ul className="grid gap-1 text-sm" data-testid="notice-citations">
            {life.citations.map((c, i) => (
              <li key={i} className="text-slate-800">
                {c.notice ? (
                  <Link href={`/thong-bao/${c.notice.id}`} className="text-blue-700 underline hover:text-blue-900">
                    {c.text}
                  </Link>
                ) : (
                  <>
                    {c.text} <span className="text-slate-500">(chưa có trong hệ thống)</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="van-ban-goc" className="mt-8">
        <details className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <summary id="van-ban-goc" className="cursor-pointer px-4 py-3 text-lg font-semibold">
            Toàn văn thông báo
          </summary>
          {sourceFile ? (
            <p className="px-4 pb-2 text-sm">
              Tệp gốc:{" "}
              <a
                href={`/api/tep/${sourceFile.id}`}
                className="font-medium break-all text-brand-800 underline"
                data-testid="notice-source-file"
              >
                {sourceFile.fileName}
              </a>{" "}
              <span className="text-slate-500">({sizeLabel(sourceFile.size)})</span>
            </p>
          ) : null}
          <pre
            data-testid="notice-source-text"
            className="max-h-[36rem] overflow-auto px-4 pb-4 font-sans text-sm break-words whitespace-pre-wrap text-slate-800"
          >
            {life.sourceText}
          </pre>
        </details>
      </section>
      <section aria-labelledby="lich-su-thong-bao" className="mt-8">
        <h2 id="lich-su-thong-bao" className="mb-3 text-lg font-semibold">
          Lịch sử thông báo ({life.history.length})
        </h2>
        {life.history.length === 0 ? (
          <p className="text-sm text-slate-600">Chưa có ghi nhận nào.</p>
        ) : (
          <ol className="grid gap-1 text-sm" data-testid="notice-history">
            {life.history.map((e) => (
              <li key={e.id} className="flex flex-wrap items-baseline gap-x-2 text-slate-700">
                <time dateTime={e.at} className="tabular-nums">
                  {formatDateTime(new Date(e.at))}
                </time>
                <span>·</span>
                <span className="font-medium text-slate-800">{e.actorName ?? "Hệ thống"}</span>
                <span>·</span>
                <span className="text-slate-900">{e.label}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
