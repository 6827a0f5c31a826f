import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { asc, eq } from "drizzle-orm";
import type { Db, DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { reports, sectionUpdates } from "@/db/schema";
import { seedDemo } from "@/lib/demo/seed-demo";
import { AppError } from "@/lib/errors";
import { assembleReport } from "@/lib/assembly/assemble-report";
import { exportReport } from "@/lib/assembly/export-report";
import { blocksToText } from "@/lib/export/blocks";
import { inspectDocx } from "@/lib/export/inspect-docx";
import { submitSection } from "@/lib/review/commands";
import { getSectionView } from "@/lib/review/section-view";
import { sectionPlaceholders } from "@/lib/review/intended-placeholders";
import { placeholderCounts } from "@/lib/reports/placeholder-counts";
import { principal, sectionByTitle, writeText } from "@/lib/review/test-helpers";
import { onReloadSection } from "./bus";
import { docFromUpdates } from "./content";
import { renderSection } from "./render-section";
import { restoreSection } from "./restore-section";
import { YJS_FIELD } from "@/lib/editor/extensions";

const MARKER = "本节内容无法读取：夯实基层基础"; // Markdown puts the bold markers inside 【】

/** Appends, as a stored row, the update `edit` makes on the section's current document. */
async function appendEdit(db: Db, sectionId: string, edit: (doc: Y.Doc) => void): Promise<void> {
  const rows = await db.select().from(sectionUpdates).where(eq(sectionUpdates.sectionId, sectionId)).orderBy(asc(sectionUpdates.id));
  const doc = docFromUpdates(rows.map((r) => r.update));
  const before = Y.encodeStateVector(doc);
  edit(doc);
  await db.insert(sectionUpdates).values({ sectionId, update: Y.encodeStateAsUpdate(doc, before) });
}

const badArray = (doc: Y.Doc) => doc.getArray(YJS_FIELD).insert(0, [1]);

async function rowsOf(db: Db, sectionId: string): Promise<Uint8Array[]> {
  const rows = await db.select().from(sectionUpdates).where(eq(sectionUpdates.sectionId, sectionId)).orderBy(asc(sectionUpdates.id));
  return rows.map((r) => r.update);
}

describe.each(testDbTargets())("an unreadable section on $name", (target) => {
  let h: DbHandle;
  let sectionId: string;
  let reportId: string;
  beforeAll(async () => {
    h = await target.open();
    await seedDemo(h.db);
    const s = await sectionByTitle(h.db, "夯实基层基础");
    sectionId = s.id;
    reportId = s.reportId;
    await writeText(h.db, sectionId, "好的第一段，发展党员5名。");
    await appendEdit(h.db, sectionId, badArray); // stored before updates were validated
    await appendEdit(h.db, sectionId, (doc) => { // later rows render no better
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText("坏更新之后又写的字。")]);
      doc.getXmlFragment(YJS_FIELD).insert(0, [p]);
    });
  });
  afterAll(() => h?.close());

  it("is reported, not thrown: the section view, its placeholders and the dashboard counts answer", async () => {
    const view = await getSectionView(h.db, sectionId);
    expect(view).toMatchObject({ readable: false, placeholders: 0 });
    expect(await sectionPlaceholders(h.db, sectionId)).toEqual([]);
    const counts = await placeholderCounts(h.db, [{ id: sectionId, intendedPlaceholders: [] }]);
    expect(counts.get(sectionId)).toBe(0);
  });

  it("submit is refused with 422 and a Chinese message, not a 500", async () => {
    const s = await sectionByTitle(h.db, "夯实基层基础");
    const err = await submitSection(h.db, { sectionId, version: s.version, actor: await principal(h.db, "dqb1") }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(422);
    expect(err.message).toMatch(/本节内容无法读取/);
  });

  it("the preview and every export of the report still work, with a marker naming the section", async () => {
    const doc = await assembleReport(h.db, reportId, { useApproved: false });
    const broken = doc.sections.find((s) => s.id === sectionId)!;
    expect(blocksToText(broken.blocks)).toBe(`【本节内容无法读取：${broken.title}，请管理员恢复】`);
    expect(doc.sections.filter((s) => s.id !== sectionId && blocksToText(s.blocks).length > 0).length).toBeGreaterThan(3);
    const md = new TextDecoder().decode((await exportReport(h.db, reportId, "md")).bytes);
    const html = new TextDecoder().decode((await exportReport(h.db, reportId, "html")).bytes);
    const docx = await inspectDocx((await exportReport(h.db, reportId, "docx")).bytes);
    for (const text of [md, html, docx.paragraphs.map((p) => p.text).join("\n")]) {
      expect(text).toContain(MARKER);
      expect(text).toContain("坚持政治引领"); // another department's section is there
    }
  });

  it("only an admin may restore; a readable section needs no restore", async () => {
    await expect(restoreSection(h.db, { sectionId, actor: await principal(h.db, "reviewer") })).rejects.toMatchObject({ code: "forbidden" });
    const other = await sectionByTitle(h.db, "坚持政治引领");
    await expect(restoreSection(h.db, { sectionId: other.id, actor: await principal(h.db, "admin") })).rejects.toMatchObject({ code: "refused" });
  });

  it("an admin restores the longest readable prefix of the log in one step; open rooms are told to reload", async () => {
    const before = await rowsOf(h.db, sectionId);
    const reloads: string[] = [];
    const off = onReloadSection((id) => reloads.push(id));
    const r = await restoreSection(h.db, { sectionId, actor: await principal(h.db, "admin") });
    off();
    expect(r).toMatchObject({ source: "log", keptRows: before.length - 2, totalRows: before.length, text: "好的第一段，发展党员5名。" });
    expect(reloads).toEqual([sectionId]);
    const after = await rowsOf(h.db, sectionId);
    expect(after).toHaveLength(1);
    expect(renderSection(after)).toMatchObject({ ok: true, text: "好的第一段，发展党员5名。" });
    expect(await getSectionView(h.db, sectionId)).toMatchObject({ readable: true });
    const md = new TextDecoder().decode((await exportReport(h.db, reportId, "md")).bytes);
    expect(md).not.toContain(MARKER);
    expect(md).toContain("好的第一段，发展党员5名。");
  });

  it("falls back to the last frozen version when the very first row is bad", async () => {
    const s = await sectionByTitle(h.db, "压紧压实安全环保责任");
    await writeText(h.db, s.id, "提交时的文字。");
    await submitSection(h.db, { sectionId: s.id, version: s.version, actor: await principal(h.db, "aqhb1") });
    await h.db.delete(sectionUpdates).where(eq(sectionUpdates.sectionId, s.id));
    const bad = new Y.Doc();
    badArray(bad);
    await h.db.insert(sectionUpdates).values({ sectionId: s.id, update: Y.encodeStateAsUpdate(bad) });
    const r = await restoreSection(h.db, { sectionId: s.id, actor: await principal(h.db, "admin") });
    expect(r).toMatchObject({ source: "version", versionNumber: 1, text: "提交时的文字。" });
    expect((await getSectionView(h.db, s.id)).readable).toBe(true);
    const [report] = await h.db.select().from(reports).where(eq(reports.id, s.reportId));
    expect(report).toBeTruthy();
  });
});
