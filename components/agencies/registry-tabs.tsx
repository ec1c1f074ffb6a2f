import Link from "next/link";

/** The two halves of the registry: its agencies and the groups notices address. */
export function RegistryTabs({ current }: { current: "agencies" | "groups" }) {
  const tabs = [
    { key: "agencies", href: "/quan-tri/co-quan", label: "Cơ quan, đơn vị" },
    { key: "groups", href: "/quan-tri/co-quan/nhom", label: "Nhóm cơ quan" },
  ] as const;
  return (
    <nav aria-label="Danh mục" className="mb-4 flex gap-1 text-sm">
      {tabs.map((t) => (
        <Link
          key={t.key}
          href={t.href}
          aria-current={current === t.key ? "page" : undefined}
          className={`rounded-md px-3 py-1.5 font-medium ${current === t.key ? "bg-brand-800 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
