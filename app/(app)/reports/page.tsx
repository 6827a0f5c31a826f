import Link from "next/link";
import { requirePageUser } from "@/app/_server/session";
import { getDb } from "@/db/client";
import { listReports } from "@/lib/reports/get-report";
import { REPORT_STATUS_META } from "@/lib/workflow/vocabulary";

export default async function ReportsPage() {
  const user = await requirePageUser();
  const reports = await listReports(await getDb());
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-xl font-semibold">工作总结</h1>
        {user.role === "admin" && (
          <Link href="/reports/import" className="btn btn-primary">新建 / 导入总结</Link>
        )}
      </div>
      <div className="card overflow-hidden">
        <table className="table">
          <thead>
            <tr><th>标题</th><th>期间</th><th>截止日期</th><th>状态</th><th>创建时间</th></tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.id}>
                <td><Link className="font-medium text-brand-700 hover:underline" href={`/reports/${r.id}`}>{r.title}</Link></td>
                <td>{r.period || "—"}</td>
                <td>{r.deadline ?? "—"}</td>
                <td><span className={`badge ${REPORT_STATUS_META[r.status].tone}`}>{REPORT_STATUS_META[r.status].label}</span></td>
                <td className="text-slate-500">{r.createdAt.toLocaleDateString("zh-CN")}</td>
              </tr>
            ))}
            {reports.length === 0 && (
              <tr><td colSpan={5} className="py-8 text-center text-slate-500">还没有工作总结</td></tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
