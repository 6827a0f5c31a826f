import { requirePageUser } from "@/app/_server/session";
import { forbidden } from "next/navigation";
import { getDb } from "@/db/client";
import { listDepartments } from "@/lib/accounts/departments";
import { MAX_IMPORT_BYTES } from "@/lib/import";
import { prewarmImportWorker } from "@/lib/import/worker/run";
import { canReport } from "@/lib/policy";
import { listChainTemplates } from "@/lib/chains/templates";
import { ImportWizard } from "./import-wizard";

export const dynamic = "force-dynamic";

/** 新建 / 导入总结 (admins): upload or paste last year's summary, reshape the outline, create. */
export default async function ImportPage() {
  const user = await requirePageUser();
  if (!canReport(user, "administer")) forbidden();
  prewarmImportWorker(); // the upload that follows starts parsing at once
  const db = await getDb();
  const [departments, chains] = await Promise.all([listDepartments(db), listChainTemplates(db)]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">新建 / 导入总结</h1>
      <ImportWizard departments={departments.map((d) => ({ id: d.id, name: d.name }))} maxBytes={MAX_IMPORT_BYTES} chains={chains.map((c) => ({ id: c.id, name: c.name }))} />
    </div>
  );
}
