import { forbidden } from "next/navigation";
import { requirePageUser } from "@/app/_server/session";
import { getDb } from "@/db/client";
import { listDepartments } from "@/lib/accounts/departments";
import { listRobots } from "@/lib/notify/robots/robots";
import { canAdminister } from "@/lib/policy";
import { listReports } from "@/lib/reports/get-report";
import { RobotForm, TestRobotButton, ToggleRobotButton, type ScopeOption } from "./forms";
import { NotifyTabs } from "./notify-tabs";

/** /admin/robots: the group-chat robots (企业微信 / 钉钉 / 飞书) that receive notifications. */
export default async function RobotsPage() {
  const user = await requirePageUser();
  if (!canAdminister(user)) forbidden();
  const db = await getDb();
  const [robots, depts, reports] = await Promise.all([listRobots(db, user), listDepartments(db), listReports(db)]);
  const scopes: ScopeOption[] = [
    { value: "all", label: "全部通知" },
    ...depts.map((d) => ({ value: `dept:${d.id}`, label: `部门：${d.name}` })),
    ...reports.map((r) => ({ value: `report:${r.id}`, label: `总结：${r.title}` })),
  ];
  return (
    <div className="space-y-4">
      <NotifyTabs current="robots" />
      <div>
        <h1 className="text-xl font-semibold">群机器人</h1>
        <p className="mt-1 text-sm text-slate-500">
          把通知（退回、待审、催报、临近截止等）同时发到部门或总结的工作群。钉钉请开启「加签」、飞书请开启「签名校验」，并把密钥填在下面。
        </p>
      </div>
      <section className="card p-4" aria-labelledby="new-robot-heading">
        <h2 id="new-robot-heading" className="mb-3 font-medium">添加机器人</h2>
        <RobotForm scopes={scopes} />
      </section>
      {robots.length === 0 ? (
        <p className="card p-4 text-sm text-slate-500">还没有机器人。</p>
      ) : (
        <ul className="space-y-3" data-testid="robot-list">
          {robots.map((r) => (
            <li key={r.id} className={`card p-4 ${r.enabled ? "" : "bg-slate-50"}`} data-testid={`robot-${r.name}`}>
              <div className="mb-3 flex flex-wrap items-center gap-2">
                <span className="font-medium">{r.name}</span>
                <span className={`badge ${r.enabled ? "bg-green-100 text-green-800" : "bg-slate-200 text-slate-600"}`}>{r.enabled ? "启用中" : "已停用"}</span>
                <span className="text-xs text-slate-500">{r.departmentName ? `部门：${r.departmentName}` : r.reportTitle ? `总结：${r.reportTitle}` : "全部通知"}</span>
                <span className="ml-auto flex flex-wrap items-center justify-end gap-2">
                  <TestRobotButton id={r.id} />
                  <ToggleRobotButton id={r.id} enabled={r.enabled} />
                </span>
              </div>
              <RobotForm scopes={scopes} robot={r} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
