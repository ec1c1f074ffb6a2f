"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const active = usePathname()?.startsWith(href) ?? false;
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap ${active ? "bg-white/15 text-white" : "text-brand-100 hover:bg-white/10 hover:text-white"}`}
    >
      {children}
    </Link>
  );
}
