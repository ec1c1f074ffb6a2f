import Link from "next/link";

/** Previous / next and "page x of y"; links keep the rest of the address. */
export function Pager({
  page,
  pageSize,
  total,
  href,
}: {
  page: number;
  pageSize: number;
  total: number;
  href: (page: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const cls =
    "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50";
  return (
    <nav
      aria-label="Phân trang"
      className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600"
    >
      <span>
        Trang {page}/{pages} · {(page - 1) * pageSize + 1}–{Math.min(total, page * pageSize)} trên {total}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className={cls} href={href(page - 1)} rel="prev">
            ← Trang trước
          </Link>
        ) : null}
        {page < pages ? (
          <Link className={cls} href={href(page + 1)} rel="next">
            Trang sau →
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
