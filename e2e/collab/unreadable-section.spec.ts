/**
 * Rendering is total (issue 9): a database that already holds a structurally wrong update (as
 * stored before updates were validated) shows that section as a marker naming it — on its page,
 * in the preview and in every export — while the rest of the report works; submit is refused
 * with 422; an admin restores the section's last readable text with one button.
 */
import { expect, test } from "@playwright/test";
import * as Y from "yjs";
import { asc, eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { sectionUpdates, sections } from "@/db/schema";
import { docFromUpdates } from "@/lib/collab/content";
import { YJS_FIELD } from "@/lib/editor/extensions";
import { startServer, type RunningServer } from "../support/server";
import { signedInPage } from "../support/auth";
import { DQB_SECTION, editorText } from "./support";

let server: RunningServer;
let sectionId: string;
let reportId: string;
let fullTitle: string;

test.beforeAll(async () => {
  test.setTimeout(360_000); // two server starts; slow on a loaded machine
  server = await startServer();
  await server.stop();
  // The bad row goes straight into section_updates, as the 22-byte update used to be stored.
  const handle = await openDatabase({ dataDir: server.dataDir });
  try {
    const all = await handle.db.select().from(sections);
    const section = all.find((s) => s.title.startsWith(DQB_SECTION))!;
    sectionId = section.id;
    reportId = section.reportId;
    fullTitle = section.title;
    const rows = await handle.db.select().from(sectionUpdates).where(eq(sectionUpdates.sectionId, sectionId)).orderBy(asc(sectionUpdates.id));
    const doc = docFromUpdates(rows.map((r) => r.update));
    const before = Y.encodeStateVector(doc);
    doc.getArray(YJS_FIELD).insert(0, [1]);
    await handle.db.insert(sectionUpdates).values({ sectionId, update: Y.encodeStateAsUpdate(doc, before) });
  } finally {
    await handle.close();
  }
  await server.restart();
});
test.afterAll(async () => {
  await server?.stop();
});

test("an unreadable section shows a marker everywhere, the report still works, and an admin restores it", async ({ browser }) => {
  const marker = `【本节内容无法读取：${fullTitle}，请管理员恢复】`;

  // The editor of the section sees the marker instead of the editor, and cannot submit.
  const editor = await signedInPage(browser, server.url, "dqb1", `/sections/${sectionId}`);
  await expect(editor.getByTestId("section-unreadable")).toContainText(marker);
  await expect(editor.getByTestId("restore-section")).toHaveCount(0);
  await expect(editor.getByTestId("section-editor-card")).toHaveCount(0);
  const api = await editor.context().request.get(`${server.url}/api/sections/${sectionId}`);
  expect(api.status()).toBe(200);
  const { version } = (await api.json()) as { version: number };
  const submit = await editor.context().request.post(`${server.url}/api/sections/${sectionId}/transition`, {
    data: { event: "submit", version }, headers: { origin: server.url },
  });
  expect(submit.status()).toBe(422);
  expect(((await submit.json()) as { error: { message: string } }).error.message).toMatch(/本节内容无法读取/);

  // Preview and exports of the whole report: the marker in place of this section, the rest intact.
  const admin = await signedInPage(browser, server.url, "admin", `/reports/${reportId}/preview`);
  await expect(admin.getByText(marker)).toBeVisible();
  await expect(admin.getByText("坚持政治引领", { exact: false }).first()).toBeVisible();
  for (const format of ["docx", "md", "html"]) {
    const res = await admin.context().request.get(`${server.url}/api/reports/${reportId}/export?format=${format}`);
    expect(res.status(), format).toBe(200);
  }
  const md = await (await admin.context().request.get(`${server.url}/api/reports/${reportId}/export?format=md`)).text();
  expect(md).toContain(`本节内容无法读取：${fullTitle}`);

  // The admin restores it from the section page; the text is back and editable again.
  await admin.goto(`/sections/${sectionId}`);
  await expect(admin.getByTestId("section-unreadable")).toContainText(marker);
  await admin.screenshot({ path: "test-results/unreadable-section.png" });
  await admin.getByTestId("restore-section").click();
  await expect(admin.getByTestId("section-unreadable")).toHaveCount(0, { timeout: 15_000 });
  await editor.reload();
  await expect(editor.getByTestId("section-unreadable")).toHaveCount(0);
  await expect.poll(() => editorText(editor).catch(() => ""), { timeout: 15_000 }).toContain("发展党员X名");
  const after = await (await admin.context().request.get(`${server.url}/api/reports/${reportId}/export?format=md`)).text();
  expect(after).not.toContain("本节内容无法读取");
  expect(after).toContain("发展党员X名");
  await editor.context().close();
  await admin.context().close();
});
