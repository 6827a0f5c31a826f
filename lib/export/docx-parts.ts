/**
 * Paragraphs of the report's own parts around the sections in the .docx: the 主送机关 under the
 * title (GB/T 9704-2012 §7.3.2) and the 附件说明 under the body (§7.3.4). The 落款 is in
 * docx-paragraphs.ts (signOffParagraphs).
 */
import { AlignmentType, LineRuleType, Paragraph, Tab, TabStopType, TextRun } from "docx";
import { attachmentLines } from "./attachments";
import { BODY_CHAR_TWIPS, FONT, LINE_PITCH_TWIPS, SIZE_HALF_POINTS } from "./gbt9704";
import { blankParagraph, textRuns } from "./docx-paragraphs";

const SPACING = { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
const BODY = { font: FONT.body, size: SIZE_HALF_POINTS.body };
const twips = (chars: number) => Math.round(chars * BODY_CHAR_TWIPS);

/**
 * The 主送 line, §7.3.2: "居左顶格，回行时仍顶格，最后一个机关名称后标全角冒号" — flush left, no
 * indent on any line, ending in `：` (added when missing; an ASCII colon becomes full-width).
 * Takes the addressee text; returns one paragraph, or none for blank text.
 */
export function addresseeParagraphs(addressee: string | undefined): Paragraph[] {
  const text = (addressee ?? "").trim().replace(/[：:]+$/, "");
  if (!text) return [];
  return [new Paragraph({ alignment: AlignmentType.BOTH, spacing: SPACING, indent: { left: 0, firstLine: 0 }, children: textRuns([{ text: `${text}：` }], BODY) })];
}

/**
 * The 附件说明, §7.3.4: a blank line, then one paragraph per item (attachments.ts): `附件：1.名称`
 * starting 2 characters in, `2.名称` … with the number under `1.`; a tab after the number runs
 * to the hanging indent, so names and their wrapped lines all start at one position.
 * Takes the item names; returns [] when there are none.
 */
export function attachmentParagraphs(items: readonly string[] | undefined): Paragraph[] {
  const lines = attachmentLines(items ?? []);
  if (!lines.length) return [];
  return [
    blankParagraph(),
    ...lines.map((line) => {
      const left = twips(line.leftChars);
      const lead = textRuns([{ text: line.label + line.number }], BODY);
      const children: TextRun[] = line.number ? [...lead, new TextRun({ children: [new Tab()], size: BODY.size }), ...textRuns([{ text: line.name }], BODY)] : textRuns([{ text: line.label + line.name }], BODY);
      return new Paragraph({
        alignment: AlignmentType.LEFT,
        spacing: SPACING,
        indent: { left, hanging: twips(line.hangingChars) },
        tabStops: [{ type: TabStopType.LEFT, position: left }],
        keepLines: true,
        children,
      });
    }),
  ];
}
