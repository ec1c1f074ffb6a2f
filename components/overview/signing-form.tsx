import { SIGNER_TITLES, type ReportSigningErrors } from "@/lib/reports/report-signing";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/input";

/**
 * The report's number and signer, as a GET form beside the filters (kept in the address, so the
 * print and the PDF carry them). What was typed stays in the fields; a value that does not fit is
 * explained under its field and left out of the report.
 */
export function SigningForm({
  filters,
  typed,
  errors,
}: {
  filters: Record<string, string | number | undefined>;
  typed: Record<"so" | "ky" | "chuc", string>;
  errors: ReportSigningErrors;
}) {
  const input = controlClass("regular", "mt-1");
  const message = (k: keyof ReportSigningErrors) =>
    errors[k] ? (
      <span id={`signing-${k}-error`} role="alert" className="mt-1 block text-xs font-normal text-red-700">
        {errors[k]}
      </span>
    ) : null;
  return (
    <form
      action="/bao-cao"
      method="get"
      aria-label="Số báo cáo và người ký"
      className="mb-6 grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-[10rem_1fr_14rem_auto] sm:items-start"
    >
      {Object.entries(filters).map(([k, v]) =>
        v === undefined ? null : <input key={k} type="hidden" name={k} value={v} />,
      )}
      <label className="text-sm font-medium text-slate-700">
        Số báo cáo
        <input
          name="so"
          defaultValue={typed.so}
          placeholder="45/BC-BCĐ"
          autoComplete="off"
          aria-invalid={errors.so ? true : undefined}
          aria-describedby={errors.so ? "signing-so-error" : undefined}
          className={input}
        />
        {message("so")}
      </label>
      <label className="text-sm font-medium text-slate-700">
        Họ tên người ký
        <input
          name="ky"
          defaultValue={typed.ky}
          placeholder="Để trống để ký tay"
          autoComplete="off"
          aria-invalid={errors.ky ? true : undefined}
          aria-describedby={errors.ky ? "signing-ky-error" : undefined}
          className={input}
        />
        {message("ky")}
      </label>
      <label className="text-sm font-medium text-slate-700">
        Người ký
        <select
          name="chuc"
          defaultValue={Object.hasOwn(SIGNER_TITLES, typed.chuc) ? typed.chuc : "pho-truong-ban"}
          aria-invalid={errors.chuc ? true : undefined}
          className={input}
        >
          {Object.entries(SIGNER_TITLES).map(([k, t]) => (
            <option key={k} value={k}>
              {t.label}
            </option>
          ))}
        </select>
        {message("chuc")}
      </label>
      <Button type="submit" className="self-end">
        Áp dụng
      </Button>
    </form>
  );
}
