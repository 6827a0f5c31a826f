/**
 * Right-hand sidebar of the section editor page: review state, the actions this user may fire
 * (提交审核 / 撤回提交 for editors; a link to the review page for reviewers; 重新打开 for
 * admins), the placeholder list with 有意保留 marks, the reviewer's comments, the edits the
 * collaboration server refused (未被接受的修改, with 复制全文) and a history link. Re-renders live when the editor reports a state change.
 */
import Link from "next/link";
import type { CurrentUser } from "@/app/_server/session";
import { getDb } from "@/db/client";
import { listComments } from "@/lib/comments/comments";
import { canSection } from "@/lib/policy";
import { listReviewEvents } from "@/lib/review/history";
import { listRejectedDrafts } from "@/lib/review/rejected-drafts";
import { sectionPlaceholders } from "@/lib/review/intended-placeholders";
import { getSectionView } from "@/lib/review/section-view";
import { availableEvents, EDITABLE_STATES } from "@/lib/review/state-machine";
import { formatDateTime } from "@/lib/reports/relative-time";
import { todayIso } from "@/lib/reports/dashboard";
import { latestVersion } from "@/lib/review/versions";
import { CommentList } from "./comment-list";
import { LiveRefresh } from "./live-refresh";
import { PlaceholderList } from "./placeholder-list";
import { RejectedDrafts } from "./rejected-drafts";
import { StateBadge } from "./state-badge";
import { TransitionForm } from "./transition-form";

export async function SectionSidebar({ sectionId, user }: { sectionId: string; user: CurrentUser }) {
  const db = await getDb();
  const section = await getSectionView(db, sectionId);
  if (!canSection(user, "read", section)) return null;
  const [placeholders, comments, events, submitted, drafts] = [
    await sectionPlaceholders(db, sectionId), await listComments(db, sectionId),
    await listReviewEvents(db, sectionId), await latestVersion(db, sectionId),
    await listRejectedDrafts(db, sectionId, user),
  ];
  const actor = { role: user.role, inAssignedDepartment: user.departmentId === section.departmentId };
  const events_ = availableEvents(section.state, actor);
  const returned = events.find((e) => e.event === "request_changes");
  const overdue = !!section.dueDate && section.dueDate < todayIso() && section.state !== "approved";
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
          <dd data-testid="section-version">{submitted ? `第 ${submitted.number} 版（${submitted.kind === "approved" ? "已通过" : "已提交"}）` : "尚未提交"}</dd>
          <dt>截止日期</dt>
          <dd>{section.dueDate ?? "未设置"}{overdue && <span className="ml-1 badge bg-red-100 text-red-700">逾期</span>}</dd>
        </dl>
        {!EDITABLE_STATES.includes(section.state) && user.role === "editor" && (
          <p className="rounded bg-slate-50 p-2 text-xs text-slate-600">
            {section.state === "in_review" ? "已提交审核，正文暂不可编辑；如需修改，请先撤回提交。" : "已审核通过，正文已锁定。"}
          </p>
        )}
        {events_.includes("submit") && (
          <TransitionForm sectionId={sectionId} event="submit" version={section.version} label="提交审核" primary />
        )}
        {events_.includes("withdraw") && (
          <TransitionForm sectionId={sectionId} event="withdraw" version={section.version} label="撤回提交" />
        )}
        {events_.includes("approve") && (
          <Link href={`/sections/${sectionId}/review`} className="btn btn-primary w-full" data-testid="review-link">进入审核</Link>
        )}
        {events_.includes("reopen") && (
          <TransitionForm
            sectionId={sectionId} event="reopen" version={section.version} label="重新打开"
            comment={{ label: "重新打开的原因", placeholder: "例如：数据需要更新" }}
          />
        )}
      </section>

      {section.state === "changes_requested" && returned?.comment && (
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

      <section className="card p-4">
        <h3 className="mb-2 font-medium">审核批注</h3>
        <CommentList comments={comments} />
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
