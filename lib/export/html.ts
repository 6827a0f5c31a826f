/**
 * Print-ready HTML export: one self-contained page (no external assets) laid out like the
 * .docx, for preview in the browser and printing to PDF.
 */
import type { AssembledDocument, Block, Inline } from "./types";
import { listMarker } from "./blocks";
import { htmlStyle } from "./html-style";
import { DRAFT_MARK, headingText, isDraft, sectionMarker } from "./marks";
import { signOffIndents } from "./signoff";

/** Escapes text for HTML element content and quoted attributes (& < > " '). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

function inline(run: Inline): string {
  let html = escapeHtml(run.text).replace(/\n/g, "<br>");
  if (run.italic) html = `<em>${html}</em>`;
  if (run.bold) html = `<strong>${html}</strong>`;
  return html;
}

const para = (runs: readonly Inline[]) => `<p>${runs.map(inline).join("")}</p>`;

function blocks(list: readonly Block[]): string {
  return list
    .map((block) =>
      block.type === "paragraph"
        ? para(block.runs)
        : block.items.map((item, i) => para([{ text: listMarker(block.ordered, i) }, ...item])).join("\n"),
    )
    .join("\n");
}

/**
 * HTML page of an assembled document. Takes the document; returns a complete UTF-8 HTML
 * document (lang zh-CN) with inline CSS from html-style.ts: title, preamble, sections as
 * <section> with h2–h5 for levels 1–4 (number as text), list items as paragraphs with text
 * markers, 落款 per GB/T 9704-2012 §7.3.5.2. A draft shows 征求意见稿 (header, watermark) and
 * marks sections not approved with class "unapproved" and 【未审定：…】. All user text is
 * escaped (XSS-safe). Never throws for a well-typed document.
 */
export function exportHtml(doc: AssembledDocument): string {
  const draft = isDraft(doc);
  const sections = doc.sections.map((section) => {
    const marker = sectionMarker(doc, section);
    const tag = `h${section.level + 1}`;
    const heading = `<${tag}>${escapeHtml(headingText(section))}${marker ? `<span class="marker">${escapeHtml(marker)}</span>` : ""}</${tag}>`;
    const attrs = `class="level-${section.level}${marker ? " unapproved" : ""}" data-state="${escapeHtml(section.state)}"`;
    return `<section ${attrs}>\n${heading}\n${blocks(section.blocks)}\n</section>`;
  });
  let signOff = "";
  if (doc.date) {
    const ind = signOffIndents(doc.organisation, doc.date);
    signOff = `<div class="signoff"><p style="padding-right: ${ind.organisation}em">${escapeHtml(doc.organisation)}</p><p style="padding-right: ${ind.date}em">${escapeHtml(doc.date)}</p></div>`;
  }
  const title = doc.title.split("\n").map(escapeHtml).join("<br>");
  const version = doc.finalVersion !== undefined ? `\n<meta name="version" content="第${doc.finalVersion}版">` : "";
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">${version}
<title>${escapeHtml(doc.title.replace(/\s*\n\s*/g, ""))}${draft ? `（${DRAFT_MARK}）` : ""}</title>
<style>${htmlStyle(draft)}</style>
</head>
<body${draft ? ' class="draft"' : ""}>
${draft ? `<div class="watermark" aria-hidden="true">${DRAFT_MARK}</div>\n` : ""}<article class="page">
${draft ? `<div class="draft-mark">${DRAFT_MARK}</div>\n` : ""}<h1 class="doc-title">${title}</h1>
<div class="after-title"></div>
${blocks(doc.preamble)}
${sections.join("\n")}
${signOff}
</article>
</body>
</html>
`;
}
