"use client";

/**
 * State and department filters of the dashboard, kept in the URL (`?state=&dept=`) so a
 * filtered view can be shared. Editors default to their own department (`dept=all` shows all).
 */
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { SECTION_STATES, stateLabel } from "@/lib/workflow/vocabulary";

export function Filters({
  departments, state, dept, ownDept,
}: {
  departments: { id: string; name: string }[];
  state: string;
  /** The department filter in effect ("" = all). */
  dept: string;
  /** The editor's department (for the toggle), or null for reviewers/admins. */
  ownDept: { id: string; name: string } | null;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const go = (key: string, value: string) => {
    const next = new URLSearchParams(params.toString());
    next.set(key, value);
    if (!value && !(key === "dept" && ownDept)) next.delete(key);
    const qs = next.toString();
    router.push(qs ? `${pathname}?${qs}` : pathname);
  };
  const withDept = (value: string) => {
    const next = new URLSearchParams(params.toString());
    next.set("dept", value);
    return `${pathname}?${next.toString()}`;
  };
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="filters">
      <label className="flex items-center gap-1.5">
        <span className="text-slate-500">状态</span>
        <select className="input w-28" value={state} onChange={(e) => go("state", e.target.value)} aria-label="按状态筛选">
          <option value="">全部</option>
          {SECTION_STATES.map((s) => <option key={s} value={s}>{stateLabel(s)}</option>)}
        </select>
      </label>
      <label className="flex items-center gap-1.5">
        <span className="text-slate-500">部门</span>
        <select className="input w-36" value={dept} onChange={(e) => go("dept", e.target.value || "all")} aria-label="按部门筛选">
          <option value="">全部部门</option>
          {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </select>
      </label>
      {ownDept && (
        dept === ownDept.id ? (
          <Link href={withDept("all")} className="text-brand-700 hover:underline" data-testid="show-all">查看全部章节</Link>
        ) : (
          <Link href={withDept(ownDept.id)} className="text-brand-700 hover:underline" data-testid="show-own">只看本部门（{ownDept.name}）</Link>
        )
      )}
    </div>
  );
}
