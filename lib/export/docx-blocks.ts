/**
 * Body content of the .docx export: Blocks → paragraphs and tables, in reading order.
 */
import type { Paragraph, Table } from "docx";
import type { Block } from "./types";
import { listMarker } from "./blocks";
import { bodyParagraph } from "./docx-paragraphs";
import { tableElement } from "./docx-table";

/**
 * Paragraphs and tables for Blocks: paragraph → body paragraph, list items → body paragraphs
 * starting with a text marker ("1." / "·"), table → a 版心-wide bordered table.
 */
export function blockContent(blocks: readonly Block[]): (Paragraph | Table)[] {
  return blocks.flatMap((block): (Paragraph | Table)[] => {
    if (block.type === "paragraph") return [bodyParagraph(block.runs)];
    if (block.type === "table") return [tableElement(block.rows)];
    return block.items.map((item, i) => bodyParagraph([{ text: listMarker(block.ordered, i) }, ...item]));
  });
}
