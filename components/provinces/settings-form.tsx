"use client";

import { updateProvinceSettingsAction } from "@/lib/provinces/actions";
import { ActionForm, SelectField, TextField } from "@/components/ui/action-form";

const decimal = (n: number) => String(n).replace(".", ",");

export function ProvinceSettingsForm({
  settings,
  seen,
  periods,
}: {
  settings: {
    reminderDaysBefore: number[];
    overdueReminderEveryDays: number;
    ongoingReportPeriod: string;
    scoreLateCredit: number;
    scorePenaltyPerDay: number;
    scorePenaltyCap: number;
  };
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
      <fieldset className="space-y-3 border-t border-slate-200 pt-3">
        <legend className="pt-3 text-sm font-semibold text-slate-900">Công thức tính điểm xếp hạng</legend>
        <p className="text-sm text-slate-600">
          Điểm = 100 × (đúng hạn + hệ số × trễ hạn) / số việc được tính − số điểm trừ mỗi ngày quá hạn × tổng số ngày
          quá hạn / số việc được tính (trừ không quá mức tối đa). Kỳ đã công bố giữ công thức lúc công bố.
        </p>
        <TextField
          name="scoreLateCredit"
          label="Hệ số cho việc hoàn thành trễ hạn (0 đến 1)"
          hint="Mặc định: 0,5 (việc trễ hạn được nửa số điểm của việc đúng hạn)."
          defaultValue={decimal(settings.scoreLateCredit)}
        />
        <TextField
          name="scorePenaltyPerDay"
          label="Số điểm trừ mỗi ngày quá hạn"
          hint="Mặc định: 0,1."
          defaultValue={decimal(settings.scorePenaltyPerDay)}
        />
        <TextField
          name="scorePenaltyCap"
          label="Mức trừ tối đa (điểm)"
          hint="Mặc định: 20."
          defaultValue={decimal(settings.scorePenaltyCap)}
        />
      </fieldset>
    </ActionForm>
  );
}
