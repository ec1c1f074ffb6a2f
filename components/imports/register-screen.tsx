import Link from "next/link";
import { choicesOf } from "@/lib/imports/register-query";
import { FIELD_LABELS, REGISTER_COLUMNS } from "@/lib/imports/register-columns";
import type { RegisterPreview } from "@/lib/imports/register";
import type { RegisterRowStatus, RegisterRowView } from "@/lib/imports/register-plan";
import { formatDateTime, formatDay } from "@/lib/time/calendar";
import { RegisterConfirm } from "@/components/imports/register-confirm";
import { RegisterUploadForm } from "@/components/imports/register-upload-form";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { Stat } from "@/components/ui/stat";

// The register import's steps on one page: 1. the upload, 2. the column mapping, 3. names the
// registry lacks, 4. the preview with each row's problems beside it and the confirmation. Steps 2
// and 3 are GET forms: what was chosen stays in the address.

const STATUS: Record<RegisterRowStatus, { label: string; tone: BadgeTone }> = {
  ok: { label: "Sẽ nhập", tone: "success" },
  error: { label: "Lỗi", tone: "danger" },
  duplicate: { label: "Trùng, bỏ qua", tone: "warning" },
};

const section = "rounded-2xl border border-slate-200 bg-white p-5 shadow-sm";

function Hidden({ name, values }: { name: string; values: string[] }) {
  return values.map((v) => <input key={`${name}-${v}`} type="hidden" name={name} value={v} />);
}

export function RegisterScreen({ path, current }: { path: string; current: RegisterPreview | null }) {
  return (
    <div className="grid gap-6">
      <section className={section} aria-labelledby="upload-title">
        <h2 id="upload-title" className="mb-1 font-semibold">
          {current ? "Tải lên tệp khác" : "1. Chọn tệp sổ theo dõi"}
        </h2>
        <div className="mb-3 grid gap-1 text-sm text-slate-600">
          <p>
            Mỗi dòng một nhiệm vụ, hoặc một cơ quan của nhiệm vụ: số và ngày thông báo, nội dung, cơ quan chủ trì, phối
            hợp, thời hạn, tình trạng, ngày hoàn thành. Các dòng cùng số, ngày thành một thông báo; cùng nội dung thành
            một nhiệm vụ giao nhiều cơ quan.
          </p>
          <p>
            <a href="/api/nhap-so-theo-doi/mau" className="font-medium text-brand-800 underline">
              Tải tệp mẫu (.xlsx)
            </a>{" "}
            với các cột và hai dòng ví dụ. Chưa có gì được lưu cho đến khi bạn xác nhận.
          </p>
        </div>
        <RegisterUploadForm path={path} again={Boolean(current)} />
      </section>
      {current ? <Steps path={path} current={current} /> : null}
    </div>
  );
}

