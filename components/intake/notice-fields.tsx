"use client";

import { NOTICE_KINDS, URGENCIES, type DraftNotice } from "@/lib/notices/draft";
import { NOTICE_KIND_LABELS, URGENCY_LABELS } from "@/lib/notices/labels";
import { DATE_PRECISIONS, type DatePrecision } from "@/lib/time/calendar";
import { DateInput } from "@/components/ui/date-input";
import { Field } from "@/components/ui/field";
import { controlClass, Input, Select, Textarea } from "@/components/ui/input";

const PRECISION_LABELS: Record<DatePrecision, string> = {
  day: "Đủ ngày",
  month: "Chỉ có tháng",
  year: "Chỉ có năm",
  unknown: "Chưa ghi ngày",
};

export function NoticeFields({
  notice,
  errors,
  onChange,
}: {
  notice: DraftNotice;
  errors: Record<string, string>;
  onChange: (patch: Partial<DraftNotice>) => void;
}) {
  const text = (key: keyof DraftNotice, label: string, className = "") => (
    <Field label={label} error={errors[`notice.${key}`]} className={className}>
      {(f) => (
        <Input
          {...f}
          value={(notice[key] as string | null) ?? ""}
          onChange={(e) => onChange({ [key]: e.target.value === "" ? null : e.target.value })}
        />
      )}
    </Field>
  );
  return (
    <fieldset className="grid gap-x-3 gap-y-1 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-6">
      <legend className="px-1 text-sm font-semibold text-slate-800">Thông tin văn bản</legend>
      <Field label="Loại văn bản" className="sm:col-span-2">
        {(f) => (
          <Select
            {...f}
            value={notice.kind}
            onChange={(e) => onChange({ kind: e.target.value as DraftNotice["kind"] })}
          >
            {NOTICE_KINDS.map((k) => (
              <option key={k} value={k}>
                {NOTICE_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {text("number", "Số, ký hiệu (để trống nếu chưa có)", "sm:col-span-2")}
      {text("place", "Nơi ban hành", "sm:col-span-2")}
      <Field label="Ngày ban hành" error={errors["notice.issuedOn"]} className="sm:col-span-3">
        {(f) => (
          <DateInput
            {...f}
            className={controlClass()}
            value={notice.issuedOn}
            onChange={(issuedOn) =>
              onChange({
                issuedOn,
                issuedPrecision: issuedOn
                  ? notice.issuedPrecision === "unknown"
                    ? "day"
                    : notice.issuedPrecision
                  : "unknown",
              })
            }
          />
        )}
      </Field>
      <Field label="Mức ghi ngày" className="sm:col-span-3">
        {(f) => (
          <Select
            {...f}
            value={notice.issuedPrecision}
            onChange={(e) => onChange({ issuedPrecision: e.target.value as DraftNotice["issuedPrecision"] })}
          >
            {DATE_PRECISIONS.map((p) => (
              <option key={p} value={p}>
                {PRECISION_LABELS[p]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {text("issuer", "Cơ quan ban hành", "sm:col-span-6")}
      {text("title", "Trích yếu", "sm:col-span-6")}
      <Field label="Ngày họp" error={errors["notice.meetingOn"]} className="sm:col-span-2">
        {(f) => (
          <DateInput
            {...f}
            className={controlClass()}
            value={notice.meetingOn}
            onChange={(meetingOn) => onChange({ meetingOn })}
          />
        )}
      </Field>
      {text("chair", "Người chủ trì", "sm:col-span-4")}
      {text("signer", "Người ký", "sm:col-span-3")}
      <Field
        label="Thể thức ký (mỗi dòng như trên văn bản)"
        error={errors["notice.signingFormula"]}
        className="sm:col-span-3"
      >
        {(f) => (
          <Textarea
            {...f}
            rows={Math.max(2, (notice.signingFormula ?? "").split("\n").length)}
            value={notice.signingFormula ?? ""}
            onChange={(e) => onChange({ signingFormula: e.target.value === "" ? null : e.target.value })}
          />
        )}
      </Field>
      <Field label="Độ khẩn" error={errors["notice.urgency"]} className="sm:col-span-2">
        {(f) => (
          <Select
            {...f}
            value={notice.urgency ?? ""}
            onChange={(e) => onChange({ urgency: (e.target.value || null) as DraftNotice["urgency"] })}
          >
            <option value="">Không khẩn</option>
            {URGENCIES.map((u) => (
              <option key={u} value={u}>
                {URGENCY_LABELS[u]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        label="Kính gửi (mỗi dòng một nơi nhận chỉ đạo)"
        error={errors["notice.audience"]}
        className="sm:col-span-4"
      >
        {(f) => (
          <Textarea
            {...f}
            rows={Math.min(8, Math.max(2, (notice.audience ?? []).length))}
            value={(notice.audience ?? []).join("\n")}
            onChange={(e) => onChange({ audience: e.target.value === "" ? [] : e.target.value.split("\n") })}
          />
        )}
      </Field>
    </fieldset>
  );
}
