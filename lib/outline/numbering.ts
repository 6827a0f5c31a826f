/**
 * Heading numbers of Chinese official writing, computed from the outline and never stored.
 *
 * Rule (GB/T 9704-2012 §7.3.3, "结构层次序数"): level 1 `一、`, level 2 `（一）`, level 3 `1.`,
 * level 4 `（1）`. Numbers restart under each parent; moving or deleting a section renumbers
 * every sibling after it because numbers are derived from order alone.
 */

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/**
 * Chinese numeral for a positive integer as used in headings: 1 → 一, 10 → 十, 12 → 十二,
 * 20 → 二十, 35 → 三十五, 100 → 一百, 105 → 一百零五.
 * @throws RangeError when n is not an integer in 1..999.
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`序号超出范围: ${n}`);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = "";
  if (hundreds) out += DIGITS[hundreds] + "百";
  if (tens) out += (tens === 1 && !hundreds ? "" : DIGITS[tens]) + "十";
  else if (hundreds && ones) out += "零";
  if (ones) out += DIGITS[ones];
  return out;
}

/** Heading levels 1..4 of the outline. */
export type Level = 1 | 2 | 3 | 4;

/**
 * The number label for the `index`-th (1-based) heading at `level`:
 * (1, 3) → "三、", (2, 3) → "（三）", (3, 3) → "3.", (4, 3) → "（3）".
 * @throws RangeError for a level outside 1..4 or an index outside 1..999.
 */
export function numberLabel(level: number, index: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(index)}、`;
    case 2:
      return `（${chineseNumeral(index)}）`;
    case 3:
      if (index < 1) throw new RangeError(`序号超出范围: ${index}`);
      return `${index}.`;
    case 4:
      if (index < 1) throw new RangeError(`序号超出范围: ${index}`);
      return `（${index}）`;
    default:
      throw new RangeError(`标题层级必须是 1 到 4: ${level}`);
  }
}

/** The minimal outline node numbering needs. */
export interface OutlineNode {
  id: string;
  parentId: string | null;
  level: number;
  position: number;
}

/**
 * Numbers every node of an outline: siblings (same parent) are ordered by `position` and
 * counted per level, so a level-3 child directly under a level-1 parent still reads `1.`.
 * Returns id → label (e.g. "（二）"). Nodes whose parent is missing are treated as roots.
 * Level-0 rows (the report's opening, `sections.kind = "opening"`) are not headings: they get
 * no number and do not count.
 */
export function computeNumbers(allNodes: readonly OutlineNode[]): Map<string, string> {
  const nodes = allNodes.filter((n) => n.level >= 1);
  const ids = new Set(nodes.map((n) => n.id));
  const byParent = new Map<string | null, OutlineNode[]>();
  for (const node of nodes) {
    const key = node.parentId && ids.has(node.parentId) ? node.parentId : null;
    const list = byParent.get(key) ?? [];
    list.push(node);
    byParent.set(key, list);
  }
  const numbers = new Map<string, string>();
  for (const siblings of byParent.values()) {
    siblings.sort((a, b) => a.position - b.position);
    const counters = new Map<number, number>();
    for (const node of siblings) {
      const next = (counters.get(node.level) ?? 0) + 1;
      counters.set(node.level, next);
      numbers.set(node.id, numberLabel(node.level, next));
    }
  }
  return numbers;
}

/**
 * Outline nodes in reading order (depth first, siblings by position), each with its depth-first
 * index, for dashboards, previews and assembly.
 */
export function outlineOrder<T extends OutlineNode>(nodes: readonly T[]): T[] {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string | null, T[]>();
  for (const node of nodes) {
    const key = node.parentId && ids.has(node.parentId) ? node.parentId : null;
    const list = children.get(key) ?? [];
    list.push(node);
    children.set(key, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position);
  const out: T[] = [];
  const visit = (parent: string | null) => {
    for (const node of children.get(parent) ?? []) {
      out.push(node);
      visit(node.id);
    }
  };
  visit(null);
  return out;
}
