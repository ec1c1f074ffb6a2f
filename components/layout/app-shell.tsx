import Link from "next/link";
import { isSystemAdmin, roleMay } from "@/lib/auth/permissions";
import { USER_ROLE_LABELS, type SessionUser } from "@/lib/auth/user";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NavLink } from "@/components/layout/nav-link";

/**
 * `reminders`: the number beside "Nhắc việc" (unread notifications and digests); `waiting`: the
 * number beside "Việc chờ xử lý" (what needs this person's action).
 */
export function AppShell({
  user,
  reminders = 0,
  waiting = 0,
  children,
}: {
  user: SessionUser;
  reminders?: number;
  waiting?: number;
  children: React.ReactNode;
}) {
  const hasQueue = user.provinceId !== null && user.role !== "admin";
  type Item = { href: string; label: string; count?: number; countLabel?: string };
  const links = (
    [
      hasQueue && { href: "/cho-xu-ly", label: "Việc chờ xử lý", count: waiting, countLabel: "việc chờ xử lý" },
      roleMay(user, "overview.read") && { href: "/tong-quan", label: "Tổng quan" },
      roleMay(user, "overview.read") && { href: "/qua-han", label: "Việc quá hạn" },
      roleMay(user, "ranking.read") && user.provinceId !== null && { href: "/xep-hang", label: "Xếp hạng" },
      roleMay(user, "meeting.prepare") && { href: "/cuoc-hop", label: "Chuẩn bị cuộc họp" },
      roleMay(user, "notice.read") && { href: "/thong-bao", label: "Thông báo kết luận" },
      roleMay(user, "board.read") && {
        href: "/co-quan",
        label: user.role === "agency_staff" ? "Bảng việc của tôi" : "Bảng việc cơ quan",
      },
      roleMay(user, "board.read") &&
        user.provinceId !== null && { href: "/nhac-viec", label: "Nhắc việc", count: reminders, countLabel: "tin mới" },
      roleMay(user, "agency.manage") &&
        user.provinceId !== null && { href: "/quan-tri/co-quan", label: "Cơ quan, nhóm" },
      roleMay(user, "user.manage") && user.provinceId !== null && { href: "/quan-tri/nguoi-dung", label: "Người dùng" },
      roleMay(user, "province.configure") &&
        user.provinceId !== null && { href: "/quan-tri/cai-dat", label: "Cài đặt tỉnh" },
      roleMay(user, "province.configure") && user.provinceId !== null && { href: "/quan-tri/api", label: "API" },
      roleMay(user, "webhook.manage") && user.provinceId !== null && { href: "/quan-tri/webhook", label: "Webhook" },
      isSystemAdmin(user) && { href: "/quan-tri/tinh", label: "Các tỉnh" },
    ] as (Item | false | null)[]
  ).filter((l): l is Item => Boolean(l));

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="bg-brand-900 text-white shadow">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="flex items-center gap-2 font-semibold">
            <span aria-hidden className="grid size-8 place-items-center rounded-lg bg-red-600 text-sm font-bold">
              BCĐ
            </span>
            <span className="leading-tight">
              Theo dõi chỉ đạo
              <span className="block text-xs font-normal text-brand-100">
                {user.provinceName ? `Ban Chỉ đạo phòng, chống dịch tỉnh ${user.provinceName}` : "Quản trị hệ thống"}
              </span>
            </span>
          </Link>
          <nav
            aria-label="Điều hướng chính"
            className="order-3 -mx-1 flex w-full gap-1 overflow-x-auto sm:order-none sm:w-auto"
          >
            {links.map((l) => (
              <NavLink key={l.href} href={l.href}>
                {l.label}
                {l.count ? (
                  <span
                    className="ml-1.5 rounded-full bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white tabular-nums"
                    aria-label={`(${l.count} ${l.countLabel})`}
                    data-testid={`nav-count-${l.href.slice(1)}`}
                  >
                    {l.count}
                  </span>
                ) : null}
              </NavLink>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <Link
              href="/tai-khoan"
              className="rounded-md px-2 py-1 text-right leading-tight hover:bg-white/10"
              aria-label={`Tài khoản của tôi: ${user.name}`}
            >
              <span className="hidden md:block">
                <span className="block font-medium">{user.name}</span>
                <span className="block text-xs text-brand-100">
                  {user.role === "admin" && user.provinceId !== null
                    ? "Quản trị của tỉnh"
                    : USER_ROLE_LABELS[user.role]}
                </span>
              </span>
              <span className="md:hidden">Tài khoản</span>
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="noi-dung" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white py-4 text-center text-xs text-slate-500">
        Hệ thống theo dõi thực hiện kết luận, chỉ đạo của Ban Chỉ đạo phòng, chống dịch COVID-19 · Giờ Việt Nam (GMT+7)
        ·{" "}
        <Link href="/huong-dan" className="text-brand-800 underline-offset-2 hover:underline">
          Hướng dẫn sử dụng
        </Link>
      </footer>
    </div>
  );
}
