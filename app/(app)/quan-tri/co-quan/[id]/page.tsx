import type { Metadata } from "next";
import Link from "next/link";
import { getAgency } from "@/lib/agencies/admin";
import { agencyHistory } from "@/lib/agencies/history";
import { AGENCY_KIND_LABELS } from "@/lib/agencies/labels";
import { page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { formatDay, vietnamDay } from "@/lib/time/calendar";
import { agencyChoices } from "@/lib/users/agency-choices";
import { EditAgencyForm } from "@/components/agencies/agency-form";
import { AgencyStatusBadge } from "@/components/agencies/agency-status";
import { DeleteAgencyForm } from "@/components/agencies/delete-agency-form";
import { MergeAgencyForm } from "@/components/agencies/merge-form";
import { HistoryList } from "@/components/audit/history-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Cơ quan" };

const card = "rounded-2xl border border-slate-200 bg-white p-5 shadow-sm";

export default page({ ids: ["id"], permission: "agency.manage" }, async ({ user, params: { id } }) => {
  // Another province's agency answers as the 404 page (the gate).
  const agency = await getAgency(db(), user, id);
  const [choices, history] = await Promise.all([
    agency.status === "ended" ? [] : agencyChoices(db(), agency.provinceId),
    agencyHistory(db(), agency.id, agency.provinceId),
  ]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/quan-tri/co-quan" className="text-brand-800 underline">
          ← Cơ quan, nhóm
        </Link>
      </p>
      <PageHeader
        title={agency.name}
        subtitle={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span>{agency.shortName}</span>
            <span>{AGENCY_KIND_LABELS[agency.kind]}</span>
            <AgencyStatusBadge status={agency.status} />
            <span>
              {agency.open} nhiệm vụ đang thực hiện / {agency.assigned} được giao
            </span>
          </span>
        }
        actions={
          <Link href={`/co-quan/${agency.id}`} className="text-sm font-medium text-brand-800 underline">
            Bảng việc của cơ quan
          </Link>
        }
      />
      {agency.successor ? (
        <p
          role="status"
          className="mb-4 rounded-xl border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
          data-testid="succession"
        >
          Từ ngày {formatDay(vietnamDay(agency.endedAt!))}, công việc đang thực hiện đã chuyển sang{" "}
          <Link href={`/quan-tri/co-quan/${agency.successor.id}`} className="font-medium underline">
            {agency.successor.name}
          </Link>
          .
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="grid content-start gap-6">
          <section className={card}>
            <h2 className="mb-3 font-semibold">Thông tin cơ quan</h2>
            <EditAgencyForm
              values={{
                agencyId: agency.id,
                version: agency.version,
                name: agency.name,
                shortName: agency.shortName,
                kind: agency.kind,
                aliases: agency.aliases,
                email: agency.email,
                active: agency.active,
                ended: agency.status === "ended",
              }}
            />
          </section>
          {agency.status === "ended" ? null : (
            <section className={card}>
              <h2 className="mb-3 font-semibold">Sáp nhập hoặc kế nhiệm</h2>
              <MergeAgencyForm
                agencyId={agency.id}
                version={agency.version}
                name={agency.name}
                open={agency.open}
                users={agency.users}
                choices={choices.filter((c) => c.id !== agency.id)}
              />
            </section>
          )}
          {agency.assigned === 0 ? (
            <section className={card}>
              <h2 className="mb-3 font-semibold">Xóa cơ quan</h2>
              <DeleteAgencyForm agencyId={agency.id} version={agency.version} />
            </section>
          ) : null}
        </div>
        <div className="grid content-start gap-6">
          <section className={card}>
            <h2 className="mb-3 font-semibold">Thuộc các nhóm</h2>
            {agency.groups.length === 0 ? (
              <p className="text-sm text-slate-500">Không thuộc nhóm nào.</p>
            ) : (
              <ul className="grid gap-1 text-sm">
                {agency.groups.map((g) => (
                  <li key={g.id}>{g.name}</li>
                ))}
              </ul>
            )}
            <p className="mt-2 text-sm">
              <Link href="/quan-tri/co-quan/nhom" className="text-brand-800 underline">
                Sửa các nhóm
              </Link>
            </p>
          </section>
          {agency.predecessors.length > 0 ? (
            <section className={card}>
              <h2 className="mb-3 font-semibold">Tiếp nhận công việc của</h2>
              <ul className="grid gap-1 text-sm">
                {agency.predecessors.map((p) => (
                  <li key={p.id}>
                    <Link href={`/quan-tri/co-quan/${p.id}`} className="text-brand-800 underline">
                      {p.name}
                    </Link>
                    {p.endedAt ? (
                      <span className="text-slate-500"> · từ {formatDay(vietnamDay(p.endedAt))}</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section className={card}>
            <h2 className="mb-3 font-semibold">Lịch sử</h2>
            <HistoryList entries={history} />
          </section>
        </div>
      </div>
    </>
  );
});
