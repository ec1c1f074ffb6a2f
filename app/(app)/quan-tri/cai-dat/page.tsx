import type { Metadata } from "next";
import { page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { ONGOING_PERIODS, provinceSettings, settingsKey } from "@/lib/provinces/settings";
import { ProvinceSettingsForm } from "@/components/provinces/settings-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Cài đặt của tỉnh" };

/** The province administrator's settings: when reminders go, how often ongoing tasks report, the ranking's formula. */
export default page({ permission: "province.configure" }, async ({ user }) => {
  const settings = await provinceSettings(db(), user);
  return (
    <div className="max-w-2xl">
      <PageHeader
        title="Cài đặt của tỉnh"
        subtitle={`Lịch nhắc việc của tỉnh ${settings.name}: mỗi nhiệm vụ được nhắc vào các ngày trước thời hạn, đúng ngày đến hạn, rồi nhắc lại định kỳ khi đã quá hạn; kỳ báo cáo của nhiệm vụ thường xuyên và công thức tính điểm xếp hạng.`}
      />
      <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
        <ProvinceSettingsForm
          settings={settings}
          seen={settingsKey(settings)}
          periods={Object.entries(ONGOING_PERIODS).map(([value, label]) => ({ value, label }))}
        />
      </section>
    </div>
  );
});
