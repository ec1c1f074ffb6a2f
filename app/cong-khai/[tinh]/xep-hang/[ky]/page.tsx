import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { publicPage } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { publicRanking } from "@/lib/ranking/publication";
import { formulaText } from "@/lib/ranking/score";
import { formatDay, vietnamDay } from "@/lib/time/calendar";
import { RankingTable } from "@/components/ranking/ranking-table";
import { PrintButton } from "@/components/overview/print-button";

export const metadata: Metadata = { title: "Kết quả thực hiện nhiệm vụ (công khai)" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/**
 * A province's published results for one period, readable without signing in, at a stable
 * address: /cong-khai/<province code>/xep-hang/<period key>. Only a period published and made
 * public exists here; anything else is the 404 page, so nothing unpublished can be read or guessed.
 */
export default publicPage(async ({ params }) => {
  const found = await publicRanking(db(), first(params.tinh), first(params.ky));
  if (!found) notFound();
  const { province, ranking: r } = found;
  return (
    <div className="min-h-dvh bg-slate-50">
      <header className="bg-brand-900 text-white">
        <div className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-3">
          <div aria-hidden className="grid size-9 shrink-0 place-items-center rounded-lg bg-red-600 text-sm font-bold">
            BCĐ
          </div>
          <p className="text-sm leading-tight">
            <span className="block font-semibold">Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh {province}</span>
            <span className="text-brand-100">Công khai kết quả thực hiện nhiệm vụ</span>
          </p>
        </div>
      </header>
      <main id="noi-dung" className="mx-auto max-w-6xl px-4 py-6">
        <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-xl font-semibold text-slate-900">
              Kết quả thực hiện nhiệm vụ – {r.period.label} – tỉnh {province}
            </h1>
            <p className="text-sm text-slate-600">
              Từ {formatDay(r.period.start)} đến {formatDay(r.period.end)}; số liệu chốt đến ngày {formatDay(r.asOf)},
              công bố ngày {formatDay(vietnamDay(r.published!.publishedAt))}. So sánh với {r.previous.label}.
            </p>
          </div>
          <div className="no-print">
            <PrintButton label="In" />
          </div>
        </div>
        <RankingTable rows={r.rows} periodKey={r.period.key} linkAgencies={false} />
        <p className="mt-3 text-xs text-slate-600">{formulaText(r.formula)}</p>
      </main>
    </div>
  );
});
