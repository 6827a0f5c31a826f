/**
 * The review page of a section (reviewers and admins): the submitted version's text with the
 * changes since the last version a reviewer saw, text-anchored comments, and 通过 / 退回修改.
 */
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requirePageUser } from "@/app/_server/session";
import { getDb } from "@/db/client";
import { listComments } from "@/lib/comments/comments";
import { canSection } from "@/lib/policy";
import { countPlaceholders } from "@/lib/placeholders/find";
import { formatDateTime } from "@/lib/reports/relative-time";
import { getReviewView } from "@/lib/review/review-view";
import { getSectionView } from "@/lib/review/section-view";
import { STATE_LABELS } from "@/lib/review/state-machine";
import { CommentList } from "../sidebar/comment-list";
import { LiveRefresh } from "../sidebar/live-refresh";
import { StateBadge } from "../sidebar/state-badge";
import { TransitionForm } from "../sidebar/transition-form";
import { TextPanel } from "./text-panel";

export const dynamic = "force-dynamic";

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const db = await getDb();
  const section = await getSectionView(db, id).catch(() => null);
  if (!section) notFound();
  if (user.role === "editor" || !canSection(user, "read", section)) forbidden();
  const view = await getReviewView(db, section);
  const comments = await listComments(db, id);
  const canDecide = canSection(user, "approve", section);
  const baseLabel = view.base
    ? `与上次审核的第 ${view.base.number} 版相比：新增 ${view.stats.added} 字，删除 ${view.stats.removed} 字`
    : "首次审核：全文均为新增内容";

  return (
    <div className="space-y-4" data-testid="review-page" data-state={section.state}>
      <LiveRefresh sectionId={id} state={section.state} />
      <div className="flex flex-wrap items-center gap-3">
        <Link href={`/reports/${section.reportId}`} className="text-sm text-brand-700 hover:underline">← {section.reportTitle}</Link>
        <h1 className="text-lg font-semibold">{section.number}{section.title}</h1>
        <StateBadge state={section.state} />
        <span className="flex items-center gap-1 text-sm text-slate-500">
          <span className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: section.departmentColor ?? "#94a3b8" }} />
          {section.departmentName ?? "未分配"}
        </span>
        <Link href={`/sections/${id}/history`} className="ml-auto text-sm text-brand-700 hover:underline">审核记录与历史版本</Link>
      </div>
      {!view.submitted ? (
        <div className="card p-6 text-slate-500">该章节还没有提交过，暂无可审核的内容。</div>
      ) : (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
          <div className="space-y-2 lg:col-span-2">
            <p className="text-xs text-slate-500">
              审核对象：第 {view.submitted.number} 版，提交于 {formatDateTime(view.submitted.createdAt)}
            </p>
            <TextPanel sectionId={id} diff={view.diff} text={view.submitted.text} baseLabel={baseLabel} canComment={canSection(user, "comment", section)} />
          </div>
          <div className="space-y-3">
            <section className="card space-y-3 p-4" data-testid="decision">
              <h2 className="font-medium">审核决定</h2>
              <p className="text-xs text-slate-600">
                待补充内容：<span data-testid="review-placeholders">{countPlaceholders(view.submitted.text, section.intendedPlaceholders)}</span> 处
              </p>
              {canDecide ? (
                <>
                  <TransitionForm sectionId={id} event="approve" version={section.version} label="通过" primary />
                  <TransitionForm
                    sectionId={id} event="request_changes" version={section.version} label="退回修改"
                    comment={{ label: "退回意见（必填）", placeholder: "请写明需要修改的内容" }}
                  />
                </>
              ) : (
                <p className="rounded bg-slate-50 p-2 text-sm text-slate-600" data-testid="decision-closed">
                  当前状态为「{STATE_LABELS[section.state]}」，无需审核。
                </p>
              )}
            </section>
            <section className="card p-4">
              <h2 className="mb-2 font-medium">批注</h2>
              <CommentList comments={comments} />
            </section>
          </div>
        </div>
      )}
    </div>
  );
}
