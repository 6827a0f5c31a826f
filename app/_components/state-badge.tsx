/** A section's review state as a badge: label and tone from the one vocabulary (lib/workflow/vocabulary.ts). */
import { STATE_META, type SectionState } from "@/lib/workflow/vocabulary";

export function StateBadge({ state, stage, testId = "state-label" }: { state: SectionState; stage?: string | null; testId?: string }) {
  return (
    <span className={`badge ${STATE_META[state].tone}`} data-testid={testId} data-state={state}>
      {STATE_META[state].label}{stage ? ` · ${stage}` : ""}
    </span>
  );
}
