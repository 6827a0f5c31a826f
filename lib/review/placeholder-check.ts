/**
 * The placeholder check of `submit` (design.md "Placeholder check"): which blanks of a text are
 * still unresolved (not marked intended), and the Chinese message that refuses a submission.
 */
import { findPlaceholders, placeholderKeys, type Placeholder } from "@/lib/placeholders/find";

/** A placeholder of a text with its stable key, a short quote and whether it is intended. */
export interface SectionPlaceholder extends Placeholder {
  key: string;
  /** What to show a person: the blank with its measure word (`X名`) or the blank itself. */
  label: string;
  /** A few characters around the blank, for lists (`…发展党员X名，确定…`). */
  context: string;
  intended: boolean;
}

const CONTEXT = 8;

/** Every placeholder of `text`, with keys (lib/placeholders/find.ts) and the intended flag. */
export function listPlaceholders(text: string, intended: readonly string[]): SectionPlaceholder[] {
  const found = findPlaceholders(text);
  const keys = placeholderKeys(found);
  const skip = new Set(intended);
  return found.map((p, i) => {
    const label = labelOf(text, p);
    const from = Math.max(0, p.start - CONTEXT);
    const to = Math.min(text.length, p.end + CONTEXT);
    const context = `${from > 0 ? "…" : ""}${text.slice(from, to).replace(/\n/g, " ")}${to < text.length ? "…" : ""}`;
    return { ...p, key: keys[i], label, context, intended: skip.has(keys[i]) };
  });
}

/** `X名`, `XX地`, `《X》`: an X blank with the character that tells what is missing; `连续空格` for spaces. */
export function labelOf(text: string, p: Placeholder): string {
  if (!p.text.trim()) return "连续空格";
  if (!p.kind.startsWith("x-")) return p.text;
  if (text[p.start - 1] === "《" && text[p.end] === "》") return `《${p.text}》`;
  return /\p{Script=Han}/u.test(text[p.end] ?? "") ? p.text + text[p.end] : p.text;
}

/**
 * The refusal message when `text` has unresolved placeholders, else null. Example:
 * "还有 3 处待补充内容（如 X名），请补充后再提交，或标记为有意保留".
 */
export function placeholderRefusal(text: string, intended: readonly string[]): string | null {
  const open = listPlaceholders(text, intended).filter((p) => !p.intended);
  if (!open.length) return null;
  return `还有 ${open.length} 处待补充内容（如 ${open[0].label}），请补充后再提交，或标记为有意保留`;
}
