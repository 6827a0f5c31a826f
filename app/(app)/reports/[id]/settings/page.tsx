/**
 * 总结设置 (admin): the report's own printed parts — title, 主送机关, 附件说明 (add, remove,
 * reorder) and 落款 (unit, 成文日期) — and which department writes the opening. The opening's
 * text is edited in its own collaborative editor (linked here and from the dashboard).
 * Read-only while the report is finalized.
 */
import Link from "next/link";
import { forbiddenPage } from "@/app/_components/forbidden";
import { orNotFound } from "@/app/_server/or-not-found";
import { requirePageUser } from "@/app/_server/session";
import { getDb } from "@/db/client";
import { canReport } from "@/lib/policy";
import { loadReportParts } from "@/lib/reports/report-parts";
import { isReportOpen } from "@/lib/workflow/vocabulary";
import { SettingsForm } from "./settings-form";
import { OpeningAssignment } from "./opening-assignment";
import { listDepartments } from "@/lib/accounts/departments";

export const dynamic = "force-dynamic";

export default async function ReportSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  if (!canReport(user, "administer")) return forbiddenPage("只有管理员可以修改总结的标题、主送、附件和落款");
  const { id } = await params;
  const db = await getDb();
  const [{ report, opening }, departments] = await Promise.all([orNotFound(loadReportParts(db, id)), listDepartments(db)]);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <Link href={`/reports/${id}`} className="text-sm text-brand-700 hover:underline">← {report.title}</Link>
        <h1 className="text-xl font-semibold">总结设置</h1>
      </div>
      {opening && (
        <section className="card space-y-2 p-4" aria-label="开头">
          <p className="text-sm text-slate-600">
            开头（导语）与章节一样多人协作撰写并审核：<Link className="text-brand-700 hover:underline" href={`/sections/${opening.id}`}>编辑开头</Link>
          </p>
          <OpeningAssignment reportId={id} openingId={opening.id} departmentId={opening.departmentId} disabled={!isReportOpen(report.status)}
            departments={departments.map((d) => ({ id: d.id, name: d.name }))} />
        </section>
      )}
      <SettingsForm
        reportId={id}
        disabled={!isReportOpen(report.status)}
        organisation={report.organisationName}
        initial={{
          title: report.title, addressee: report.addressee, attachments: report.attachments,
          unit: report.signOffUnit ?? "", date: report.signOffDate ?? "",
        }}
      />
    </div>
  );
}
