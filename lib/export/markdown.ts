/**
 * Markdown export: a readable plain-text form of the assembled document, for mail and review
 * tools. Headings carry their numbers as text like the .docx ("## 一、标题").
 */
import type { AssembledDocument, Block, Inline } from "./types";
import { DRAFT_MARK, headingText, isDraft, sectionMarker } from "./marks";

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

function blocks(list: readonly Block[]): string[] {
  return list.map((block) =>
    block.type === "paragraph"
      ? runs(block.runs)
      : block.items.map((item, i) => (block.ordered ? `${i + 1}. ${runs(item, "   ")}` : `- ${runs(item, "  ")}`)).join("\n"),
  );
}

/**
 * Markdown of an assembled document. Takes the document; returns UTF-8 text: a "> 征求意见稿"
 * line first for a draft, "# 标题", preamble, headings "##"…"#####" for levels 1–4 with the
 * number as text and 【未审定：…】 after headings not approved, body paragraphs, lists as
 * Markdown lists, and the 落款 (organisation, date) last when a date is given. User text is
 * escaped. Never throws for a well-typed document.
 */
export function exportMarkdown(doc: AssembledDocument): string {
  const out: string[] = [];
  if (isDraft(doc)) out.push(`> ${DRAFT_MARK}`);
  out.push(`# ${escapeMarkdown(doc.title.replace(/\s*\n\s*/g, ""))}`);
  out.push(...blocks(doc.preamble));
  for (const section of doc.sections) {
    const marker = sectionMarker(doc, section);
    out.push(`${"#".repeat(section.level + 1)} ${escapeMarkdown(headingText(section))}${marker ? ` ${marker}` : ""}`);
    out.push(...blocks(section.blocks));
  }
  if (doc.date) out.push(`${escapeMarkdown(doc.organisation)}\\\n${escapeMarkdown(doc.date)}`);
  return out.filter((part) => part !== "").join("\n\n") + "\n";
}
