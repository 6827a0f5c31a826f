import Link from "next/link";
import { requirePageUser } from "@/app/_server/session";
import { forbidden } from "next/navigation";
import { orNotFound } from "@/app/_server/or-not-found";
import { getDb } from "@/db/client";
import { assembleReport } from "@/lib/assembly/assemble-report";
import { getFinal, listFinals } from "@/lib/assembly/finals";
import { canReport } from "@/lib/policy";
import { PART_LABELS } from "@/lib/reports/parts-placeholders";
import { loadReportParts } from "@/lib/reports/report-parts";
import { isDone, isReportOpen } from "@/lib/workflow/vocabulary";
import { compareWithPrevious } from "@/lib/reports/compare-previous";
import { Paper } from "./paper";
import { PreviousComparison } from "./previous-comparison";
import { Toolbar } from "./toolbar";

export const dynamic = "force-dynamic";

const time = (d: Date) => d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });

/**
 * 预览 (reviewers, admins): the assembled document now, or with `?compare=previous` each section
 * against last period's text (与上期对比); admins finalize, export and reopen here.
 */
export default async function PreviewPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ compare?: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const { compare } = await searchParams;
  const db = await getDb();
  const { report, sections, opening, placeholders } = await orNotFound(loadReportParts(db, id));
  if (!canReport(user, "preview", report)) forbidden();
  const finalized = !isReportOpen(report.status);
  const doc = finalized ? (await getFinal(db, id)).document : await assembleReport(db, id, { useApproved: false });
  const finals = await listFinals(db, id);
  const headingOnly = new Set(sections.filter((s) => s.headingOnly).map((s) => s.id));
  const pending = sections.filter((s) => !s.headingOnly && !isDone(s.state)).map((s) => `${s.number}${s.title}`);
  const reviewed = sections.length - headingOnly.size;
  // 与上期对比 is offered when a section has a last period (rolled forward, or imported).
  const hasPrevious = sections.some((s) => s.previousSectionId || s.importedText);
  const comparing = hasPrevious && compare === "previous";
  const openingPending = opening && !isDone(opening.state) ? ["开头（导语）"] : [];
  const titleOf = new Map(sections.map((s) => [s.id, `${s.number}${s.title}`]));
  const blanks = placeholders.map((p) => ({
    key: p.key, text: p.text, context: p.context,
    where: p.sectionId ? `${PART_LABELS[p.part]} · ${titleOf.get(p.sectionId) ?? ""}` : PART_LABELS[p.part],
  }));
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">全文预览</h1>
        {finalized ? (
          <span className="badge bg-green-100 text-green-800">已定稿 · 第{finals[0]?.number}版</span>
        ) : (
          <span className="badge bg-blue-50 text-blue-700" data-testid="approved-count">已通过 {reviewed - pending.length} / {reviewed} 个章节</span>
        )}
        <div className="ml-auto flex flex-wrap gap-2">
          {hasPrevious && (
            <Link className={`btn ${comparing ? "btn-primary" : ""}`} href={comparing ? `/reports/${id}/preview` : `/reports/${id}/preview?compare=previous`} data-testid="preview-compare" aria-pressed={comparing}>
              与上期对比
            </Link>
          )}
          <Link className="btn" href={`/reports/${id}`}>返回总结</Link>
          {canReport(user, "administer") && <Link className="btn" href={`/reports/${id}/outline`}>编辑提纲</Link>}
        </div>
      </div>
      <div className="grid items-start gap-4 lg:grid-cols-[1fr_280px]">
        <div className="rounded-lg bg-slate-200/70 p-4">
          {comparing ? <PreviousComparison sections={(await compareWithPrevious(db, id)).sections} /> : <Paper doc={doc} headingOnly={headingOnly} />}
        </div>
        {canReport(user, "finalize") ? (
          <Toolbar reportId={id} version={report.version} finalized={finalized} pending={[...openingPending, ...pending]} blanks={blanks}
            finals={finals.map((f) => ({ number: f.number, createdAt: time(f.createdAt), createdByName: f.createdByName }))} />
        ) : (
          <aside className="card p-4 text-sm text-slate-500" data-testid="preview-note">
            {user.role === "editor" ? "本总结已开放全文草稿查看：可以阅读各部门的章节，不能修改。" : "审核人可随时预览全文；定稿和导出由管理员进行。"}
          </aside>
        )}
      </div>
    </div>
  );
}
