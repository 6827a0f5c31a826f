/**
 * .docx export in the official-document format of GB/T 9704-2012 (see gbt9704.ts).
 */
import { Document, Packer } from "docx";
import type { Paragraph, Table } from "docx";
import type { AssembledDocument, ExportOptions } from "./types";
import { blankParagraph, draftTitleParagraph, headingParagraph, signOffParagraphs, titleParagraphs } from "./docx-paragraphs";
import { blockContent } from "./docx-blocks";
import { addresseeParagraphs, attachmentParagraphs } from "./docx-parts";
import { printedDate } from "../text/cn-date";
import { documentStyles, draftHeaders, pageFooters, sectionProperties } from "./docx-page";
import { finishPackage } from "./docx-package";
import { draftMarking, headingText, isDraft, sectionMarker } from "./marks";

/**
 * The body in reading order: title, (征求意见稿 line,) blank line, 主送, preamble, sections,
 * 附件说明, 落款 (GB/T 9704-2012 §7.3).
 */
function bodyContent(doc: AssembledDocument, options: ExportOptions): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [...titleParagraphs(doc.title)];
  if (draftMarking(doc, options) === "title") out.push(draftTitleParagraph());
  out.push(blankParagraph(), ...addresseeParagraphs(doc.addressee), ...blockContent(doc.preamble));
  for (const section of doc.sections) {
    out.push(headingParagraph(section.level, headingText(section), sectionMarker(doc, section, options), options.boldLevel3));
    out.push(...blockContent(section.blocks));
  }
  out.push(...attachmentParagraphs(doc.attachments));
  if (doc.date) out.push(...signOffParagraphs(doc.organisation, printedDate(doc.date)));
  return out;
}

/**
 * Builds the .docx of an assembled document.
 * Takes the document (numbers already computed) and options (ExportOptions: cleanDraft,
 * boldLevel3, author); returns the file's bytes.
 * Layout: A4, margins 37/35/28/26 mm, 主送 flush left under the title, 附件说明 and 落款 after
 * the body (docx-parts.ts, GB/T 9704-2012 §7.3.2, §7.3.4, §7.3.5; the date in Arabic numerals), title 22 pt 方正小标宋简体 centred, body 16 pt 仿宋_GB2312
 * with 2-char first-line indent, 22 lines × 28 characters, headings numbered as text
 * ("一、标题") in 黑体 / 楷体_GB2312 / 仿宋 / 仿宋 with outline levels 0–3, tables 156 mm wide
 * with full borders, page numbers "— N —" odd right / even left 7 mm below the 版心
 * (GB/T 9704-2012 §5.2, §7.3, §7.5). A draft gets a 征求意见稿 header on every page and a
 * 【未审定：…】 mark after each heading not yet approved, or with cleanDraft one "（征求意见稿）"
 * line under the title; a final version gets neither. The package has a font table with
 * fallbacks (docx-fonts.ts), every property element in schema order (ooxml-order.ts) and
 * core properties creator = lastModifiedBy = options.author (else the organisation),
 * title = the report title on one line.
 * @throws whatever docx's Packer throws on invalid content (not expected for valid input).
 */
export async function exportDocx(doc: AssembledDocument, options: ExportOptions = {}): Promise<Uint8Array> {
  const author = options.author?.trim() || doc.organisation;
  const document = new Document({
    title: doc.title.replace(/\s*\n\s*/g, ""),
    creator: author,
    lastModifiedBy: author,
    description: doc.finalVersion !== undefined ? `定稿 第${doc.finalVersion}版` : isDraft(doc) ? "征求意见稿" : undefined,
    styles: documentStyles(options),
    evenAndOddHeaderAndFooters: true, // odd/even page-number footers, GB/T 9704-2012 §7.5
    // A justified line ending in a hard break must not be stretched across the line.
    compatibility: { version: 15, doNotExpandShiftReturn: true },
    sections: [
      {
        properties: sectionProperties(),
        headers: draftHeaders(draftMarking(doc, options) === "pages"),
        footers: pageFooters(),
        children: bodyContent(doc, options),
      },
    ],
  });
  return finishPackage(new Uint8Array(await Packer.toBuffer(document)));
}
