import Link from "next/link";
import type { CurrentUser } from "@/app/_server/session";
import { ROLE_LABELS } from "@/lib/accounts/schemas";
import { NotificationBell } from "./notification-bell";
import { SignOutButton } from "./sign-out-button";

/**
 * The top bar: organisation, navigation with the 待我审核 count, the notification bell (live
 * unread count), and who is signed in (department and role). Below 768 px (a phone) it keeps one line — 合稿, the person's name and 退出 — and the
 * navigation, organisation, department and role move into the 菜单 panel.
 */
export function Header({ user, organisation, inboxCount, unreadCount = 0 }: { user: CurrentUser; organisation: string; inboxCount: number; unreadCount?: number }) {
  const showInbox = inboxCount > 0 || user.role !== "editor" || user.lead;
  const links = [
    { href: "/reports", label: "工作总结" },
    ...(user.role === "admin"
      ? [{ href: "/admin/departments", label: "部门管理" }, { href: "/admin/users", label: "账号管理" }, { href: "/admin/chains", label: "审核流程" }, { href: "/admin/robots", label: "通知渠道" }]
      : []),
  ];
  const inbox = showInbox ? (
    <Link href="/inbox" className="flex items-center gap-1 hover:text-white" data-testid="inbox-link">
      待我审核
      <span className={`badge ${inboxCount ? "bg-red-500 text-white" : "bg-slate-600 text-slate-200"}`} data-testid="inbox-count">{inboxCount}</span>
    </Link>
  ) : null;
  return (
    <header className="relative bg-slate-800 text-white">
      <div className="mx-auto flex h-12 max-w-7xl items-center gap-3 px-4 md:gap-6">
        <Link href="/" className="flex min-w-0 items-baseline gap-2 whitespace-nowrap">
          <span className="text-lg font-bold tracking-widest">合稿</span>
          <span className="hidden truncate text-sm text-slate-300 md:inline" data-testid="org-name">{organisation}</span>
        </Link>
        <nav className="hidden gap-4 whitespace-nowrap text-sm text-slate-200 md:flex" aria-label="主导航">
          {links.slice(0, 1).map((l) => <Link key={l.href} href={l.href} className="hover:text-white">{l.label}</Link>)}
          {inbox}
          {links.slice(1).map((l) => <Link key={l.href} href={l.href} className="hover:text-white">{l.label}</Link>)}
        </nav>
        <div className="ml-auto flex min-w-0 items-center gap-3 whitespace-nowrap text-sm" data-testid="whoami">
          <NotificationBell initialUnread={unreadCount} />
          <span className="inline-block h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: user.departmentColor }} />
          <span className="truncate">{user.name}</span>
          <span className="hidden text-slate-300 md:inline">{user.departmentName}</span>
          <span className="badge hidden bg-slate-600 text-slate-100 md:inline-flex">{ROLE_LABELS[user.role]}</span>
          {user.lead && <span className="badge hidden bg-slate-600 text-slate-100 md:inline-flex" data-testid="lead-badge">部门负责人</span>}
          <SignOutButton />
        </div>
        <details className="group md:hidden">
          <summary className="cursor-pointer list-none rounded px-2 py-1 text-sm text-slate-200 hover:bg-slate-700 [&::-webkit-details-marker]:hidden" aria-label="菜单">
            ☰ 菜单
          </summary>
          <div className="absolute inset-x-0 top-12 z-30 space-y-2 border-t border-slate-700 bg-slate-800 px-4 py-3 text-sm shadow-lg" data-testid="mobile-menu">
            <div className="text-slate-300">{organisation}</div>
            <div className="flex items-center gap-2">
              {user.departmentName}
              <span className="badge bg-slate-600 text-slate-100">{ROLE_LABELS[user.role]}</span>
            </div>
            <nav className="flex flex-col gap-2 pt-1" aria-label="主导航（手机）">
              {links.map((l) => <Link key={l.href} href={l.href} className="text-slate-100 hover:text-white">{l.label}</Link>)}
            </nav>
          </div>
        </details>
      </div>
    </header>
  );
}
