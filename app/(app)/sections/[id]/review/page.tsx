/**
 * The review page of a section (approvers of its chain): the submitted version's text with the
 * changes since the last version a reviewer saw, text-anchored comments, the chain as a
 * stepper, and the decisions this account may take now (`availableEvents`: 通过, 退回修改
 * with an optional return to the previous stage, 转交); why not, when it may not; the
 * reviewer's own last return reason; and after acting, the next section waiting for them.
 */
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requirePageUser } from "@/app/_server/session";
import { getDb } from "@/db/client";
import { commentPanel } from "@/lib/comments/comment-panel";
import { availableEvents, canSection, eventRefusal } from "@/lib/policy";
import { countPlaceholders } from "@/lib/placeholders/find";
import { formatDateTime } from "@/lib/reports/relative-time";
import { delegateCandidates } from "@/lib/review/delegates";
import { listReviewEvents } from "@/lib/review/history";
import { reviewInbox } from "@/lib/review/inbox";
import { previousDiff } from "@/lib/review/previous-diff";
import { getReviewView } from "@/lib/review/review-view";
import { submittedWordLimitWarning } from "@/lib/review/word-limit-warning";
import { getSectionView } from "@/lib/review/section-view";
import { chainSteps } from "@/lib/review/stage-view";
import { APPROVING_EVENT, DELEGATING_EVENT, stepFor } from "@/lib/workflow";
import { EVENT_META, isReviewEvent, isStaged, STATE_META } from "@/lib/workflow/vocabulary";
import { CommentThreads } from "../comments/comment-threads";
import { LiveRefresh } from "../sidebar/live-refresh";
import { StateBadge } from "../sidebar/state-badge";
import { TransitionForm } from "../sidebar/transition-form";
import { ChainStepper } from "./chain-stepper";
import { TextPanel } from "./text-panel";

export const dynamic = "force-dynamic";

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const db = await getDb();
  const section = await getSectionView(db, id).catch(() => null);
  if (!section) notFound();
  const events = availableEvents(user, section, section.report);
  const decisions = events.filter((e) => EVENT_META[e].onReviewPage);
  // Editors reach the review page only as approvers (department lead, named account, delegate).
  const approverOfChain = section.review.approvals.some((a) => a.approverId === user.id) || user.lead;
  if (!canSection(user, "read", section) || (user.role === "editor" && decisions.length === 0 && !approverOfChain)) forbidden();
  const view = await getReviewView(db, section);
  // 与上期对比: instead of "全文均为新增" on a first review, a second option on later ones.
  const lastPeriod = view.submitted ? await previousDiff(db, section, view.submitted.text) : null;
  const overLimit = await submittedWordLimitWarning(db, id);
  const [panel, history, inbox] = [await commentPanel(db, id, user), await listReviewEvents(db, id), await reviewInbox(db, user)];
  const ownReturn = history.find((e) => isReviewEvent(e.event) && EVENT_META[e.event].returnReason && e.actorUsername === user.username);
  const next = inbox.find((i) => i.sectionId !== id);
  const staged = isStaged(section.state);
  const stage = section.review.chain[section.review.stage - 1];
  const previous = staged && section.review.stage > 1 ? section.review.chain[section.review.stage - 2]?.name : null;
  const baseLabel = view.caption;
  const mayApprove = events.includes(APPROVING_EVENT);
  const refusal = staged && !mayApprove ? eventRefusal(user, APPROVING_EVENT, section) : null;

  return (
    <div className="space-y-4" data-testid="review-page" data-state={section.state}>
      <LiveRefresh sectionId={id} state={section.state} />
      <div className="flex flex-wrap items-center gap-3">
        <Link href={`/reports/${section.reportId}`} className="text-sm text-brand-700 hover:underline">← {section.reportTitle}</Link>
        <h1 className="text-lg font-semibold">{section.number}{section.title}</h1>
        <StateBadge state={section.state} stage={staged && section.review.chain.length > 1 ? stage?.name : null} />
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
              审核对象：<span data-testid="review-version">{view.submittedLabel}</span>，提交于 {formatDateTime(view.submitted.createdAt)}
            </p>
            <TextPanel
              sectionId={id} diff={view.base || !lastPeriod ? view.diff : null} text={view.submitted.text} baseLabel={baseLabel}
              previous={lastPeriod && { diff: lastPeriod.diff, label: lastPeriod.label }} canComment={panel.canComment} candidates={panel.candidates}
            />
          </div>
          <div className="space-y-3">
            <section className="card space-y-3 p-4" data-testid="decision">
              <h2 className="font-medium">审核决定{staged && stage ? <span className="ml-1 text-xs font-normal text-slate-500">当前环节：{stage.name}</span> : null}</h2>
              <p className="text-xs text-slate-600">
                待补充内容：<span data-testid="review-placeholders">{countPlaceholders(view.submitted.text, section.intendedPlaceholders)}</span> 处
              </p>
              {overLimit && <p className="rounded bg-amber-50 p-2 text-xs text-amber-900" data-testid="over-limit-warning">{overLimit}</p>}
              {decisions.filter((e) => e !== DELEGATING_EVENT).map((e) => (
                <TransitionForm
                  key={e} sectionId={id} event={e} version={section.version} comment={EVENT_META[e].comment ?? undefined}
                  returnTo={stepFor(section.state, e)?.mayReturnToPrevious ? previous : null}
                />
              ))}
              {decisions.includes(DELEGATING_EVENT) && (
                <details className="text-sm" data-testid="delegate">
                  <summary className="cursor-pointer text-brand-700">转交他人审核</summary>
                  <div className="mt-2">
                    <TransitionForm
                      sectionId={id} event={DELEGATING_EVENT} version={section.version} comment={EVENT_META[DELEGATING_EVENT].comment ?? undefined}
                      delegates={delegateCandidates(user.id, section).map((a) => ({ username: a.username, name: a.name ?? a.username }))}
                    />
                  </div>
                </details>
              )}
              {!mayApprove && (
                <p className="rounded bg-slate-50 p-2 text-sm text-slate-600" data-testid="decision-closed">
                  {refusal ?? `当前状态为「${STATE_META[section.state].label}」，无需审核。`}
                </p>
              )}
              {ownReturn?.comment && (
                <div className="rounded border border-amber-200 bg-amber-50 p-2 text-xs" data-testid="own-return">
                  <div className="font-medium text-amber-800">您的退回意见（{formatDateTime(ownReturn.createdAt)}）</div>
                  <p className="whitespace-pre-wrap text-slate-800">{ownReturn.comment}</p>
                </div>
              )}
              {next && (
                <Link href={`/sections/${next.sectionId}/review`} className="btn w-full" data-testid="next-item">
                  下一项：{next.number}{next.title}（待我审核还有 {inbox.filter((i) => i.sectionId !== id).length} 项）
                </Link>
              )}
              {!next && !mayApprove && inbox.length === 0 && (
                <Link href="/inbox" className="block text-center text-xs text-brand-700 hover:underline" data-testid="inbox-empty">待我审核已全部处理 · 返回待办</Link>
              )}
            </section>
            <ChainStepper steps={chainSteps(section.state, section.departmentId, section.review)} chainName={section.report.chainName} />
            <section className="card p-4">
              <h2 className="mb-2 font-medium">批注</h2>
              <CommentThreads sectionId={id} threads={panel.threads} candidates={panel.candidates} canComment={panel.canComment} currentVersionId={view.submitted.id} />
            </section>
          </div>
        </div>
      )}
    </div>
  );
}
