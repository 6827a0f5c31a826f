/**
 * Text of an existing summary → the outline a person would draw: title, opening paragraphs,
 * numbered and unnumbered headings with their levels, and each heading's body text
 * (design.md, "Import"). Pure: no database, no React.
 */
import { countPlaceholders } from "../placeholders/find";
import { removeAds } from "./ads";
import { matchHeading, splitHeading } from "./headings";
import { LevelAssigner } from "./levels";
import { isPartHeading, looksLikeTitle } from "./line-roles";
import type { ImportedSection, ImportResult } from "./types";

interface Draft {
  level: ImportedSection["level"];
  title: string;
  body: string[];
}

/**
 * Where the title is: the first title-like line among the short lines that open the document
 * (before any heading or sentence), e.g. after an organisation name. -1 when there is none.
 */
function findTitle(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (matchHeading(line) || /[。！？!?；;]$/.test(line) || line.length > 50) return -1;
    if (looksLikeTitle(line)) return i;
  }
  return -1;
}

/**
 * Parses a summary's plain text.
 *
 * Ads and watermarks are removed first (see ads.ts) and blank lines dropped; lines are trimmed.
 * The title is the first title-like line at the top; everything before the first heading is
 * the preamble. Numbered headings (`一、` `（一）`/`(一)` `1.`/`1、`/`1．` `（1）`/`(1)`) get
 * levels by nesting order (levels.ts) and lose their numbers; a run-in heading
 * `（一）标题。正文…` is split into title and body. Unnumbered part headings (`下半年工作安排`)
 * are level 1 and push the numbered headings under them one level deeper. Every other line
 * (including a closing signature and date) is body text of the most recent heading.
 * @param text the document text, any line endings.
 * @returns the outline with placeholder counts per section; may have no sections. Never throws.
 */
export function parseSummary(text: string): ImportResult {
  const { kept, removed } = removeAds(text.split(/\r\n|\r|\n|\u2028|\u2029/));
  const titleAt = findTitle(kept);
  const preamble: string[] = [];
  const drafts: Draft[] = [];
  const levels = new LevelAssigner();

  for (let i = 0; i < kept.length; i++) {
    if (i === titleAt) continue;
    const line = kept[i];
    const heading = matchHeading(line);
    if (heading) {
      let rest = heading.rest;
      // A number alone on its line (`一、` then the title below it): take the next line as title.
      if (!rest && i + 1 < kept.length && !matchHeading(kept[i + 1])) rest = kept[++i];
      const { title, body } = splitHeading(rest);
      drafts.push({ level: levels.next(heading.kind), title, body: body ? [body] : [] });
    } else if (i > titleAt && i > 0 && isPartHeading(line, kept[i + 1])) {
      // Never the first line: without a recognised title a short first line is a heading of the
      // whole text (an organisation or title), not a part of it.
      drafts.push({ level: levels.next("part"), title: line, body: [] });
    } else if (drafts.length) {
      drafts[drafts.length - 1].body.push(line);
    } else {
      preamble.push(line);
    }
  }

  const sections = drafts.map((d): ImportedSection => {
    const body = d.body.join("\n");
    return { level: d.level, title: d.title, body, placeholders: countPlaceholders(`${d.title}\n${body}`) };
  });
  return { title: titleAt >= 0 ? kept[titleAt] : "", preamble: preamble.join("\n"), sections, removed };
}
