/**
 * .docx export in the official-document format of GB/T 9704-2012 (see gbt9704.ts).
 */
import { Document, Packer, Paragraph } from "docx";
import type { AssembledDocument } from "./types";
import { blankParagraph, blockParagraphs, headingParagraph, signOffParagraphs, titleParagraphs } from "./docx-paragraphs";
import { documentStyles, draftHeaders, pageFooters, sectionProperties } from "./docx-page";
import { headingText, isDraft, sectionMarker } from "./marks";

/** The body paragraphs in reading order: title, blank line, preamble, sections, 落款. */
function bodyParagraphs(doc: AssembledDocument): Paragraph[] {
  const out: Paragraph[] = [...titleParagraphs(doc.title), blankParagraph(), ...blockParagraphs(doc.preamble)];
  for (const section of doc.sections) {
    out.push(headingParagraph(section.level, headingText(section), sectionMarker(doc, section)));
    out.push(...blockParagraphs(section.blocks));
  }
  if (doc.date) out.push(...signOffParagraphs(doc.organisation, doc.date));
  return out;
}

/**
 * Builds the .docx of an assembled document.
 * Takes the document (numbers already computed); returns the file's bytes.
 * Layout: A4, margins 37/35/28/26 mm, title 22 pt 方正小标宋简体 centred, body 16 pt 仿宋_GB2312
 * with 2-char first-line indent on a 22 × 28 grid, headings numbered as text ("一、标题") in
 * 黑体 / 楷体_GB2312 / 仿宋 bold / 仿宋, page numbers "— N —" odd right / even left
 * (GB/T 9704-2012 §5.2, §7.3, §7.5). A draft gets a 征求意见稿 header on every page and a
 * 【未审定：…】 mark after each heading not yet approved; a final version gets neither.
 * @throws whatever docx's Packer throws on invalid content (not expected for valid input).
 */
export async function exportDocx(doc: AssembledDocument): Promise<Uint8Array> {
  const document = new Document({
    title: doc.title,
    creator: doc.organisation,
    description: doc.finalVersion !== undefined ? `定稿 第${doc.finalVersion}版` : isDraft(doc) ? "征求意见稿" : undefined,
    styles: documentStyles(),
    evenAndOddHeaderAndFooters: true, // odd/even page-number footers, GB/T 9704-2012 §7.5
    // A justified line ending in a hard break must not be stretched across the line.
    compatibility: { version: 15, doNotExpandShiftReturn: true },
    sections: [
      {
        properties: sectionProperties(),
        headers: draftHeaders(isDraft(doc)),
        footers: pageFooters(),
        children: bodyParagraphs(doc),
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
