/**
 * 审核流程 (admin): the chain templates a report can be created with, each as its stages and
 * approvers, with a dialog to create or edit one. Reports keep their own copy.
 */
import { forbiddenPage } from "@/app/_components/forbidden";
import { requirePageUser } from "@/app/_server/session";
import { getDb } from "@/db/client";
import { listDepartments } from "@/lib/accounts/departments";
import { listChainTemplates } from "@/lib/chains/templates";
import { canAdminister } from "@/lib/policy";
import { describeApprovers, STAGE_MODE_LABELS } from "@/lib/workflow";
import { DeleteTemplateButton } from "./delete-button";
import { TemplateDialog } from "./template-dialog";

export const dynamic = "force-dynamic";

export default async function ChainsPage() {
  const user = await requirePageUser();
  if (!canAdminister(user)) return forbiddenPage();
  const db = await getDb();
  const [templates, depts] = await Promise.all([listChainTemplates(db), listDepartments(db)]);
  const departments = depts.map((d) => d.name);
  return (
    <div className="space-y-4" data-testid="chains-page">
      <div className="flex items-center gap-3">
        <h1 className="text-xl font-semibold">审核流程</h1>
        <p className="text-sm text-slate-500">新建或导入总结时选择；未选择时为默认的一级审核（任一审核人通过）。</p>
        <div className="ml-auto"><TemplateDialog trigger="新建流程" departments={departments} /></div>
      </div>
      {templates.length === 0 && <div className="card p-6 text-slate-500">还没有审核流程模板。</div>}
      {templates.map((t) => (
        <section key={t.id} className="card p-4" data-testid="chain-template">
          <div className="mb-3 flex items-center gap-2">
            <h2 className="font-medium">{t.name}</h2>
            <span className="text-xs text-slate-500">{t.stages.length} 个环节</span>
            <div className="ml-auto flex gap-2">
              <TemplateDialog trigger="编辑" template={{ id: t.id, name: t.name, stages: t.stages }} departments={departments} />
              <DeleteTemplateButton id={t.id} name={t.name} />
            </div>
          </div>
          <ol className="flex flex-wrap items-stretch gap-2 text-sm">
            {t.stages.map((s, i) => (
              <li key={i} className="flex items-center gap-2">
                {i > 0 && <span className="text-slate-400">→</span>}
                <div className="rounded border border-slate-200 px-3 py-2">
                  <div className="font-medium">{i + 1}. {s.name}</div>
                  <div className="text-xs text-slate-500">{STAGE_MODE_LABELS[s.mode]} · {describeApprovers(s)}</div>
                </div>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
