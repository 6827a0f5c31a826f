/**
 * Markdown export: a readable plain-text form of the assembled document, for mail and review
 * tools. Headings carry their numbers as text like the .docx ("## 一、标题").
 */
import type { AssembledDocument, Block, ExportOptions, Inline, TableCell } from "./types";
import { DRAFT_MARK, DRAFT_TITLE_LINE, draftMarking, headingText, sectionMarker } from "./marks";
import { layoutTable } from "./table-grid";
import { attachmentLines } from "./attachments";
import { printedDate } from "../text/cn-date";

/**
 * The 附件说明 as one paragraph of hard-broken lines, `附件：1.名称` then `2.名称` … indented with
 * ideographic spaces (U+3000) so the numbers stand under `1.` in plain text; "" when none.
 */
function attachments(items: readonly string[] | undefined): string {
  const pad = "\u3000".repeat(3);
  return attachmentLines(items ?? [])
    .map((l) => `${l.label || pad}${escapeMarkdown(l.number + l.name)}`)
    .join("\\\n");
}

/**
 * Escapes Markdown syntax in user text so it prints literally: inline markers and raw HTML
 * (`<script>` stays text), and block markers at line starts (#, >, -, +, "1.").
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#|~]/g, "\\$&")
    .replace(/^(\s*)([-+=])/gm, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/gm, "$1\\$2");
}

// Punctuation or blanks at the edges of an emphasised run stay outside the ** markers:
// CommonMark does not close "**重点：**文字" (closer after punctuation, before a letter).
const EDGES = /^([\s\p{P}\p{S}]*)([\s\S]*?)([\s\p{P}\p{S}]*)$/u;

function inline(run: Inline): string {
  const marker = (run.bold ? "**" : "") + (run.italic ? "*" : "");
  const lines = run.text.split("\n").map((line) => {
    if (!marker) return escapeMarkdown(line);
    const [, lead = "", core = "", trail = ""] = EDGES.exec(line) ?? [];
    return core ? `${escapeMarkdown(lead)}${marker}${escapeMarkdown(core)}${marker}${escapeMarkdown(trail)}` : escapeMarkdown(line);
  });
  return lines.join("\\\n"); // CommonMark hard line break
}

function runs(items: readonly Inline[], continuation = ""): string {
  return items.map(inline).join("").replace(/\\\n/g, `\\\n${continuation}`);
}

/**
 * A GitHub-flavoured pipe table: the first row is the header row (GFM requires one), a cell
 * spanning several columns or rows is written once and leaves the others empty, line breaks
 * inside a cell become <br>.
 */
function table(rows: readonly (readonly TableCell[])[]): string {
  const { slots } = layoutTable(rows);
  const line = (row: (typeof slots)[number]) =>
    `| ${row.map((s) => (s.origin ? runs(s.cell.runs).replace(/\\\n/g, "<br>") : "")).join(" | ")} |`;
  const [head, ...body] = slots;
  return [line(head), `|${head.map(() => " --- |").join("")}`, ...body.map(line)].join("\n");
}

function blocks(list: readonly Block[]): string[] {
  return list.map((block) =>
    block.type === "paragraph"
      ? runs(block.runs)
      : block.type === "table"
        ? table(block.rows)
        : block.items.map((item, i) => (block.ordered ? `${i + 1}. ${runs(item, "   ")}` : `- ${runs(item, "  ")}`)).join("\n"),
  );
}

/**
 * Markdown of an assembled document. Takes the document; returns UTF-8 text: a "> 征求意见稿"
 * line first for a draft, "# 标题", preamble, headings "##"…"#####" for levels 1–4 with the
 * number as text and 【未审定：…】 after headings not approved, body paragraphs, lists as
 * Markdown lists, tables as pipe tables, the 主送 (`县委、县政府：`) before the opening, the
 * 附件说明 after the body, and the 落款 (organisation, date in Arabic numerals) last when a date
 * is given. With options.cleanDraft a draft has one "（征求意见稿）" line under the title instead
 * of the quote and the heading marks. User text is escaped. Never throws for a well-typed
 * document.
 */
export function exportMarkdown(doc: AssembledDocument, options: ExportOptions = {}): string {
  const out: string[] = [];
  const marking = draftMarking(doc, options);
  if (marking === "pages") out.push(`> ${DRAFT_MARK}`);
  out.push(`# ${escapeMarkdown(doc.title.replace(/\s*\n\s*/g, ""))}`);
  if (marking === "title") out.push(DRAFT_TITLE_LINE);
  const addressee = (doc.addressee ?? "").trim().replace(/[：:]+$/, "");
  if (addressee) out.push(`${escapeMarkdown(addressee)}：`);
  out.push(...blocks(doc.preamble));
  for (const section of doc.sections) {
    const marker = sectionMarker(doc, section, options);
    out.push(`${"#".repeat(section.level + 1)} ${escapeMarkdown(headingText(section))}${marker ? ` ${marker}` : ""}`);
    out.push(...blocks(section.blocks));
  }
  out.push(attachments(doc.attachments));
  if (doc.date) {
    const date = escapeMarkdown(printedDate(doc.date));
    out.push(doc.organisation.trim() ? `${escapeMarkdown(doc.organisation)}\\\n${date}` : date);
  }
  return out.filter((part) => part !== "").join("\n\n") + "\n";
}
