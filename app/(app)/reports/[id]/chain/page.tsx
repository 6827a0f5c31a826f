/**
 * A report's review chain (admin): edit its own copy, or start from a template. Refused (409)
 * while any section is in review.
 */
import Link from "next/link";
import { eq } from "drizzle-orm";
import { forbiddenPage } from "@/app/_components/forbidden";
import { requirePageUser } from "@/app/_server/session";
import { getDb } from "@/db/client";
import { reports } from "@/db/schema";
import { listDepartments } from "@/lib/accounts/departments";
import { canReport } from "@/lib/policy";
import { ReportChainForm } from "./report-chain-form";
import { listChainTemplates } from "@/lib/chains/templates";

export const dynamic = "force-dynamic";

export default async function ReportChainPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  if (!canReport(user, "administer")) return forbiddenPage("只有管理员可以设置审核流程");
  const { id } = await params;
  const db = await getDb();
  const [report] = await db.select().from(reports).where(eq(reports.id, id));
  if (!report) return forbiddenPage("总结不存在或已被删除");
  const [depts, templates] = await Promise.all([listDepartments(db), listChainTemplates(db)]);
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3">
        <Link href={`/reports/${id}`} className="text-sm text-brand-700 hover:underline">← {report.title}</Link>
        <h1 className="text-xl font-semibold">审核流程</h1>
      </div>
      <section className="card p-4">
        <ReportChainForm
          reportId={id} name={report.reviewChainName} stages={report.reviewChain}
          departments={depts.map((d) => d.name)} templates={templates.map((t) => ({ id: t.id, name: t.name, stages: t.stages }))}
        />
      </section>
    </div>
  );
}
