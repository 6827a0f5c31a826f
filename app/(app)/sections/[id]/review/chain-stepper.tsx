/**
 * The review chain as a stepper: each stage with its mode, who approved when (and for whom,
 * after a 转交), and who is still pending at the current stage.
 */
import { formatDateTime } from "@/lib/reports/relative-time";
import type { StepView } from "@/lib/review/stage-view";
import { STAGE_MODE_LABELS } from "@/lib/workflow/chain-labels";

const DOT = { done: "bg-emerald-600 text-white", current: "bg-blue-600 text-white", upcoming: "bg-slate-200 text-slate-600" } as const;

export function ChainStepper({ steps, chainName }: { steps: StepView[]; chainName: string }) {
  return (
    <section className="card p-4" data-testid="chain-stepper">
      <h2 className="mb-3 font-medium">审核流程 <span className="text-xs font-normal text-slate-500">{chainName}</span></h2>
      <ol className="space-y-3">
        {steps.map((s) => (
          <li key={s.index} className="flex gap-3" data-testid="chain-step" data-status={s.status}>
            <span className={`mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${DOT[s.status]}`}>{s.index}</span>
            <div className="min-w-0 text-sm">
              <div className="font-medium">{s.name} <span className="text-xs font-normal text-slate-500">{STAGE_MODE_LABELS[s.mode]}</span></div>
              {s.approvals.map((a) => (
                <div key={a.username + a.at.toISOString()} className="text-xs text-emerald-700" data-testid="step-approval">
                  ✓ {a.name}{a.onBehalfOf ? `（受 ${a.onBehalfOf} 转交）` : ""} · {formatDateTime(a.at)}
                </div>
              ))}
              {s.pending.length > 0 && (
                <div className="text-xs text-slate-500" data-testid="step-pending">待审核：{s.pending.map((p) => p.name).join("、")}</div>
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
