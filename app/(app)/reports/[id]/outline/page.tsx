import Link from "next/link";
import { requirePageUser } from "@/app/_server/session";
import { forbidden } from "next/navigation";
import { orNotFound } from "@/app/_server/or-not-found";
import { getDb } from "@/db/client";
import { listDepartments } from "@/lib/accounts/departments";
import { canReport } from "@/lib/policy";
import { getReportWithOutline } from "@/lib/reports/get-report";
import { isReportOpen, stateLabel } from "@/lib/workflow/vocabulary";
import { DraftsVisibleToggle } from "./drafts-visible-toggle";
import { OutlineEditor } from "./outline-editor";

export const dynamic = "force-dynamic";

/** 编辑提纲 (admins): the outline with live numbers, reordering, levels, assignment and dates. */
export default async function OutlinePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  if (!canReport(user, "administer")) forbidden();
  const { id } = await params;
  const db = await getDb();
  const [{ report, sections }, departments] = await Promise.all([orNotFound(getReportWithOutline(db, id)), listDepartments(db)]);
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3">
        <h1 className="text-xl font-semibold">编辑提纲：{report.title}</h1>
        <div className="ml-auto flex gap-2">
          <Link className="btn" href={`/reports/${id}`}>返回总结</Link>
          <Link className="btn" href={`/reports/${id}/preview`}>预览全文</Link>
        </div>
      </div>
      {!isReportOpen(report.status) && (
        <p className="card border-amber-300 bg-amber-50 p-3 text-sm text-amber-800">总结已定稿，提纲不能修改；如需修改，请在预览页「重新打开」。</p>
      )}
      <DraftsVisibleToggle reportId={id} visible={report.draftsVisibleToAll} disabled={!isReportOpen(report.status)} />
      <OutlineEditor
        reportId={id}
        locked={!isReportOpen(report.status)}
        departments={departments.map((d) => ({ id: d.id, name: d.name }))}
        sections={sections.map((s) => ({
          id: s.id, parentId: s.parentId, level: s.level, number: s.number, title: s.title, departmentId: s.departmentId ?? "",
          dueDate: s.dueDate ?? "", wordLimit: s.wordLimit, headingOnly: s.headingOnly, stateLabel: s.headingOnly ? "" : stateLabel(s.state),
        }))}
      />
    </div>
  );
}
