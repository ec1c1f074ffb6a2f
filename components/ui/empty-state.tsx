/**
 * What a page or list shows when it has nothing to show. `compact`: one short line in a dashed
 * box, for a list among others on the same page (the work queue's sections).
 */
export function EmptyState({
  title,
  children,
  compact = false,
}: {
  title: string;
  children?: React.ReactNode;
  compact?: boolean;
}) {
  if (compact) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-4 text-sm text-slate-600">
        {title}
      </p>
    );
  }
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      <p className="font-medium text-slate-800">{title}</p>
      {children ? <div className="mt-1 text-sm text-slate-600">{children}</div> : null}
    </div>
  );
}
