"use client";
/** The status line under the editor: save state (and a refusal), review state, 字数 and placeholders. */
import type { SaveStatus } from "@/lib/collab/client/save-status";
import { SAVE_STATUS_LABELS } from "@/lib/collab/client/save-status";
import { stateLabel } from "@/lib/workflow/vocabulary";
import { checkWordLimit, limitLabel } from "@/lib/text/word-limit";

const TONE: Record<SaveStatus, string> = {
  connecting: "text-slate-500",
  offline: "text-amber-700",
  readonly: "text-slate-600",
  saving: "text-slate-500",
  saved: "text-emerald-700",
  refused: "text-red-700",
};

export function StatusLine(props: { status: SaveStatus; state: string; words: number; wordLimit?: number | null; placeholders: number | null; refused?: boolean }) {
  const { status, state, words, wordLimit, placeholders, refused } = props;
  const check = checkWordLimit(words, wordLimit);
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 border-t border-slate-200 bg-slate-50 px-4 py-1.5 text-xs text-slate-600">
      <span className={`font-medium ${TONE[status]}`} data-testid="save-status" data-status={status}>
        {status === "readonly" ? `只读（${stateLabel(state)}）` : SAVE_STATUS_LABELS[status]}
      </span>
      {refused && status !== "refused" && (
        <span className="font-medium text-red-700" data-testid="refused-note">刚才的修改未被接受（见右侧“未被接受的修改”）</span>
      )}
      <span data-testid="review-state">状态：{stateLabel(state)}</span>
      <span data-testid="word-count" data-over={check.over || undefined} className={check.over ? "font-medium text-red-700" : ""}>
        字数：{words}{check.limit !== null && <>（{limitLabel(check.limit)}{check.over ? `，已超出 ${check.excess} 字` : ""}）</>}
      </span>
      {placeholders !== null && (
        <span className={placeholders ? "text-amber-700" : ""} data-testid="placeholder-count">待补充：{placeholders} 处</span>
      )}
    </div>
  );
}
