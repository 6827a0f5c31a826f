/**
 * Right-hand sidebar of the section editor page: review state (and chain stage), the actions
 * this user may fire now (`availableEvents`: 提交审核 / 撤回提交 / 重新打开 here; approvers get a
 * link to the review page), the placeholder list with 有意保留 marks, the reviewers' return
 * reason, comment threads (replies, @mentions, resolve; the editor's 批注 button fills the
 * comment box), the edits the collaboration server refused (未被接受的修改, with 复制全文)
 * and a history link. Re-renders live when the editor reports a state change.
 */
import Link from "next/link";
import type { CurrentUser } from "@/app/_server/session";
import { getDb } from "@/db/client";
import { commentPanel } from "@/lib/comments/comment-panel";
import { availableEvents, canSection } from "@/lib/policy";
import { listReviewEvents, listVersions } from "@/lib/review/history";
import { listRejectedDrafts } from "@/lib/review/rejected-drafts";
import { sectionPlaceholders } from "@/lib/review/intended-placeholders";
import { getSectionView } from "@/lib/review/section-view";
import { EVENT_META, isDone, isReviewEvent, isStaged, STATE_META } from "@/lib/workflow/vocabulary";
import { versionLabel } from "@/lib/review/version-label";
import { submittedWordLimitWarning } from "@/lib/review/word-limit-warning";
import { formatDateTime } from "@/lib/reports/relative-time";
import { todayIso } from "@/lib/reports/dashboard";
import { latestVersion } from "@/lib/review/versions";
import { CommentThreads } from "../comments/comment-threads";
import { LiveRefresh } from "./live-refresh";
import { PlaceholderList } from "./placeholder-list";
import { RejectedDrafts } from "./rejected-drafts";
import { StateBadge } from "./state-badge";
import { TransitionForm } from "./transition-form";

export async function SectionSidebar({ sectionId, user }: { sectionId: string; user: CurrentUser }) {
  const db = await getDb();
  const section = await getSectionView(db, sectionId);
  if (!canSection(user, "read", section)) return null;
  const [placeholders, panel, events, submitted, versions, drafts] = [
    await sectionPlaceholders(db, sectionId), await commentPanel(db, sectionId, user),
    await listReviewEvents(db, sectionId), await latestVersion(db, sectionId), await listVersions(db, sectionId),
    // Refused edits are the department's own business: not shown to 各部门可查看全文草稿 readers.
    canSection(user, "comment", section) ? await listRejectedDrafts(db, sectionId, user) : [],
  ];
  // 字数要求 is advice: a submission over it goes through and says so here, to editors and reviewers.
  const overLimit = isStaged(section.state) || isDone(section.state) ? await submittedWordLimitWarning(db, sectionId) : null;
  const allowed = availableEvents(user, section, section.report);
  const here = allowed.filter((e) => !EVENT_META[e].onReviewPage);
  // The latest transition (a restore is no transition), when it returned the section to the editors with a reason (退回意见).
  const last = events.find((e) => isReviewEvent(e.event));
  const returned = STATE_META[section.state].editable && last && isReviewEvent(last.event) && EVENT_META[last.event].returnReason ? last : undefined;
  const overdue = !!section.dueDate && section.dueDate < todayIso() && !isDone(section.state);
  const stage = isStaged(section.state) ? section.review.chain[section.review.stage - 1] : undefined;
  const open = placeholders.filter((p) => !p.intended).length;

  return (
    <aside className="space-y-3 text-sm" data-testid="section-sidebar" data-state={section.state} data-version={section.version}>
      <LiveRefresh sectionId={sectionId} state={section.state} />
      <section className="card space-y-3 p-4">
        <div className="flex items-center justify-between">
          <span className="text-slate-500">审核状态</span>
          <StateBadge state={section.state} />
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs text-slate-600">
          <dt>当前版本</dt>
          <dd data-testid="section-version">{versions[0] ? versionLabel(versions, versions[0].id) : "尚未提交"}</dd>
          {stage && section.review.chain.length > 1 && (
            <>
              <dt>审核环节</dt>
              <dd data-testid="sidebar-stage">第 {section.review.stage}/{section.review.chain.length} 环节 · {stage.name}</dd>
            </>
          )}
          <dt>截止日期</dt>
          <dd>{section.dueDate ?? "未设置"}{overdue && <span className="ml-1 badge bg-red-100 text-red-700">逾期</span>}</dd>
        </dl>
        {overLimit && (
          <p className="rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900" role="status" data-testid="over-limit-warning">
            {overLimit}。字数要求只作提醒，不影响提交。
          </p>
        )}
        {STATE_META[section.state].lockedHint && user.role === "editor" && (
          <p className="rounded bg-slate-50 p-2 text-xs text-slate-600">{STATE_META[section.state].lockedHint}</p>
        )}
        {here.map((e) => (
          <TransitionForm key={e} sectionId={sectionId} event={e} version={section.version} comment={EVENT_META[e].comment ?? undefined} />
        ))}
        {allowed.some((e) => EVENT_META[e].onReviewPage) && (
          <Link href={`/sections/${sectionId}/review`} className="btn btn-primary w-full" data-testid="review-link">进入审核</Link>
        )}
      </section>

      {returned?.comment && (
        <section className="card border-red-200 bg-red-50 p-4" data-testid="returned-comment">
          <h3 className="mb-1 font-medium text-red-800">退回意见</h3>
          <p className="whitespace-pre-wrap text-slate-800">{returned.comment}</p>
          <p className="mt-1 text-xs text-slate-500">{returned.actorName} · {formatDateTime(returned.createdAt)}</p>
        </section>
      )}

      <section className="card p-4">
        <h3 className="mb-2 font-medium">
          待补充内容 <span className={`badge ${open ? "bg-yellow-100 text-yellow-800" : "bg-green-100 text-green-800"}`} data-testid="sidebar-placeholder-count">{open}</span>
        </h3>
        <PlaceholderList sectionId={sectionId} items={placeholders.map(({ key, label, context, intended }) => ({ key, label, context, intended }))} canMark={canSection(user, "edit", section)} />
      </section>

      <section className="card p-4" data-testid="comments-card">
        <h3 className="mb-2 font-medium">
          批注 {panel.threads.some((t) => !t.resolved) && <span className="badge bg-amber-100 text-amber-800" data-testid="open-comment-count">{panel.threads.filter((t) => !t.resolved).length}</span>}
        </h3>
        <CommentThreads sectionId={sectionId} threads={panel.threads} candidates={panel.candidates} canComment={panel.canComment} composer />
      </section>

      {drafts.length > 0 && (
        <section className="card p-4" data-testid="rejected-drafts-card">
          <h3 className="mb-1 font-medium">
            未被接受的修改 <span className="badge bg-red-100 text-red-700">{drafts.length}</span>
          </h3>
          <p className="mb-2 text-xs text-slate-500">章节锁定时输入或离线副本中的修改不会合并进正文，保存在这里供查看和复制。</p>
          <RejectedDrafts
            items={drafts.map((d) => ({ id: d.id, authorName: d.authorName, reasonLabel: d.reasonLabel, text: d.text, createdAt: formatDateTime(d.createdAt) }))}
          />
        </section>
      )}

      <Link href={`/sections/${sectionId}/history`} className="block text-center text-xs text-brand-700 hover:underline">
        查看审核记录与历史版本 →
      </Link>
    </aside>
  );
}
