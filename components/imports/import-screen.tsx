import type { BatchPreview } from "@/lib/imports/batches";
import type { ImportKind } from "@/lib/imports/plan";
import { formatDateTime } from "@/lib/time/calendar";
import { ConfirmImport } from "@/components/imports/confirm-import";
import { PreviewRows } from "@/components/imports/preview-rows";
import { UploadListForm } from "@/components/imports/upload-form";
import { Stat } from "@/components/ui/stat";

/** An import page: the upload (with the template), and once a file is read, its preview and the confirmation. */
export function ImportScreen({
  kind,
  path,
  templateHref,
  help,
  current,
}: {
  kind: ImportKind;
  path: string;
  templateHref: string;
  help: React.ReactNode;
  current: BatchPreview | null;
}) {
  const counts = current?.preview.counts;
  return (
    <div className="grid gap-6">
      <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="upload-title">
        <h2 id="upload-title" className="mb-1 font-semibold">
          {current ? "Tải lên tệp khác" : "1. Chọn tệp"}
        </h2>
        <div className="mb-3 grid gap-1 text-sm text-slate-600">{help}</div>
        <p className="mb-3 text-sm">
          <a href={templateHref} className="font-medium text-brand-800 underline">
            Tải tệp mẫu (.xlsx)
          </a>{" "}
          <span className="text-slate-600">với các cột cần có và một dòng ví dụ.</span>
        </p>
        <UploadListForm kind={kind} path={path} again={Boolean(current)} />
      </section>
      {current && counts ? (
        <section className="grid gap-4" aria-labelledby="preview-title" data-testid="import-preview">
          <div>
            <h2 id="preview-title" className="font-semibold">
              2. Xem trước: {current.batch.fileName}
            </h2>
            <p className="text-sm text-slate-600">
              {current.batch.rows} dòng, tải lên lúc {formatDateTime(current.batch.createdAt)}. Chưa có gì được lưu.
            </p>
          </div>
          {current.batch.confirmedAt ? null : (
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              <Stat label="Mới" value={counts.new} />
              <Stat label="Thay đổi" value={counts.changed} />
              <Stat label="Không đổi" value={counts.unchanged} />
              <Stat label="Có lỗi" value={counts.error} tone={counts.error > 0 ? "danger" : undefined} />
            </dl>
          )}
          {current.preview.notes.length > 0 && !current.batch.confirmedAt ? (
            <ul className="grid gap-1 rounded-xl border border-sky-200 bg-sky-50 p-3 text-sm text-sky-900">
              {current.preview.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
          <div className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
            <ConfirmImport
              key={current.batch.id}
              kind={kind}
              batchId={current.batch.id}
              fingerprint={current.preview.fingerprint}
              toStore={counts.new + counts.changed}
              errors={counts.error}
              expired={current.expired}
              confirmedAt={current.batch.confirmedAt ? formatDateTime(current.batch.confirmedAt) : null}
            />
          </div>
          {current.batch.confirmedAt ? null : <PreviewRows preview={current.preview} />}
        </section>
      ) : null}
    </div>
  );
}
