/**
 * The import page's editable plan: the recognised outline as a flat list the admin reshapes
 * before anything is created (indent/outdent, merge, split, delete, assign). Pure and free of
 * server imports, so the page runs it in the browser and numbers update as levels change.
 *
 * Levels follow the rule of createReport: the first section is level 1 and a section is at most
 * one level deeper than the one before it (1..4).
 */
import { computeNumbers } from "@/lib/outline/numbering";
import { findPlaceholders } from "@/lib/placeholders/find";

export interface PlanSection {
  /** A client-side key (stable across edits, for React lists). */
  key: string;
  level: number;
  title: string;
  body: string;
  departmentId: string;
  dueDate: string;
}

let counter = 0;
const newKey = () => `s${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A plan from the importer's sections (departments and dates empty). */
export function planFromImport(sections: readonly { level: number; title: string; body: string }[]): PlanSection[] {
  return normaliseLevels(sections.map((s) => ({ key: newKey(), level: s.level, title: s.title, body: s.body, departmentId: "", dueDate: "" })));
}

/** Clamps levels so the list reads as a valid outline (first 1, each ≤ previous + 1, 1..4). */
export function normaliseLevels(plan: PlanSection[]): PlanSection[] {
  let prev = 0;
  return plan.map((s) => {
    const level = Math.max(1, Math.min(4, s.level, prev + 1));
    prev = level;
    return level === s.level ? s : { ...s, level };
  });
}

/** Heading numbers of a flat list of levels ("一、", "（一）", "1.", "（1）"), computed like the outline's. */
export function flatNumbers(levels: readonly number[]): string[] {
  const stack: { id: string; level: number }[] = [];
  const counts = new Map<string | null, number>();
  const nodes = levels.map((level, i) => {
    while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
    const parentId = stack[stack.length - 1]?.id ?? null;
    const position = counts.get(parentId) ?? 0;
    counts.set(parentId, position + 1);
    stack.push({ id: String(i), level });
    return { id: String(i), parentId, level, position };
  });
  const numbers = computeNumbers(nodes);
  return nodes.map((n) => numbers.get(n.id) ?? "");
}

/** True when section `i` has children (the next section is deeper). */
export function hasChildren(plan: readonly PlanSection[], i: number): boolean {
  return i + 1 < plan.length && plan[i + 1].level > plan[i].level;
}

/**
 * True for a section "assign all" skips: a heading with children and no text of its own, which
 * becomes a grouping heading (not reviewed) when left without a department.
 */
export function isGroupingHeading(plan: readonly PlanSection[], i: number): boolean {
  return hasChildren(plan, i) && plan[i].body.trim() === "";
}

/** The span [i, end) of section i and its descendants. */
function subtreeEnd(plan: readonly PlanSection[], i: number): number {
  let end = i + 1;
  while (end < plan.length && plan[end].level > plan[i].level) end++;
  return end;
}

/** Moves section i (with its children) one level deeper or shallower, within the rules. */
export function shiftLevel(plan: PlanSection[], i: number, delta: 1 | -1): PlanSection[] {
  const end = subtreeEnd(plan, i);
  const out = plan.map((s, j) => (j >= i && j < end ? { ...s, level: s.level + delta } : s));
  const valid = out.every((s, j) => s.level >= 1 && s.level <= 4 && s.level <= (j === 0 ? 1 : out[j - 1].level + 1));
  return valid ? out : plan;
}

/** Whether shiftLevel(plan, i, delta) would change anything. */
export function canShift(plan: PlanSection[], i: number, delta: 1 | -1): boolean {
  return shiftLevel(plan, i, delta) !== plan;
}

/** Merges section i into the previous one: its heading becomes a paragraph of the previous body. */
export function mergeIntoPrevious(plan: PlanSection[], i: number): PlanSection[] {
  if (i <= 0) return plan;
  const prev = plan[i - 1];
  const merged = { ...prev, body: [prev.body, plan[i].title, plan[i].body].filter((t) => t.trim()).join("\n") };
  return normaliseLevels([...plan.slice(0, i - 1), merged, ...plan.slice(i + 1)]);
}

/** Turns body paragraph `p` of section i into a new section right after it, one level deeper when possible. */
export function splitAtParagraph(plan: PlanSection[], i: number, p: number): PlanSection[] {
  const paragraphs = plan[i].body.split("\n");
  if (p < 0 || p >= paragraphs.length) return plan;
  const heading = paragraphs[p].trim().slice(0, 300);
  const keep = { ...plan[i], body: paragraphs.slice(0, p).join("\n") };
  const level = Math.min(4, plan[i].level + 1);
  const created: PlanSection = { key: newKey(), level, title: heading, body: paragraphs.slice(p + 1).join("\n"), departmentId: plan[i].departmentId, dueDate: plan[i].dueDate };
  return normaliseLevels([...plan.slice(0, i), keep, created, ...plan.slice(i + 1)]);
}

/** Deletes section i only (its children move up a level where needed). */
export function removeSection(plan: PlanSection[], i: number): PlanSection[] {
  return normaliseLevels(plan.filter((_, j) => j !== i));
}

/** Updates fields of section i. */
export function updateSection(plan: PlanSection[], i: number, patch: Partial<Omit<PlanSection, "key">>): PlanSection[] {
  return plan.map((s, j) => (j === i ? { ...s, ...patch } : s));
}

/** Assigns every section but grouping headings to `departmentId`. */
export function assignAll(plan: PlanSection[], departmentId: string): PlanSection[] {
  return plan.map((s, i) => (isGroupingHeading(plan, i) ? s : { ...s, departmentId }));
}

/** Placeholders (`X次`, `《X》`, `（待补充）`…) in a section's title and body. */
export function placeholderCount(s: Pick<PlanSection, "title" | "body">): number {
  return findPlaceholders(s.title).length + findPlaceholders(s.body).length;
}

/** The period a title names, e.g. "2020年上半年党建工作总结" → "2020年上半年"; "" when none. */
export function guessPeriod(title: string): string {
  return title.match(/\d{4}年(?:上半年|下半年|第[一二三四]季度|年中|全年|度)?/)?.[0]?.replace(/年中$/, "年上半年") ?? "";
}