function Steps({ path, current }: { path: string; current: RegisterPreview }) {
  const { batch, plan } = current;
  const choices = choicesOf(plan.unknown);
  const columns = current.mapping.map((f, i) => [`c${i}`, f || "-"] as const);
  if (batch.confirmedAt)
    return (
      <p role="status" className={`${section} text-sm text-slate-700`} data-testid="import-done">
        Tệp “{batch.fileName}” đã được nhập lúc {formatDateTime(batch.confirmedAt)}.{" "}
        <Link href="/thong-bao" className="text-brand-800 underline">
          Xem danh sách thông báo
        </Link>
      </p>
    );
  return (
    <>
      <section className={section} aria-labelledby="mapping-title" data-testid="register-mapping">
        <h2 id="mapping-title" className="font-semibold">
          2. Ghép cột: {batch.fileName}
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          Dòng tiêu đề là dòng {batch.headerLine}; {batch.rows} dòng dữ liệu, tải lên lúc{" "}
          {formatDateTime(batch.createdAt)}. Chọn mỗi cột của tệp ứng với trường nào (đã điền sẵn theo tên cột).
        </p>
        <form method="get" action={path} className="grid gap-3">
          <input type="hidden" name="lan" value={batch.id} />
          <Hidden name="gan" values={choices} />
          <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {current.headers.map((h, i) => (
              <label key={i} className="grid gap-1 text-sm">
                <span className="font-medium break-words text-slate-800">
                  Cột {i + 1}: {h || "(không có tiêu đề)"}
                </span>
                <Select name={`c${i}`} defaultValue={current.mapping[i] || "-"} aria-label={`Trường của cột ${i + 1}`}>
                  <option value="-">— Không dùng —</option>
                  {REGISTER_COLUMNS.map((c) => (
                    <option key={c.key} value={c.key}>
                      {c.header}
                      {c.required ? " (bắt buộc)" : ""}
                    </option>
                  ))}
                </Select>
              </label>
            ))}
          </div>
          {plan.mappingErrors.length > 0 ? (
            <ul role="alert" className="grid gap-0.5 text-sm text-red-800" data-testid="mapping-errors">
              {plan.mappingErrors.map((e) => (
                <li key={e}>⚠ {e}</li>
              ))}
            </ul>
          ) : null}
          <div>
            <button type="submit" className={buttonClass("secondary")}>
              Áp dụng cách ghép cột
            </button>
          </div>
        </form>
      </section>
      {plan.mappingErrors.length > 0 ? null : (
        <>
          {plan.unknown.length > 0 ? (
            <section className={section} aria-labelledby="unknown-title" data-testid="register-unknown">
              <h2 id="unknown-title" className="font-semibold">
                3. Cơ quan chưa có trong danh mục ({plan.unknown.length})
              </h2>
              <p className="mb-3 text-sm text-slate-600">
                Chọn cơ quan của danh mục mà mỗi tên chỉ đến (đã điền sẵn đề xuất nếu có), hoặc bỏ qua tên đó. Cơ quan
                mới thêm ở{" "}
                <Link href="/quan-tri/co-quan" className="text-brand-800 underline">
                  Cơ quan, nhóm
                </Link>
                .
              </p>
              <form method="get" action={path} className="grid gap-3">
                <input type="hidden" name="lan" value={batch.id} />
                {columns.map(([k, v]) => (
                  <input key={k} type="hidden" name={k} value={v} />
                ))}
                <ul className="grid gap-2">
                  {plan.unknown.map((u) => (
                    <li key={u.key} className="grid gap-1 text-sm sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] sm:gap-3">
                      <span className="break-words">
                        <span className="font-medium">“{u.text}”</span>{" "}
                        <span className="text-slate-500">
                          (dòng {u.lines.join(", ")}
                          {u.proposal ? `; đề xuất: ${u.proposal.name}` : ""})
                        </span>
                      </span>
                      <Select
                        name="gan"
                        defaultValue={
                          u.chosen !== null ? `${u.key}=${u.chosen}` : u.proposal ? `${u.key}=${u.proposal.id}` : ""
                        }
                        aria-label={`Cơ quan ứng với “${u.text}”`}
                      >
                        <option value="">— Chọn cơ quan —</option>
                        <option value={`${u.key}=0`}>Bỏ qua tên này</option>
                        {current.agencies.map((a) => (
                          <option key={a.id} value={`${u.key}=${a.id}`}>
                            {a.name}
                          </option>
                        ))}
                      </Select>
                    </li>
                  ))}
                </ul>
                <div>
                  <button type="submit" className={buttonClass("secondary")}>
                    Áp dụng lựa chọn
                  </button>
                </div>
              </form>
            </section>
          ) : null}
          <Preview current={current} columns={current.mapping.join(",")} choices={choices.join("|")} />
        </>
      )}
    </>
  );
}

