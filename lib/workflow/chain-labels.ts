/** Labels of stage modes, importable by client components (no zod, no database). */
export const STAGE_MODE_LABELS: Record<"any" | "all", string> = { any: "或签（一人通过即可）", all: "会签（全部通过）" };
