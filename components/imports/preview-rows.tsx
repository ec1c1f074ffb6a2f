import type { Preview, PreviewRow, RowStatus } from "@/lib/imports/plan";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const STATUS: Record<RowStatus, { label: string; tone: BadgeTone }> = {
  error: { label: "Lỗi", tone: "danger" },
  new: { label: "Mới", tone: "success" },
  changed: { label: "Thay đổi", tone: "info" },
  unchanged: { label: "Không đổi", tone: "neutral" },
};

function Row({ row }: { row: PreviewRow }) {
  const s = STATUS[row.status];
  return (
    <li
      className={`grid gap-1 px-4 py-3 sm:grid-cols-[5rem_6.5rem_minmax(0,1fr)] sm:gap-3 ${row.status === "error" ? "bg-red-50/60" : ""}`}
      data-testid="import-row"
      data-status={row.status}
      data-line={row.line}
    >
      <div className="flex items-center gap-2 sm:contents">
        <span className="text-xs text-slate-500 tabular-nums sm:pt-0.5 sm:text-sm">Dòng {row.line}</span>
        <span>
          <Badge tone={s.tone}>{s.label}</Badge>
        </span>
      </div>
      <div className="min-w-0">
        <p className="font-medium break-words text-slate-900">{row.label}</p>
        {row.detail ? <p className="text-sm break-words text-slate-600">{row.detail}</p> : null}
        {row.changes.length > 0 ? (
          <ul className="mt-1 grid gap-0.5 text-sm" aria-label="Thay đổi">
            {row.changes.map((c) => (
              <li key={c.field} className="break-words">
                <span className="font-medium">{c.field}:</span>{" "}
                <del className="text-slate-500">{c.before || "(trống)"}</del> →{" "}
                <ins className="text-slate-900 no-underline">{c.after || "(trống)"}</ins>
              </li>
            ))}
          </ul>
        ) : null}
        {row.errors.length > 0 ? (
          <ul className="mt-1 grid gap-0.5 text-sm text-red-800" aria-label="Lỗi" data-testid="import-row-errors">
            {row.errors.map((e) => (
              <li key={e} className="break-words">
                <span aria-hidden>⚠ </span>
                {e}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </li>
  );
}

/** The rows of a preview: errors and changes in the file's order; unchanged rows folded away. */
export function PreviewRows({ preview }: { preview: Preview }) {
  const shown = preview.rows.filter((r) => r.status !== "unchanged");
  const same = preview.rows.filter((r) => r.status === "unchanged");
  return (
    <div className="grid gap-3">
      {shown.length > 0 ? (
        <ol
          className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white shadow-sm"
          aria-label="Các dòng mới, thay đổi hoặc có lỗi"
        >
          {shown.map((r) => (
            <Row key={r.line} row={r} />
          ))}
        </ol>
      ) : null}
      {same.length > 0 ? (
        <details className="rounded-2xl border border-slate-200 bg-white shadow-sm">
          <summary className="cursor-pointer px-4 py-3 text-sm font-medium text-slate-700 focus-visible:outline-2 focus-visible:outline-brand-600">
            {same.length} dòng không đổi
          </summary>
          <ol className="divide-y divide-slate-100 border-t border-slate-100">
            {same.map((r) => (
              <Row key={r.line} row={r} />
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}