function Preview({ current, columns, choices }: { current: RegisterPreview; columns: string; choices: string }) {
  const { plan, batch } = current;
  const c = plan.counts;
  return (
    <section className="grid gap-4" aria-labelledby="preview-title" data-testid="import-preview">
      <h2 id="preview-title" className="font-semibold">
        {plan.unknown.length > 0 ? "4" : "3"}. Xem trước
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Stat label="Dòng sẽ nhập" value={c.ok} />
        <Stat label="Dòng có lỗi" value={c.error} tone={c.error > 0 ? "danger" : undefined} />
        <Stat label="Dòng trùng, bỏ qua" value={c.duplicate} />
        <Stat label="Thông báo" value={c.notices} />
        <Stat label="Nhiệm vụ" value={c.directives} />
        <Stat label="Lượt giao cơ quan" value={c.assignments} />
      </dl>
      <div className={section}>
        {current.expired ? (
          <p role="alert" className="text-sm font-medium text-red-700">
            Bản xem trước này đã quá một ngày; hãy tải tệp lên lại.
          </p>
        ) : c.error > 0 ? (
          <p role="alert" className="text-sm font-medium text-red-700" data-testid="import-blocked">
            Còn {c.error} dòng có lỗi (ghi bên cạnh từng dòng). Sửa tệp rồi tải lên lại, hoặc chọn cơ quan ở bước trên;
            chưa có gì được lưu.
          </p>
        ) : c.notices === 0 ? (
          <p role="status" className="text-sm text-slate-700" data-testid="import-nothing">
            Không có thông báo nào để nhập: mọi dòng thuộc thông báo đã có trong hệ thống.
          </p>
        ) : (
          <RegisterConfirm
            key={plan.fingerprint}
            hidden={{ batchId: batch.id, fingerprint: plan.fingerprint, columns, agencies: choices }}
            notices={c.notices}
            directives={c.directives}
            assignments={c.assignments}
          />
        )}
      </div>
      <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white shadow-sm">
        <table className="w-full min-w-[64rem] text-left text-sm">
          <caption className="sr-only">Các dòng của sổ theo dõi và vấn đề của từng dòng</caption>
          <thead className="bg-slate-50 text-xs text-slate-600 uppercase">
            <tr>
              <th className="px-3 py-2">Dòng</th>
              <th className="px-3 py-2">{FIELD_LABELS.number}</th>
              <th className="px-3 py-2">{FIELD_LABELS.content}</th>
              <th className="px-3 py-2">Cơ quan</th>
              <th className="px-3 py-2">{FIELD_LABELS.deadline}</th>
              <th className="px-3 py-2">{FIELD_LABELS.state}</th>
              <th className="px-3 py-2">Vấn đề</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {plan.rows.map((r) => (
              <Row key={r.line} row={r} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Row({ row }: { row: RegisterRowView }) {
  const s = STATUS[row.status];
  return (
    <tr
      className={`align-top ${row.status === "error" ? "bg-red-50/60" : row.status === "duplicate" ? "bg-amber-50/50" : ""}`}
      data-testid="import-row"
      data-status={row.status}
      data-line={row.line}
    >
      <td className="px-3 py-2 whitespace-nowrap">
        <span className="tabular-nums">{row.line}</span>
        <span className="mt-1 block">
          <Badge tone={s.tone}>{s.label}</Badge>
        </span>
      </td>
      <td className="px-3 py-2 break-words">
        <span className="block font-medium">{row.number || "—"}</span>
        <span className="text-slate-600">{row.date ? formatDay(row.date) : ""}</span>
      </td>
      <td className="max-w-md px-3 py-2 break-words">{row.content}</td>
      <td className="px-3 py-2 break-words">
        {row.lead.length > 0 ? (
          <span className="block">
            <span className="text-slate-500">Chủ trì: </span>
            {row.lead.join("; ")}
          </span>
        ) : null}
        {row.support.length > 0 ? (
          <span className="block">
            <span className="text-slate-500">Phối hợp: </span>
            {row.support.join("; ")}
          </span>
        ) : null}
      </td>
      <td className="px-3 py-2 break-words">{row.deadline}</td>
      <td className="px-3 py-2 break-words">
        {row.state}
        {row.completedOn ? <span className="block text-slate-600">ngày {formatDay(row.completedOn)}</span> : null}
      </td>
      <td className="px-3 py-2 break-words">
        {row.duplicateOf !== null ? (
          <Link href={`/thong-bao/${row.duplicateOf}`} className="text-amber-900 underline">
            Xem thông báo đã có
          </Link>
        ) : null}
        {row.errors.length > 0 ? (
          <ul className="grid gap-0.5 text-red-800" aria-label="Lỗi" data-testid="import-row-errors">
            {row.errors.map((e) => (
              <li key={e}>⚠ {e}</li>
            ))}
          </ul>
        ) : null}
        {row.warnings.length > 0 ? (
          <ul className="grid gap-0.5 text-slate-600" aria-label="Lưu ý">
            {row.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        ) : null}
      </td>
    </tr>
  );
}
