/**
 * A report created from a Word import with a table: the section's Yjs document holds a real
 * table node (Tiptap's TableKit), not the marker line; sections without tables stay text.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { sectionUpdates } from "@/db/schema";
import { seedDemo } from "@/lib/demo/seed-demo";
import { docFromUpdates, docToContent } from "@/lib/collab/content";
import { runImportJob } from "@/lib/import/job";
import { buildDocx } from "@/lib/import/word/test-docx";
import { createImportedReport } from "./import-report";

describe.each(testDbTargets())("import with a table on $name", (target) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await target.open();
    await seedDemo(h.db);
  });
  afterAll(() => h?.close());

  it("creates the table as table › tableRow › tableHeader/tableCell in the section document", async () => {
    const r = runImportJob({
      kind: "file",
      filename: "表格.docx",
      bytes: await buildDocx([
        { text: "2026年上半年工作总结", style: "Title" },
        { text: "指标完成情况", style: "1" },
        { text: "完成情况如下：" },
        { table: [["指标", "完成"], ["发展党员", "X名"]] },
        { text: "存在问题", style: "1" },
        { text: "问题一。" },
      ]),
    });
    const created = await createImportedReport(h.db, { title: r.title, preamble: r.preamble, sections: r.sections, tables: r.tables });
    const content = async (sectionId: string) => {
      const rows = await h.db.select().from(sectionUpdates).where(eq(sectionUpdates.sectionId, sectionId));
      return docToContent(docFromUpdates(rows.map((row) => row.update)));
    };
    const first = await content(created.sections[0].id);
    expect(first.json.content?.map((n) => n.type)).toEqual(["paragraph", "table"]);
    const table = first.json.content![1];
    expect(table.content?.map((row) => row.content?.map((c) => c.type))).toEqual([["tableHeader", "tableHeader"], ["tableCell", "tableCell"]]);
    expect(first.text).toBe("完成情况如下：\n指标 | 完成\n发展党员 | X名"); // table rows as plain text: cells joined by " | "
    expect(first.text).not.toContain("［表格");
    expect((await content(created.sections[1].id)).json.content?.map((n) => n.type)).toEqual(["paragraph"]);
  });
});
