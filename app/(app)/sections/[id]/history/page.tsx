/**
 * History of a section: the audit log of review transitions and restores (who, when, from → to,
 * comment) and the frozen versions named 提交稿 n (lib/review/version-label.ts); `?version=<n>`
 * shows that version's text, with 恢复此版本 for whoever may restore (lib/policy.ts).
 */
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requirePageUser } from "@/app/_server/session";
import { getDb } from "@/db/client";
import { canSection } from "@/lib/policy";
import { formatDateTime } from "@/lib/reports/relative-time";
import { getVersionByNumber, listReviewEvents, listVersions } from "@/lib/review/history";
import { getSectionView } from "@/lib/review/section-view";
import { versionLabels } from "@/lib/review/version-label";
import { eventLabel, isReportOpen, isStaged, stateLabel } from "@/lib/workflow/vocabulary";
import { StateBadge } from "../sidebar/state-badge";
import { RestoreButton } from "./restore-button";

export const dynamic = "force-dynamic";

export default async function HistoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ version?: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const { version } = await searchParams;
  const db = await getDb();
  const section = await getSectionView(db, id).catch(() => null);
  if (!section) notFound();
  if (!canSection(user, "read", section)) forbidden();
  const [events, versions] = [await listReviewEvents(db, id), await listVersions(db, id)];
  const shown = version && /^\d+$/.test(version) ? await getVersionByNumber(db, id, Number(version)) : null;
  const labels = versionLabels(versions);
  const mayRestore = isReportOpen(section.report.status) && canSection(user, "restore", section);
  const label = (versionId: string | null) => (versionId ? labels.get(versionId)?.label ?? "" : "");
  const back = user.role === "editor" || !isStaged(section.state) ? `/sections/${id}` : `/sections/${id}/review`;

  return (
    <div className="space-y-4" data-testid="history-page">
      <div className="flex flex-wrap items-center gap-3">
        <Link href={`/reports/${section.reportId}`} className="text-sm text-brand-700 hover:underline">← {section.reportTitle}</Link>
        <h1 className="text-lg font-semibold">{section.number}{section.title} · 审核记录</h1>
        <StateBadge state={section.state} />
        <Link href={back} className="ml-auto text-sm text-brand-700 hover:underline">返回章节</Link>
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <section className="card overflow-x-auto lg:col-span-2">
          <h2 className="border-b border-slate-200 px-4 py-2 font-medium">审核记录</h2>
          {events.length === 0 ? (
            <p className="p-4 text-sm text-slate-500">还没有审核记录。</p>
          ) : (
            <table className="table table-cards" data-testid="audit-log">
              <thead><tr><th>时间</th><th>操作人</th><th>操作</th><th>环节</th><th>状态变化</th><th>意见 / 原因</th><th>版本</th></tr></thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.id} data-event={e.event}>
                    <td className="whitespace-nowrap text-xs">{formatDateTime(e.createdAt)}</td>
                    <td data-label="操作人">{e.actorName}</td>
                    <td data-label="操作">{eventLabel(e.event)}</td>
                    <td className="whitespace-nowrap text-xs" data-testid="event-stage">{e.stage ? `${e.stage}. ${e.stageName ?? ""}` : ""}</td>
                    <td className="whitespace-nowrap text-xs" data-label="状态">{stateLabel(e.fromState)} → {stateLabel(e.toState)}</td>
                    <td className="whitespace-pre-wrap text-xs">{e.comment ?? ""}</td>
                    <td className="whitespace-nowrap" data-label="版本">{e.versionNumber ? <Link className="text-brand-700 hover:underline" href={`?version=${e.versionNumber}`}>{label(e.versionId)}</Link> : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="card overflow-hidden">
          <h2 className="border-b border-slate-200 px-4 py-2 font-medium">历史版本</h2>
          {mayRestore && versions.length > 0 && <p className="px-4 pt-2 text-xs text-slate-500">点开一个版本可查看全文，并可把它恢复到正文。</p>}
          {versions.length === 0 ? (
            <p className="p-4 text-sm text-slate-500">还没有冻结的版本（提交审核时生成）。</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="version-list">
              {versions.map((v) => (
                <li key={v.id} className={`flex items-center justify-between px-4 py-2 ${shown?.id === v.id ? "bg-brand-50" : ""}`}>
                  <Link href={`?version=${v.number}`} className="text-brand-700 hover:underline" data-testid="version-label">{label(v.id)}</Link>
                  <span className="text-xs text-slate-500">{v.authorName} · {formatDateTime(v.createdAt)} · {v.chars} 字</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {version && !shown && <p className="text-sm text-red-600">没有这个版本。</p>}
      {shown && (
        <section className="card" data-testid="version-text">
          <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-4 py-2">
            <h2 className="font-medium">{label(shown.id)}（{formatDateTime(shown.createdAt)}）</h2>
            <span className="text-xs text-slate-500">{versions.find((v) => v.id === shown.id)?.chars ?? 0} 字</span>
            <div className="ml-auto">
              {mayRestore ? <RestoreButton sectionId={id} versionId={shown.id} label={label(shown.id)} /> : null}
            </div>
          </div>
          <div className="whitespace-pre-wrap px-6 py-4 font-serif text-base leading-8">{shown.text}</div>
        </section>
      )}
    </div>
  );
}
