"use client";

import { updateProvinceSettingsAction } from "@/lib/provinces/actions";
import { ActionForm, SelectField, TextField } from "@/components/ui/action-form";

export function ProvinceSettingsForm({
  settings,
  seen,
  periods,
}: {
  settings: { reminderDaysBefore: number[]; overdueReminderEveryDays: number; ongoingReportPeriod: string };
  seen: string;
  periods: { value: string; label: string }[];
}) {
  return (
    <ActionForm
      action={updateProvinceSettingsAction}
      hidden={{ seen }}
      submitLabel="Lưu cài đặt"
      testId="province-settings-form"
    >
      <TextField
        name="reminderDaysBefore"
        label="Nhắc trước thời hạn (số ngày, cách nhau bằng dấu phẩy)"
        hint="0 là nhắc đúng ngày đến hạn. Mặc định: 7, 3, 0."
        defaultValue={settings.reminderDaysBefore.join(", ")}
      />
      <TextField
        name="overdueReminderEveryDays"
        label="Khi quá hạn, nhắc lại sau mỗi (ngày)"
        hint="0 là không nhắc lại khi đã quá hạn. Mặc định: 7 (hằng tuần)."
        defaultValue={String(settings.overdueReminderEveryDays)}
      />
      <SelectField
        name="ongoingReportPeriod"
        label="Kỳ báo cáo của nhiệm vụ thường xuyên"
        options={periods}
        defaultValue={settings.ongoingReportPeriod}
      />
    </ActionForm>
  );
}
