/**
 * Page helpers for the main-job test: drive the section editor (a Tiptap `.ProseMirror` whose
 * DOM node carries its editor), read a section's version from the JSON API, fire transitions.
 */
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { editorText } from "../collab/support";

export interface ApiSection { id: string; number: string; title: string; level: number; headingOnly: boolean; departmentName: string | null; state: string; version: number }

/** The report's outline as the JSON API returns it. */
export async function outline(request: APIRequestContext, baseUrl: string, reportId: string): Promise<ApiSection[]> {
  const res = await request.get(`${baseUrl}/api/reports/${reportId}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { sections: ApiSection[] }).sections;
}

/** POST /api/sections/<id>/transition with the section's current version; expects 200. */
export async function transition(request: APIRequestContext, baseUrl: string, sectionId: string, event: string): Promise<{ state: string; version: number }> {
  const current = await request.get(`${baseUrl}/api/sections/${sectionId}`);
  expect(current.status()).toBe(200);
  const { version } = (await current.json()) as { version: number };
  const res = await request.post(`${baseUrl}/api/sections/${sectionId}/transition`, { data: { event, version } });
  const body = await res.json();
  expect(res.status(), `${event} ${sectionId}: ${JSON.stringify(body)}`).toBe(200);
  return body;
}

/** Waits until the editor on `page` is loaded and writable. */
export async function editable(page: Page): Promise<void> {
  await expect(page.locator(".ProseMirror[contenteditable=true]")).toBeVisible({ timeout: 20_000 });
}

/** Waits for the server's acknowledgement of everything typed (已保存). */
export async function saved(page: Page): Promise<void> {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved", { timeout: 15_000 });
}

/** Document ranges (ProseMirror positions) of every occurrence of `needle` in the editor. */
export async function rangesOf(page: Page, needle: string): Promise<{ from: number; to: number }[]> {
  return page.evaluate((n) => {
    type Ed = { state: { doc: { descendants(f: (node: { isText: boolean; text?: string }, pos: number) => void): void } } };
    const editor = (document.querySelector(".ProseMirror") as unknown as { editor: Ed }).editor;
    const out: { from: number; to: number }[] = [];
    editor.state.doc.descendants((node, pos) => {
      if (!node.isText || !node.text) return;
      for (let i = node.text.indexOf(n); i >= 0; i = node.text.indexOf(n, i + n.length)) out.push({ from: pos + i, to: pos + i + n.length });
    });
    return out;
  }, needle);
}

/** Selects a range in the editor and types over it with the keyboard, like a person. */
export async function typeOver(page: Page, range: { from: number; to: number }, text: string): Promise<void> {
  await page.evaluate((r) => {
    const editor = (document.querySelector(".ProseMirror") as unknown as { editor: { commands: { focus(): void; setTextSelection(r: { from: number; to: number }): void } } }).editor;
    editor.commands.focus();
    editor.commands.setTextSelection(r);
  }, range);
  await expect(page.locator(".ProseMirror")).toBeFocused(); // Tiptap focuses on the next animation frame
  await page.keyboard.type(text);
}

/** Fills every `XX` blank of the open section, last first so earlier positions stay valid. */
export async function fillAllBlanks(page: Page, values: string[]): Promise<number> {
  const ranges = (await rangesOf(page, "XX")).reverse();
  for (const [i, r] of ranges.entries()) await typeOver(page, r, values[i % values.length]);
  return ranges.length;
}

/** Moves the caret to the end of the document and types a new paragraph. */
export async function appendParagraph(page: Page, text: string): Promise<void> {
  await page.evaluate(() => {
    const editor = (document.querySelector(".ProseMirror") as unknown as { editor: { commands: { focus(p: string): void } } }).editor;
    editor.commands.focus("end");
  });
  await expect(page.locator(".ProseMirror")).toBeFocused(); // Tiptap focuses on the next animation frame
  await page.keyboard.press("Enter");
  await page.keyboard.type(text);
}

/** Waits until the editor's text contains `needle` (or, with `absent`, no longer does). */
export async function expectText(page: Page, needle: string, absent = false): Promise<void> {
  await expect.poll(async () => (await editorText(page)).includes(needle), { timeout: 15_000 }).toBe(!absent);
}
