import type { Metadata } from "next";
import Link from "next/link";
import { page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { listApiTokens } from "@/lib/api/tokens";
import { API_SCOPE_LABELS, API_SCOPES } from "@/lib/api/token-schemas";
import { formatDateTime, formatDay } from "@/lib/time/calendar";
import { CreateApiTokenForm, RevokeApiTokenForm } from "@/components/api/token-forms";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Mã truy cập API" };

/** The province administrator's API tokens: create (the secret shown once), list, revoke. */
export default page({ permission: "province.configure" }, async ({ user }) => {
  const [tokens, agencies] = await Promise.all([
    listApiTokens(db(), user),
    db().agency.findMany({
      where: { provinceId: user.provinceId!, active: true },
      orderBy: [{ kind: "asc" }, { name: "asc" }],
      select: { id: true, name: true },
    }),
  ]);
  return (
    <div className="grid max-w-5xl gap-6">
      <PageHeader
        title="Mã truy cập API"
        subtitle={`Các hệ thống khác của tỉnh ${user.provinceName ?? ""} đọc dữ liệu qua API /api/v1 bằng mã truy cập cấp tại đây.`}
      />
      <p className="text-sm text-slate-700">
        Tài liệu API:{" "}
        <Link href="/tai-lieu-api" className="text-brand-800 underline">
          Tài liệu API
        </Link>{" "}
        ·{" "}
        <a href="/api/v1/openapi.json" className="text-brand-800 underline">
          openapi.json
        </a>
        . Mã của cả tỉnh đọc như Lãnh đạo Ban Chỉ đạo; mã giới hạn theo cơ quan đọc như cán bộ của các cơ quan đó.
      </p>
      <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="mb-3 text-base font-semibold">Tạo mã truy cập</h2>
        <CreateApiTokenForm
          scopes={API_SCOPES.map((value) => ({ value, label: API_SCOPE_LABELS[value] }))}
          agencies={agencies.map((a) => ({ value: String(a.id), label: a.name }))}
        />
      </section>
      <section className="overflow-x-auto rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="mb-3 text-base font-semibold">Các mã đã cấp</h2>
        {tokens.length === 0 ? (
          <p className="text-sm text-slate-600">Chưa có mã truy cập nào.</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="api-tokens">
            <thead className="text-slate-600">
              <tr>
                <th className="py-2 pr-3">Tên</th>
                <th className="py-2 pr-3">Quyền</th>
                <th className="py-2 pr-3">Phạm vi</th>
                <th className="py-2 pr-3">Tạo lúc</th>
                <th className="py-2 pr-3">Dùng lần cuối</th>
                <th className="py-2 pr-3">Hết hạn</th>
                <th className="py-2 pr-3">Trạng thái</th>
                <th className="py-2" />
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id} className="border-t border-slate-100 align-top">
                  <td className="py-2 pr-3">
                    <div className="font-medium">{t.name}</div>
                    <code className="text-xs text-slate-500">{t.prefix}…</code>
                  </td>
                  <td className="py-2 pr-3">{API_SCOPE_LABELS[t.scope]}</td>
                  <td className="py-2 pr-3">
                    {t.agencies.length === 0 ? "Cả tỉnh" : t.agencies.map((a) => a.shortName).join(", ")}
                  </td>
                  <td className="py-2 pr-3">
                    {formatDateTime(t.createdAt)}
                    {t.createdBy ? <div className="text-xs text-slate-500">{t.createdBy}</div> : null}
                  </td>
                  <td className="py-2 pr-3">{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Chưa dùng"}</td>
                  <td className="py-2 pr-3">{t.expiresOn ? formatDay(t.expiresOn) : "Không"}</td>
                  <td className="py-2 pr-3">
                    {t.revokedAt ? `Đã thu hồi ${formatDateTime(t.revokedAt)}` : t.expired ? "Đã hết hạn" : "Đang dùng"}
                  </td>
                  <td className="py-2">{t.revokedAt ? null : <RevokeApiTokenForm tokenId={t.id} name={t.name} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
});
