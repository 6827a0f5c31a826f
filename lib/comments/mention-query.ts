/**
 * The browser side of @mentions: which mention is being typed at the caret, and which
 * candidates match it (the completion popup of the comment box). Pure, no policy: the server
 * gives the candidates (lib/comments/mentions.ts) and parses the body again on save.
 */

/** An account that may be mentioned. */
export interface MentionCandidate {
  id: string;
  username: string;
  /** 显示名 (users.display_name). */
  name: string;
  departmentName?: string;
}

/**
 * The mention being typed at `caret` in `text`: the query after the last `@` before the caret,
 * when no whitespace separates them (drives the completion popup), else null.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0) return null;
  const query = before.slice(at + 1);
  if (/\s/.test(query) || query.length > 20) return null;
  return { start: at, query };
}

/** Candidates matching `query` (name or username, case-insensitive), at most `limit`. */
export function filterCandidates(candidates: readonly MentionCandidate[], query: string, limit = 8): MentionCandidate[] {
  const q = query.toLowerCase();
  const hits = candidates.filter((c) => c.name.includes(query) || c.username.toLowerCase().includes(q));
  const starts = (c: MentionCandidate) => c.name.startsWith(query) || c.username.toLowerCase().startsWith(q);
  return [...hits.filter(starts), ...hits.filter((c) => !starts(c))].slice(0, limit);
}
