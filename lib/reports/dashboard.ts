/**
 * The report dashboard: every section of the outline with its number, department, review
 * state, due date (逾期 when past due and not approved), last activity and unresolved
 * placeholders; progress (approved / reviewable sections) per department and for the report;
 * filters by state and department; 字数 against each section's 字数要求 and the sections over it.
 * Heading-only sections are group rows, not reviewed.
 */
import type { DbOrTx } from "@/db/client";
import type { Report } from "@/db/schema";
import { isDone, isStaged, SECTION_STATES, type SectionState } from "@/lib/workflow/vocabulary";
import { getReportWithOutline, type OutlineSection } from "./get-report";
import { checkWordLimit, type WordLimitCheck } from "@/lib/text/word-limit";
import { sectionTextStats } from "./placeholder-counts";

export interface DashboardRow extends OutlineSection {
  overdue: boolean;
  placeholders: number;
  /** In review: "第 k/n 环节 · name" of the report's chain, else null. */
  stageLabel: string | null;
  /** Current 字数 against the section's 字数要求 (lib/text/word-limit). */
  words: WordLimitCheck;
}

export interface Progress {
  departmentId: string | null;
  name: string;
  color: string;
  approved: number;
  total: number;
}

export interface DashboardFilter {
  state?: SectionState;
  /** A department id, or undefined for all. */
  dept?: string;
}

export interface Dashboard {
  report: Report;
  /** Rows after filtering, in reading order (group rows kept above matching children). */
  rows: DashboardRow[];
  /** Reviewable rows before filtering. */
  totalSections: number;
  overall: Progress;
  departments: Progress[];
  /** Sections (all, before filtering) whose text is over their 字数要求, in reading order. */
  overLimit: DashboardRow[];
}

/** Today as YYYY-MM-DD in `timeZone` (default Asia/Shanghai: where the organisation works). */
export function todayIso(timeZone = "Asia/Shanghai", now = new Date()): string {
  return now.toLocaleDateString("sv-SE", { timeZone });
}

/** True when `state` names a review state (for query parameters). */
export function isSectionState(s: unknown): s is SectionState {
  return typeof s === "string" && (SECTION_STATES as readonly string[]).includes(s);
}

/**
 * Builds the dashboard of a report.
 * @param today YYYY-MM-DD the overdue marker compares with (default: todayIso()).
 * @throws AppError not_found when the report does not exist.
 */
export async function getDashboard(db: DbOrTx, reportId: string, filter: DashboardFilter = {}, today = todayIso()): Promise<Dashboard> {
  const { report, sections } = await getReportWithOutline(db, reportId);
  const counts = await sectionTextStats(db, sections.filter((s) => !s.headingOnly));
  const all: DashboardRow[] = sections.map((s) => ({
    ...s,
    overdue: !s.headingOnly && !!s.dueDate && s.dueDate < today && !isDone(s.state),
    placeholders: counts.get(s.id)?.placeholders ?? 0,
    words: checkWordLimit(counts.get(s.id)?.words ?? 0, s.headingOnly ? null : s.wordLimit),
    stageLabel: isStaged(s.state) && report.reviewChain.length > 1 ? `${s.stage}/${report.reviewChain.length} ${report.reviewChain[s.stage - 1]?.name ?? ""}` : null,
  }));
  const reviewable = all.filter((s) => !s.headingOnly);
  const progress = new Map<string, Progress>();
  for (const s of reviewable) {
    const key = s.departmentId ?? "";
    const p = progress.get(key) ?? { departmentId: s.departmentId, name: s.departmentName ?? "未分配", color: s.departmentColor ?? "#94a3b8", approved: 0, total: 0 };
    p.total += 1;
    if (isDone(s.state)) p.approved += 1;
    progress.set(key, p);
  }
  const matches = (s: DashboardRow) =>
    !s.headingOnly && (!filter.state || s.state === filter.state) && (!filter.dept || s.departmentId === filter.dept);
  const filtering = !!(filter.state || filter.dept);
  const visible = new Set(all.filter((s) => !filtering || matches(s)).map((s) => s.id));
  if (filtering) {
    // Keep the group headings above every matching row, so the outline still reads.
    const byId = new Map(all.map((s) => [s.id, s]));
    for (const id of [...visible]) {
      for (let p = byId.get(id)?.parentId; p; p = byId.get(p)?.parentId ?? null) if (byId.get(p)?.headingOnly) visible.add(p);
    }
  }
  return {
    report,
    rows: all.filter((s) => visible.has(s.id)),
    totalSections: reviewable.length,
    overall: {
      departmentId: null, name: "全部", color: "#334155",
      approved: reviewable.filter((s) => isDone(s.state)).length, total: reviewable.length,
    },
    departments: [...progress.values()],
    overLimit: reviewable.filter((s) => s.words.over),
  };
}
