import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { seedDemo } from "@/lib/demo/seed-demo";
import { importText } from "@/lib/import";
import { createReport } from "@/lib/reports/create-report";
import { submitSection } from "./commands";
import { sectionPlaceholders, setPlaceholderIntended } from "./intended-placeholders";
import { placeholderRefusal } from "./placeholder-check";
import { principal, reload, sectionByTitle } from "./test-helpers";

const SEEDS = path.resolve(import.meta.dirname, "../../../shared/fixtures/seeds");

describe("placeholderRefusal on real summaries", () => {
  const files = fs.existsSync(SEEDS) ? fs.readdirSync(SEEDS).filter((f) => f.endsWith(".txt")) : [];
  it.each(files)("%s is full of blanks: submit would be refused", (file) => {
    const text = fs.readFileSync(path.join(SEEDS, file), "utf8");
    expect(placeholderRefusal(text, [])).toMatch(/^还有 \d+ 处待补充内容（如 .+），请补充后再提交，或标记为有意保留$/);
  });
  it("accepts text without blanks", () => {
    expect(placeholderRefusal("上半年召开党委理论学习中心组集体学习6次。\n发展党员5名。", [])).toBeNull();
  });
});

describe.each(testDbTargets())("placeholders in the workflow on $name", (target) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await target.open();
    await seedDemo(h.db);
  });
  afterAll(() => h?.close());

  it("refuses to submit an imported seed section with blanks", async () => {
    const db = h.db;
    const text = fs.readFileSync(path.join(SEEDS, "group-company-2020h1.txt"), "utf8");
    const imported = importText(text);
    const dqb1 = await principal(db, "dqb1");
    const created = await createReport(db, {
      title: imported.title || "导入", organisationName: "示例集团公司",
      sections: imported.sections.map((s) => ({ level: s.level, title: s.title, body: s.body, departmentId: dqb1.departmentId })),
    });
    const withBlanks = created.sections.find((s, i) => /XX/.test(imported.sections[i].body))!;
    const row = await reload(db, withBlanks.id);
    await expect(submitSection(db, { sectionId: row.id, version: row.version, actor: dqb1 })).rejects.toMatchObject({
      code: "refused", message: expect.stringMatching(/还有 \d+ 处待补充内容（如 XX.）/),
    });
  });

  it("lets the editor mark a blank as intended, then submit", async () => {
    const db = h.db;
    const dqb1 = await principal(db, "dqb1");
    const s = await sectionByTitle(db, "夯实基层基础");
    const [blank] = await sectionPlaceholders(db, s.id);
    expect(blank).toMatchObject({ label: "X名", intended: false, key: "x-count:X:0" });
    await expect(setPlaceholderIntended(db, { sectionId: s.id, key: blank.key, intended: true, actor: await principal(db, "reviewer") }))
      .rejects.toMatchObject({ code: "forbidden" });
    await expect(setPlaceholderIntended(db, { sectionId: s.id, key: "x-count:Y:9", intended: true, actor: dqb1 }))
      .rejects.toMatchObject({ code: "refused" });
    expect(await setPlaceholderIntended(db, { sectionId: s.id, key: blank.key, intended: true, actor: dqb1 })).toEqual({ intended: [blank.key], count: 0 });
    expect((await reload(db, s.id)).placeholderCount).toBe(0);
    const r = await submitSection(db, { sectionId: s.id, version: s.version, actor: dqb1 });
    expect(r.state).toBe("in_review");
    // In review the text is frozen: marks can no longer change.
    await expect(setPlaceholderIntended(db, { sectionId: s.id, key: blank.key, intended: false, actor: dqb1 })).rejects.toMatchObject({ code: "forbidden" });
  });
});
