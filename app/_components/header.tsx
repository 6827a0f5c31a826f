import Link from "next/link";
import type { CurrentUser } from "@/app/_server/session";
import { ROLE_LABELS } from "@/lib/accounts/schemas";
import { SignOutButton } from "./sign-out-button";

/** The top bar: organisation, navigation with the 待我审核 count, and who is signed in (department and role). */
export function Header({ user, organisation, inboxCount }: { user: CurrentUser; organisation: string; inboxCount: number }) {
  return (
    <header className="bg-slate-800 text-white">
      <div className="mx-auto flex h-12 max-w-7xl items-center gap-6 px-4">
        <Link href="/" className="flex items-baseline gap-2">
          <span className="text-lg font-bold tracking-widest">合稿</span>
          <span className="text-sm text-slate-300" data-testid="org-name">{organisation}</span>
        </Link>
        <nav className="flex gap-4 text-sm text-slate-200">
          <Link href="/reports" className="hover:text-white">工作总结</Link>
          {(inboxCount > 0 || user.role !== "editor" || user.lead) && (
            <Link href="/inbox" className="flex items-center gap-1 hover:text-white" data-testid="inbox-link">
              待我审核
              <span className={`badge ${inboxCount ? "bg-red-500 text-white" : "bg-slate-600 text-slate-200"}`} data-testid="inbox-count">{inboxCount}</span>
            </Link>
          )}
          {user.role === "admin" && (
            <>
              <Link href="/admin/departments" className="hover:text-white">部门管理</Link>
              <Link href="/admin/users" className="hover:text-white">账号管理</Link>
              <Link href="/admin/chains" className="hover:text-white">审核流程</Link>
            </>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm" data-testid="whoami">
          <span className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: user.departmentColor }} />
          <span>{user.name}</span>
          <span className="text-slate-300">{user.departmentName}</span>
          <span className="badge bg-slate-600 text-slate-100">{ROLE_LABELS[user.role]}</span>
          {user.lead && <span className="badge bg-slate-600 text-slate-100" data-testid="lead-badge">部门负责人</span>}
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
