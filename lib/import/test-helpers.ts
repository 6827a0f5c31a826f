/**
 * Helpers shared by the importer's tests (not used at runtime): a generated sample .docx and
 * the ImportError code of a failing call.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { ImportError } from "./errors";

/** The lines of the sample document: an ad line, title, preamble, headings and body. */
export const SAMPLE_LINES = [
  "仅供学习 禁止外传",
  "2020年上半年党建工作总结",
  "上半年，我局认真落实党建工作责任。",
  "一、工作开展情况",
  "（一）落实主体责任。组织学习X次。",
  "二、下步工作计划",
  "一是强化学习。",
];

/**
 * Builds a small .docx like a downloaded summary from `SAMPLE_LINES` with the `docx` package,
 * title and level-1 headings styled as Word headings (the importer must not depend on styles).
 * @returns the file bytes.
 */
export async function sampleDocx(): Promise<Uint8Array> {
  const styled: Record<number, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
    1: HeadingLevel.TITLE,
    3: HeadingLevel.HEADING_1,
    5: HeadingLevel.HEADING_1,
  };
  const children = SAMPLE_LINES.map((text, i) => new Paragraph({ heading: styled[i], children: [new TextRun(text)] }));
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

/**
 * Runs `fn` (sync or async) and returns the `code` of the ImportError it throws.
 * @throws the error itself when it is not an ImportError; an Error when nothing is thrown.
 */
export async function importErrorCode(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof ImportError) return e.code;
    throw e;
  }
  throw new Error("expected an ImportError, nothing was thrown");
}
