/**
 * Print-ready HTML export: one self-contained page (no external assets) laid out like the
 * .docx, for preview in the browser and printing to PDF.
 */
import type { AssembledDocument, Block, ExportOptions, Inline, TableCell } from "./types";
import { listMarker } from "./blocks";
import { htmlStyle } from "./html-style";
import { DRAFT_MARK, DRAFT_TITLE_LINE, draftMarking, headingText, sectionMarker } from "./marks";
import { columnFractions, layoutTable } from "./table-grid";
import { signOffIndents } from "./signoff";
import { attachmentLines } from "./attachments";
import { printedDate } from "../text/cn-date";

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

function cell(c: TableCell): string {
  const tag = c.header ? "th" : "td";
  const spans = `${(c.colspan ?? 1) > 1 ? ` colspan="${c.colspan}"` : ""}${(c.rowspan ?? 1) > 1 ? ` rowspan="${c.rowspan}"` : ""}`;
  return `<${tag}${spans}>${c.runs.map(inline).join("")}</${tag}>`;
}

/** A bordered table as wide as the text (GB/T 9704 has no table style; see TABLE in gbt9704.ts). */
function table(rows: readonly (readonly TableCell[])[]): string {
  const layout = layoutTable(rows);
  const cols = columnFractions(layout).map((f) => `<col style="width: ${(f * 100).toFixed(2)}%">`).join("");
  return `<table class="grid">\n<colgroup>${cols}</colgroup>\n${layout.rows.map((r) => `<tr>${r.map(cell).join("")}</tr>`).join("\n")}\n</table>`;
}

function blocks(list: readonly Block[]): string {
  return list
    .map((block) =>
      block.type === "paragraph"
        ? para(block.runs)
        : block.type === "table"
          ? table(block.rows)
          : block.items.map((item, i) => para([{ text: listMarker(block.ordered, i) }, ...item])).join("\n"),
    )
    .join("\n");
}

/** 主送 flush left with a full-width colon (GB/T 9704-2012 §7.3.2), or "" when none. */
function addressee(text: string | undefined): string {
  const name = (text ?? "").trim().replace(/[：:]+$/, "");
  return name ? `<p class="addressee">${escapeHtml(name)}：</p>\n` : "";
}

/** 附件说明 (§7.3.4): hanging lines, numbers in a fixed-width box so names align; "" when none. */
function attachments(items: readonly string[] | undefined): string {
  const lines = attachmentLines(items ?? []);
  if (!lines.length) return "";
  const html = lines.map((l) => {
    const style = `padding-left: ${l.leftChars}em; text-indent: -${l.hangingChars}em`;
    // Label and number in boxes of their nominal width, so names align whatever the font.
    const label = l.label ? `<span class="box" style="width: ${l.hangingChars - l.numberChars}em">${l.label}</span>` : "";
    const num = l.number ? `<span class="box" style="width: ${l.numberChars}em">${l.number}</span>` : "";
    return `<p style="${style}">${label}${num}${escapeHtml(l.name)}</p>`;
  });
  return `<div class="attachments">\n${html.join("\n")}\n</div>\n`;
}

/**
 * HTML page of an assembled document. Takes the document; returns a complete UTF-8 HTML
 * document (lang zh-CN) with inline CSS from html-style.ts: title, preamble, sections as
 * <section> with h2–h5 for levels 1–4 (number as text), list items as paragraphs with text
 * markers, tables as <table class="grid"> (th for header cells, spans kept), 主送 (§7.3.2),
 * 附件说明 (§7.3.4) and 落款 (§7.3.5.2, date in Arabic numerals) per GB/T 9704-2012. A draft shows 征求意见稿 (header, watermark) and marks sections not
 * approved with class "unapproved" and 【未审定：…】; with options.cleanDraft only a
 * "（征求意见稿）" line under the title. options.boldLevel3 makes h4 bold. All user text is
 * escaped (XSS-safe). Never throws for a well-typed document.
 */
export function exportHtml(doc: AssembledDocument, options: ExportOptions = {}): string {
  const marking = draftMarking(doc, options);
  const draft = marking === "pages";
  const sections = doc.sections.map((section) => {
    const marker = sectionMarker(doc, section, options);
    const tag = `h${section.level + 1}`;
    const heading = `<${tag}>${escapeHtml(headingText(section))}${marker ? `<span class="marker">${escapeHtml(marker)}</span>` : ""}</${tag}>`;
    const attrs = `class="level-${section.level}${marker ? " unapproved" : ""}" data-state="${escapeHtml(section.state)}"`;
    return `<section ${attrs}>\n${heading}\n${blocks(section.blocks)}\n</section>`;
  });
  let signOff = "";
  if (doc.date) {
    const date = printedDate(doc.date);
    const ind = signOffIndents(doc.organisation, date);
    const org = doc.organisation.trim() ? `<p style="padding-right: ${ind.organisation}em">${escapeHtml(doc.organisation)}</p>` : "";
    signOff = `<div class="signoff">${org}<p style="padding-right: ${org ? ind.date : 2}em">${escapeHtml(date)}</p></div>`;
  }
  const title = doc.title.split("\n").map(escapeHtml).join("<br>");
  const version = doc.finalVersion !== undefined ? `\n<meta name="version" content="第${doc.finalVersion}版">` : "";
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">${version}
<title>${escapeHtml(doc.title.replace(/\s*\n\s*/g, ""))}${marking !== "none" ? DRAFT_TITLE_LINE : ""}</title>
<style>${htmlStyle({ draft, boldLevel3: options.boldLevel3 })}</style>
</head>
<body${draft ? ' class="draft"' : ""}>
${draft ? `<div class="watermark" aria-hidden="true">${DRAFT_MARK}</div>\n` : ""}<article class="page">
${draft ? `<div class="draft-mark">${DRAFT_MARK}</div>\n` : ""}<h1 class="doc-title">${title}</h1>
${marking === "title" ? `<p class="draft-title">${DRAFT_TITLE_LINE}</p>\n` : ""}<div class="after-title"></div>
${addressee(doc.addressee)}${blocks(doc.preamble)}
${sections.join("\n")}
${attachments(doc.attachments)}${signOff}
</article>
</body>
</html>
`;
}
