import Link from "next/link";
import type { BoardAgency } from "@/lib/assignments/board";

/** A user of several agencies moves between their boards. */
export function AgencySwitcher({ agencies, current }: { agencies: BoardAgency[]; current: number }) {
  return (
    <nav aria-label="Chọn cơ quan" className="flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1">
      {agencies.map((a) => (
        <Link
          key={a.id}
          href={`/co-quan/${a.id}`}
          aria-current={a.id === current ? "page" : undefined}
          className={`rounded-md px-3 py-1.5 text-sm font-medium ${a.id === current ? "bg-white text-brand-800 shadow" : "text-slate-600 hover:text-slate-900"}`}
        >
          {a.shortName}
        </Link>
      ))}
    </nav>
  );
}
