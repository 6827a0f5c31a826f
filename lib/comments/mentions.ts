/**
 * @mentions in a comment's body: `@显示名` or `@username` names an account who may read the
 * section (lib/policy.ts). Pure: the candidates are given. The completion popup of the comment
 * box offers the same candidates, and inserts `@显示名 `.
 */
import { canSection, type SectionFacts } from "@/lib/policy";
import type { Role } from "@/db/schema";
import type { MentionCandidate } from "./mention-query";

export type { MentionCandidate };

/** An account as the policy sees it, with what the completion shows. */
export interface AccountFacts extends Omit<MentionCandidate, "name"> {
  name?: string;
  role: Role;
  departmentId: string;
  disabled?: boolean;
}

/** The accounts (active ones, from `accounts`) who may read `section`, by name. */
export function mentionCandidates(accounts: readonly AccountFacts[], section: SectionFacts): MentionCandidate[] {
  return accounts
    .filter((a) => !a.disabled && canSection({ id: a.id, role: a.role, departmentId: a.departmentId }, "read", section))
    .map(({ id, username, name, departmentName }) => ({ id, username, name: name ?? username, departmentName }))
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
}

const WORD = /[A-Za-z0-9_.-]/;

/**
 * The ids of the accounts `body` mentions, in order of first mention, without repeats. At each
 * `@` the longest candidate name or username that follows wins (`@李明明` is 李明明, not 李明);
 * a username must end at a non-word character (`@dqb1x` is nobody).
 */
export function parseMentions(body: string, candidates: readonly MentionCandidate[]): string[] {
  const found: string[] = [];
  for (let at = body.indexOf("@"); at >= 0; at = body.indexOf("@", at + 1)) {
    const rest = body.slice(at + 1);
    let best: { id: string; length: number } | null = null;
    for (const c of candidates) {
      for (const key of [c.name, c.username]) {
        if (!key || !rest.startsWith(key)) continue;
        const asUsername = key === c.username && WORD.test(key[key.length - 1]);
        if (asUsername && WORD.test(rest[key.length] ?? "")) continue;
        if (!best || key.length > best.length) best = { id: c.id, length: key.length };
      }
    }
    if (best && !found.includes(best.id)) found.push(best.id);
  }
  return found;
}
