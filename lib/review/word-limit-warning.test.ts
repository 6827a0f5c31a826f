import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { sections } from "@/db/schema";
import { seedDemo } from "@/lib/demo/seed-demo";
import { countWords } from "@/lib/text/word-count";
import { submitSection } from "./commands";
import { principal, reload, sectionByTitle, writeText } from "./test-helpers";
import { submittedWordLimitWarning } from "./word-limit-warning";

describe.each(testDbTargets())("字数要求 at submit on $name", (target) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await target.open();
    await seedDemo(h.db);
  });
  afterAll(() => h?.close());

  it("lets an over-long text be submitted and warns with the excess counted like the editor", async () => {
    const s = await sectionByTitle(h.db, "聚焦人才强企");
    const text = "人才队伍建设成效明显，引进高层次人才5名。";
    await writeText(h.db, s.id, text);
    await h.db.update(sections).set({ wordLimit: countWords(text) - 3 }).where(eq(sections.id, s.id));
    expect(await submittedWordLimitWarning(h.db, s.id)).toBeNull(); // nothing submitted yet
    const r = await submitSection(h.db, { sectionId: s.id, version: (await reload(h.db, s.id)).version, actor: await principal(h.db, "rlzy1") });
    expect(r.state).toBe("in_review"); // advice, not a refusal
    expect(await submittedWordLimitWarning(h.db, s.id)).toBe(`本节 ${countWords(text)} 字，超出字数要求（不超过 ${countWords(text) - 3} 字）3 字`);
    await h.db.update(sections).set({ wordLimit: countWords(text) }).where(eq(sections.id, s.id));
    expect(await submittedWordLimitWarning(h.db, s.id)).toBeNull();
    await h.db.update(sections).set({ wordLimit: null }).where(eq(sections.id, s.id));
    expect(await submittedWordLimitWarning(h.db, s.id)).toBeNull();
  });
});
