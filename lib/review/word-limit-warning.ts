/**
 * The warning a submission gets when its text is over the section's 字数要求 (issue 16: "warned
 * at submit", never refused): the frozen submitted text is counted with the editor's rule
 * (lib/text/word-count) and compared with `sections.word_limit`.
 */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sections } from "@/db/schema";
import { countWords } from "@/lib/text/word-count";
import { checkWordLimit, overLimitWarning } from "@/lib/text/word-limit";
import { latestVersion } from "./versions";

/**
 * "本节 812 字，超出字数要求（不超过 800 字）12 字" for the section's latest submitted version,
 * or null when it has no limit, no submission, or is within it. No policy check: call it after
 * a submission the caller was allowed to make.
 */
export async function submittedWordLimitWarning(db: DbOrTx, sectionId: string): Promise<string | null> {
  const [row] = await db.select({ wordLimit: sections.wordLimit }).from(sections).where(eq(sections.id, sectionId));
  if (!row?.wordLimit) return null;
  const submitted = await latestVersion(db, sectionId, "submitted");
  if (!submitted) return null;
  return overLimitWarning(checkWordLimit(countWords(submitted.text), row.wordLimit));
}
