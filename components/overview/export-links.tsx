/** Download buttons for a list or the overview: the same address with a format. */
export function ExportLinks({
  base,
  query,
  formats = ["xlsx", "csv", "pdf"],
}: {
  base: string;
  query: string;
  formats?: ("xlsx" | "csv" | "pdf")[];
}) {
  const sep = query ? `${query}&` : "?";
  const labels = { xlsx: "Xuất Excel", csv: "Xuất CSV", pdf: "Xuất PDF" } as const;
  return (
    <>
      {formats.map((f) => (
        <a
          key={f}
          href={`${base}${sep}format=${f}`}
          download
          data-testid={`export-${f}`}
          className="inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <span aria-hidden>⤓</span> {labels[f]}
        </a>
      ))}
    </>
  );
}

/** One table of the overview as a CSV file (a CSV holds one table; the Excel and PDF files hold them all). */
export function TableCsvLink({ query, table, label }: { query: string; table: string; label: string }) {
  const sep = query ? `${query}&` : "?";
  return (
    <a
      href={`/api/xuat/tong-quan${sep}format=csv&bang=${table}`}
      download
      data-testid={`export-csv-${table}`}
      aria-label={`Tải CSV: ${label}`}
      className="text-sm font-medium text-brand-800 underline-offset-2 hover:underline focus-visible:underline"
    >
      ⤓ CSV
    </a>
  );
}
