/** Progress (approved / reviewable sections) for the whole report and per department. */
import type { Progress } from "@/lib/reports/dashboard";

function Bar({ p, big = false }: { p: Progress; big?: boolean }) {
  const pct = p.total ? Math.round((p.approved / p.total) * 100) : 0;
  return (
    <div data-testid={big ? "progress-total" : "progress-dept"} data-approved={p.approved} data-total={p.total}>
      <div className="mb-1 flex items-center justify-between text-xs">
        <span className="flex items-center gap-1.5 font-medium text-slate-700">
          {!big && <span className="inline-block h-2 w-2 rounded-full" style={{ background: p.color }} />}
          {big ? "全文进度" : p.name}
        </span>
        <span className="text-slate-500">{p.approved}/{p.total} 已通过</span>
      </div>
      <div className={`overflow-hidden rounded-full bg-slate-100 ${big ? "h-2.5" : "h-1.5"}`}>
        <div className="h-full rounded-full" style={{ width: `${pct}%`, background: big ? "#15803d" : p.color }} />
      </div>
    </div>
  );
}

export function ProgressBars({ overall, departments }: { overall: Progress; departments: Progress[] }) {
  return (
    <div className="card space-y-3 p-4">
      <Bar p={overall} big />
      <div className="grid grid-cols-2 gap-x-6 gap-y-2 lg:grid-cols-4">
        {departments.map((d) => <Bar key={d.departmentId ?? "none"} p={d} />)}
      </div>
    </div>
  );
}
