/**
 * Text of an existing summary → the outline a person would draw: title, opening paragraphs,
 * numbered and unnumbered headings with their levels, and each heading's body text
 * (design.md, "Import"). Pure: no database, no React. A .docx arrives here as lines that also
 * carry what Word knew (heading style or outline level, Title style, tables, see word/read.ts);
 * a plain line is judged by its text alone, exactly as in a .txt.
 */
import { countPlaceholders } from "../placeholders/find";
import { stripControls } from "../text/hygiene";
import { adFlags } from "./ads";
import { addresseeOf } from "./addressee";
import { findBackMatter } from "./back-matter";
import { findTitle, isStyledHeading } from "./find-title";
import { matchHeading, splitHeading } from "./headings";
import { LevelAssigner } from "./levels";
import { isPartHeading } from "./line-roles";
import { tableAsText, tableMarker, tableText } from "./tables";
import type { ImportedSection, ImportedTable, ImportResult, NotImported } from "./types";

/** One line of the source: its text and, from a .docx, what its style says. */
export interface SourceLine {
  text: string;
  /** Word outline level 0..8 (0 = Heading 1) from the paragraph's style or `w:outlineLvl`. */
  outline?: number | null;
  /** Styled as the document's title (Word's Title style). */
  title?: boolean;
  /** A table in the flow of the text (`text` is ignored). */
  table?: ImportedTable;
}

interface Draft {
  level: ImportedSection["level"];
  title: string;
  body: string[];
  tables: ImportedTable[];
}

/**
 * Parses a summary's plain text: `parseLines` with one source line per text line.
 * @param text the document text, any line endings.
 * @returns the outline; see `parseLines`. Never throws.
 */
export function parseSummary(text: string): ImportResult {
  return parseLines(text.split(/\r\n|\r|\n|\u2028|\u2029/).map((line) => ({ text: line })));
}

/**
 * Parses the lines of a summary.
 *
 * C0 control characters are stripped (lib/text/hygiene.ts), lines trimmed, blank lines dropped,
 * ads and watermarks removed (ads.ts). The title is a Title-styled line or the first title-like
 * line at the top. A short line ending in `：` right after the title is the 主送 (addressee.ts);
 * the 附件说明 and the 落款 at the end are their own parts (back-matter.ts). Everything else
 * before the first heading is the preamble. Numbered headings
 * (`一、` `（一）`/`(一)` `1.`/`1、`/`1．` `（1）`/`(1)`, typed or rendered from Word's automatic
 * numbering) get levels by nesting order (levels.ts) and lose their numbers; so do Word headings
 * without a number (by outline level); a run-in heading `（一）标题。正文…` is split into title and
 * body. Unnumbered part headings (`下半年工作安排`) are level 1 and push the numbered headings
 * under them one level deeper. Every other line is body text of the most recent heading. A table becomes a marker line of that body
 * (tables.ts); before the first heading it is kept as text rows, with a warning.
 * @param input the lines in document order.
 * @param notImported what a .docx held that was not read (copied to the result with warnings).
 * @returns the outline with placeholder counts per section; may have no sections. Never throws.
 */
export function parseLines(input: readonly SourceLine[], notImported: NotImported = { images: 0, objects: 0, textBoxes: 0 }): ImportResult {
  const all = input
    .map((l) => ({ ...l, text: stripControls(l.text).trim() }))
    .filter((l) => l.table || l.text !== "");
  const flags = adFlags(all.map((l) => l.text), all.map((l) => !!l.table));
  const lines = all.filter((_, i) => !flags[i]);
  const removed = all.filter((_, i) => flags[i]).map((l) => l.text);
  const titleAt = findTitle(lines);
  const after = lines[titleAt + 1];
  const addressee = titleAt >= 0 && after && !after.table && !isStyledHeading(after) ? addresseeOf(after.text) : null;
  const addresseeAt = addressee === null ? -1 : titleAt + 1;
  const back = findBackMatter(lines.map((l) => ({ text: l.text, table: !!l.table })), Math.max(titleAt, addresseeAt) + 1);
  const kept = lines.slice(0, back.start);
  const preamble: string[] = [];
  const drafts: Draft[] = [];
  const tables: ImportedTable[] = [];
  const warnings: string[] = [];
  const levels = new LevelAssigner();

  for (let i = 0; i < kept.length; i++) {
    if (i === titleAt || i === addresseeAt) continue;
    const line = kept[i];
    const last = drafts[drafts.length - 1];
    if (line.table) {
      if (last) {
        tables.push(line.table);
        last.body.push(tableMarker(tables.length, line.table));
        last.tables.push(line.table);
      } else {
        preamble.push(...tableAsText(line.table));
        warnings.push("开头段落中的表格已按行转为文字（开头段落只能是文字），请在创建后核对。");
      }
      continue;
    }
    const heading = matchHeading(line.text);
    const next = kept[i + 1];
    if (heading || isStyledHeading(line)) {
      let rest = heading ? heading.rest : line.text;
      // A number alone on its line (`一、` then the title below it): take the next line as title.
      if (!rest && next && !next.table && !matchHeading(next.text)) rest = kept[++i].text;
      const { title, body } = splitHeading(rest);
      const kind = heading ? heading.kind : (`outline${line.outline as number}` as const);
      drafts.push({ level: levels.next(kind), title, body: body ? [body] : [], tables: [] });
    } else if (i > titleAt && i > 0 && isPartHeading(line.text, next?.table ? undefined : next?.text)) {
      // Never the first line: without a recognised title a short first line is a heading of the
      // whole text (an organisation or title), not a part of it.
      drafts.push({ level: levels.next("part"), title: line.text, body: [], tables: [] });
    } else if (last) {
      last.body.push(line.text);
    } else {
      preamble.push(line.text);
    }
  }

  const sections = drafts.map((d): ImportedSection => {
    const body = d.body.join("\n");
    const cells = d.tables.map(tableText).join("\n");
    return { level: d.level, title: d.title, body, placeholders: countPlaceholders([d.title, body, cells].filter(Boolean).join("\n")) };
  });
  if (notImported.images) warnings.push(`文件中的 ${notImported.images} 张图片未导入，请在创建后按需补充。`);
  if (notImported.textBoxes) warnings.push(`文件中的 ${notImported.textBoxes} 个文本框（及其中文字）未导入。`);
  if (notImported.objects) warnings.push(`文件中的 ${notImported.objects} 个嵌入对象或图表未导入。`);
  return {
    title: titleAt >= 0 ? lines[titleAt].text : "",
    addressee: addressee ?? "",
    preamble: preamble.join("\n"),
    sections,
    attachments: back.attachments,
    signOff: back.signOff,
    removed,
    tables,
    notImported: { ...notImported },
    warnings,
  };
}
