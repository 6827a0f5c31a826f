/**
 * 部门进度与催报: one row per department (a card on a phone) with its progress, the days left
 * until its earliest open due date (还剩 3 天, 今天截止, 逾期 2 天 in red), its latest 催报
 * ("已于 14:05 由 林主任 催报") and, for admins while the report is open, a 催报 button
 * (disabled within the hourly limit) and "催报全部逾期".
 */
import type { ChaseBoard } from "@/lib/chase/chase-board";
import { clockTime, dueLabel, shortMoment } from "@/lib/chase/dates";
import { ChaseDialog } from "./chase-dialog";

function DueBadge({ daysLeft, done }: { daysLeft: number | null; done: boolean }) {
  if (done) return <span className="badge bg-emerald-50 text-emerald-700">已全部通过</span>;
  if (daysLeft === null) return <span className="text-slate-400">未设截止日期</span>;
  const tone = daysLeft < 0 ? "bg-red-100 text-red-700" : daysLeft <= 2 ? "bg-amber-50 text-amber-800" : "bg-slate-100 text-slate-700";
  return <span className={`badge ${tone}`} data-testid="dept-due" data-days={daysLeft}>{dueLabel(daysLeft)}</span>;
}

export function DepartmentChase({ reportId, board, canChase, now }: { reportId: string; board: ChaseBoard; canChase: boolean; now: Date }) {
  if (board.rows.length === 0) return null;
  const allBlocked = board.overdue > 0 && board.overdueChasable === 0;
  const nextAll = allBlocked ? new Date(Math.min(...board.rows.filter((r) => r.overdue && r.blockedUntil).map((r) => r.blockedUntil!.getTime()))) : null;
  return (
    <div className="card overflow-hidden" data-testid="department-chase">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
        <h2 className="text-sm font-semibold text-slate-700">部门进度与催报</h2>
        <span className="text-xs text-slate-500">{board.overdue ? `${board.overdue} 个部门逾期` : "暂无逾期部门"}</span>
        {canChase && (
          <div className="ml-auto">
            <ChaseDialog
              reportId={reportId} target={`全部逾期部门（${board.overdueChasable} 个）`}
              label={board.overdueChasable ? `催报全部逾期（${board.overdueChasable}）` : "催报全部逾期"}
              disabled={board.overdueChasable === 0 && !allBlocked}
              blockedUntil={nextAll?.toISOString() ?? null}
              blockedReason={nextAll ? `逾期部门 1 小时内均已催报过，可于 ${clockTime(nextAll)} 后再催` : undefined}
            />
          </div>
        )}
      </div>
      <table className="table table-cards">
        <thead>
          <tr><th>部门</th><th className="w-28">进度</th><th className="w-52">截止</th><th className="w-80">催报</th></tr>
        </thead>
        <tbody>
          {board.rows.map((r) => (
            <tr key={r.departmentId} data-testid="dept-row" data-dept={r.departmentId} data-overdue={r.overdue ? "1" : "0"}>
              <td>
                <span className="flex items-center gap-1.5 text-sm">
                  <span className="inline-block h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: r.color }} />
                  {r.name}
                </span>
              </td>
              <td className="text-xs text-slate-600" data-label="进度">{r.approved}/{r.total} 已通过</td>
              <td className="whitespace-nowrap text-xs" data-label="截止">
                <DueBadge daysLeft={r.daysLeft} done={r.pending.length === 0} />
                {r.due && r.pending.length > 0 && <span className="ml-1 text-slate-500">{r.due}</span>}
              </td>
              <td className="text-xs">
                <span className="flex flex-wrap items-center gap-2">
                  {canChase && r.pending.length > 0 && (
                    <ChaseDialog
                      reportId={reportId} departmentId={r.departmentId} target={r.name} label="催报"
                      blockedUntil={r.blockedUntil?.toISOString() ?? null}
                      blockedReason={r.blockedUntil ? `1 小时内已催报过，可于 ${clockTime(r.blockedUntil)} 后再催` : undefined}
                    />
                  )}
                  {r.last && (
                    <span className="text-slate-500" data-testid="last-chase" title={r.last.note ?? undefined}>
                      已于 {shortMoment(r.last.at, now)} 由 {r.last.actorName ?? "已删除的账号"} 催报
                    </span>
                  )}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
