/**
 * The dashboard's section table: numbered titles indented by level (heading-only sections as
 * group rows), department dot, state, due date with 逾期, last activity, placeholders. On a
 * phone each row is a card (`.table-cards` in globals.css, column names from `data-label`).
 */
import Link from "next/link";
import type { CurrentUser } from "@/app/_server/session";
import { canSection } from "@/lib/policy";
import type { DashboardRow } from "@/lib/reports/dashboard";
import { formatDateTime, formatRelative } from "@/lib/reports/relative-time";
import { StateBadge } from "@/app/_components/state-badge";
import { isStaged } from "@/lib/workflow/vocabulary";
import { limitLabel } from "@/lib/text/word-limit";

/** Where a row's title leads this user: the review page for sections waiting for them (their inbox), else the editor page. */
function hrefFor(user: CurrentUser, s: DashboardRow, waiting: Set<string>): string | null {
  if (waiting.has(s.id)) return `/sections/${s.id}/review`;
  if (!canSection(user, "read", s)) return null;
  if (isStaged(s.state) && user.role !== "editor") return `/sections/${s.id}/review`;
  return `/sections/${s.id}`;
}

export function SectionTable({ rows, user, now, waiting }: { rows: DashboardRow[]; user: CurrentUser; now: Date; waiting: Set<string> }) {
  return (
    <div className="card overflow-hidden">
      <table className="table table-cards" data-testid="section-table">
        <thead>
          <tr><th>章节</th><th className="w-32">部门</th><th className="w-40">状态</th><th className="w-32">截止日期</th><th className="w-28">最近动态</th><th className="w-20 text-right">待补充</th></tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr><td colSpan={6} className="py-6 text-center text-slate-500">没有符合筛选条件的章节。</td></tr>
          )}
          {rows.map((s) => {
            const indent = { paddingLeft: `${12 + (s.level - 1) * 20}px` };
            if (s.headingOnly) {
              return (
                <tr key={s.id} className="bg-slate-50" data-testid="group-row">
                  <td colSpan={6} style={indent} className="font-semibold text-slate-700">{s.number}{s.title}</td>
                </tr>
              );
            }
            const href = hrefFor(user, s, waiting);
            return (
              <tr key={s.id} data-testid="section-row" data-section={s.id} data-state={s.state}>
                <td style={indent}>
                  {href ? (
                    <Link href={href} className="text-brand-700 hover:underline">{s.number}{s.title}</Link>
                  ) : (
                    <span className="text-slate-600">{s.number}{s.title}</span>
                  )}
                  {s.words.over && (
                    <span className="badge ml-1 whitespace-nowrap bg-amber-100 text-amber-800" data-testid="row-over-limit" title={`字数要求：${limitLabel(s.words.limit)}`}>
                      超出字数 {s.words.words}/{s.words.limit}
                    </span>
                  )}
                </td>
                <td data-label="部门">
                  <span className="flex items-center gap-1.5 text-xs">
                    <span className="inline-block h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: s.departmentColor ?? "#cbd5e1" }} />
                    {s.departmentName ?? "未分配"}
                  </span>
                </td>
                <td data-label="状态">
                  <StateBadge state={s.state} />
                  {s.stageLabel && <span className="ml-1 whitespace-nowrap text-xs text-slate-500" data-testid="row-stage">{s.stageLabel}</span>}
                </td>
                <td className="text-xs" data-label="截止">
                  {s.dueDate ?? "—"}
                  {s.overdue && <span className="badge ml-1 bg-red-100 text-red-700" data-testid="overdue">逾期</span>}
                </td>
                <td className="text-xs text-slate-500" data-label="动态" title={formatDateTime(s.lastActivityAt)}>{formatRelative(s.lastActivityAt, now)}</td>
                <td className="text-right text-xs" data-label="待补充" data-testid="row-placeholders">
                  {s.placeholders ? <span className="badge bg-yellow-100 text-yellow-800">{s.placeholders}</span> : <span className="text-slate-400">0</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
