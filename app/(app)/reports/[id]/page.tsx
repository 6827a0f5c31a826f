/**
 * The report dashboard: every section with number, department, state, due date (逾期),
 * last activity and placeholders; progress per department and overall; filters by state and
 * department (`?state=&dept=`, editors default to their own department); toolbar links to the
 * preview, outline and export for reviewers/admins; 开始下一期 on a finalized report (admins)
 * and a link to the previous period's report; per department the days left and 催报; the
 * report's own parts (opening, 主送, 附件, 落款, blanks per part).
 */
import Link from "next/link";
import { forbidden } from "next/navigation";
import { orNotFound } from "@/app/_server/or-not-found";
import { requirePageUser } from "@/app/_server/session";
import { getDb } from "@/db/client";
import { chaseBoard } from "@/lib/chase/chase-board";
import { canReport, canSection } from "@/lib/policy";
import { getDashboard, isSectionState } from "@/lib/reports/dashboard";
import { limitLabel } from "@/lib/text/word-limit";
import { reviewInbox } from "@/lib/review/inbox";
import { guessPeriod } from "@/lib/reports/import-plan";
import { reportEventAllowed } from "@/lib/workflow/report-lifecycle";
import { isReportOpen, REPORT_STATUS_META } from "@/lib/workflow/vocabulary";
import { DepartmentChase } from "./_dashboard/department-chase";
import { Filters } from "./_dashboard/filters";
import { ProgressBars } from "./_dashboard/progress-bars";
import { RollForwardDialog } from "./_dashboard/roll-forward-dialog";
import { SectionTable } from "./_dashboard/section-table";
import { ReportPartsCard } from "./_dashboard/report-parts";
import { loadReportParts } from "@/lib/reports/report-parts";
import { countByPart } from "@/lib/reports/parts-placeholders";

export const dynamic = "force-dynamic";

export default async function ReportPage({
  params, searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ state?: string; dept?: string }>;
}) {
  const user = await requirePageUser();
  const { id } = await params;
  const query = await searchParams;
  if (!canReport(user, "read")) forbidden();
  const state = isSectionState(query.state) ? query.state : undefined;
  // Editors land on their department's sections; `dept=all` shows every row.
  const dept = query.dept === "all" ? undefined : query.dept || (user.role === "editor" ? user.departmentId : undefined);
  const db = await getDb();
  const dash = await orNotFound(getDashboard(db, id, { state, dept }));
  const { report } = dash;
  const parts = await loadReportParts(db, id);
  const now = new Date();

  return (
    <div className="space-y-4" data-testid="dashboard">
      <div className="flex flex-wrap items-center gap-3">
        <div>
          <h1 className="text-xl font-semibold">{report.title}</h1>
          <p className="text-xs text-slate-500">
            {report.period && `${report.period} · `}截止 {report.deadline ?? "未设置"} · 共 {dash.totalSections} 个章节
            {!isReportOpen(report.status) && <span className={`badge ml-2 ${REPORT_STATUS_META[report.status].tone}`}>{REPORT_STATUS_META[report.status].label}</span>}
            {" · "}审核流程：<span data-testid="report-chain">{report.reviewChainName}（{report.reviewChain.map((s) => s.name).join(" → ")}）</span>
            {canReport(user, "administer") && isReportOpen(report.status) && <Link href={`/reports/${id}/chain`} className="ml-1 text-brand-700 hover:underline">修改</Link>}
            {report.previousReportId && <>{" · "}<Link href={`/reports/${report.previousReportId}`} className="text-brand-700 hover:underline" data-testid="previous-report">查看上期</Link></>}
          </p>
        </div>
        <div className="ml-auto flex gap-2">
          {canReport(user, "preview", report) && <Link href={`/reports/${id}/preview`} className="btn">预览全文</Link>}
          {canReport(user, "administer") && <Link href={`/reports/${id}/outline`} className="btn">编辑大纲</Link>}
          {canReport(user, "administer") && reportEventAllowed(report.status, "roll_forward") && (
            <RollForwardDialog reportId={id} title={report.title} period={report.period || guessPeriod(report.title)} />
          )}
          {canReport(user, "export") && <a href={`/api/reports/${id}/export?format=docx`} className="btn btn-primary">导出</a>}
        </div>
      </div>
      <ProgressBars overall={dash.overall} departments={dash.departments} />
      <DepartmentChase reportId={id} board={await chaseBoard(db, id, now)} now={now} canChase={canReport(user, "administer") && isReportOpen(report.status)} />
      <ReportPartsCard
        reportId={id} opening={parts.opening} addressee={report.addressee} attachments={report.attachments} signOff={parts.signOff}
        counts={countByPart(parts.placeholders)} canReadOpening={!!parts.opening && canSection(user, "read", parts.opening)}
        canEditOpening={!!parts.opening && canSection(user, "edit", parts.opening)}
        isAdmin={canReport(user, "administer")}
      />
      {dash.overLimit.length > 0 && (
        <div className="card border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="over-limit">
          <p className="font-medium">{dash.overLimit.length} 个章节超出字数要求：</p>
          <ul className="mt-1 space-y-0.5 text-xs">
            {dash.overLimit.map((s) => (
              <li key={s.id}>{s.number}{s.title}（{s.departmentName ?? "未分配"}）：{s.words.words} 字，{limitLabel(s.words.limit)}，超出 {s.words.excess} 字</li>
            ))}
          </ul>
        </div>
      )}
      <Filters
        departments={dash.departments.filter((d) => d.departmentId).map((d) => ({ id: d.departmentId!, name: d.name }))}
        state={state ?? ""}
        dept={dept ?? ""}
        ownDept={user.role === "editor" ? { id: user.departmentId, name: user.departmentName } : null}
      />
      <SectionTable rows={dash.rows} user={user} now={now} waiting={new Set((await reviewInbox(db, user)).map((i) => i.sectionId))} />
    </div>
  );
}
