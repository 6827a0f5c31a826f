/**
 * Acknowledge only what was applied (issue 9, finding 6):
 * (a) two editors type while a third party submits the section: every token their status line
 *     showed as 已保存 is in the frozen version; edits that reached the server after the lock are
 *     refused — the typist sees why, the editor is read-only — and kept as a rejected draft;
 * (b) approve → reopen: a delete-all made meanwhile in a stale offline copy (browser) and by a
 *     raw y-websocket client is refused, does not come back after reopen, and is listed in the
 *     sidebar as 未被接受的修改 with a working 复制全文.
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { rejectedDrafts, sectionVersions } from "@/db/schema";
import { startServer, type RunningServer } from "../support/server";
import { apiSignIn, signedInPage } from "../support/auth";
import { YJS_FIELD } from "@/lib/editor/extensions";
import { cookieHeader, DWB_SECTION, docText, editorOf, editorText, findSection, nodeProvider, storedText, typeAtEnd } from "./support";
import { gateCollab } from "./ws-gate";

let server: RunningServer;
test.beforeEach(async () => {
  server = await startServer();
});
test.afterEach(async () => {
  await server?.stop();
});

/** A request context signed in as `username` (a script, not a page). */
async function api(browser: { newContext(o?: object): Promise<{ request: APIRequestContext }> }, username: string) {
  const ctx = await browser.newContext();
  await apiSignIn(ctx.request, server.url, username);
  return ctx.request;
}

/** Fires a review event on the section at its current version; returns the response status. */
async function transition(request: APIRequestContext, id: string, event: string, comment?: string): Promise<number> {
  const { version } = (await (await request.get(`${server.url}/api/sections/${id}`)).json()) as { version: number };
  const res = await request.post(`${server.url}/api/sections/${id}/transition`, { data: { event, version, comment }, headers: { origin: server.url } });
  return res.status();
}

/** What the page's own status line says and its editor's text, read in one go. */
const statusAndText = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('[data-testid="section-editor"] .ProseMirror') as unknown as { editor?: { getText(): string } } | null;
    return { status: document.querySelector('[data-testid="save-status"]')?.textContent ?? "", text: el?.editor?.getText() ?? "" };
  });

/**
 * Types `[<prefix><n>]` tokens at the end with the keyboard while the editor is writable.
 * Returns every token typed, and every own token the page showed while its status said 已保存.
 */
async function typeUntilLocked(page: Page, prefix: string, shouldStop: () => boolean, onToken?: (token: string) => void, savedShown = new Set<string>()) {
  const typed: string[] = [];
  const own = new RegExp(`\\[${prefix}\\d+\\]`, "g");
  const editor = editorOf(page);
  await editor.evaluate((el) => (el as unknown as { editor: { commands: { focus(p: string): void } } }).editor.commands.focus("end"));
  await expect(editor).toBeFocused(); // Tiptap focuses on the next animation frame
  await page.keyboard.press("Enter");
  const look = async () => {
    const { status, text } = await statusAndText(page);
    if (status === "已保存") for (const m of text.matchAll(own)) savedShown.add(m[0]);
  };
  for (let i = 0; !shouldStop(); i++) {
    if ((await editor.getAttribute("contenteditable")) !== "true") break;
    const token = `[${prefix}${i}]`;
    // Told before typing: a token counts as held only when its whole typing came after the
    // stall began (told after, a frame already sent could be counted as held).
    onToken?.(token);
    await page.keyboard.insertText(token);
    typed.push(token);
    // Up to 400 ms for the status line to settle, looking all the while (typing goes on after).
    for (let t = 0; t < 8; t++) {
      await look();
      await page.waitForTimeout(50);
    }
  }
  await look(); // the last word of the status line, after typing stopped
  return { typed, savedShown };
}

test("(a) typing across a submit: 已保存 means frozen, late edits are refused and shown", async ({ browser }) => {
  const ctx1 = await browser.newContext({ baseURL: server.url });
  await apiSignIn(ctx1.request, server.url, "dwb1");
  const p1 = await ctx1.newPage();
  const gate = await gateCollab(p1);
  const { id } = await findSection(ctx1.request, server.url, DWB_SECTION);
  await p1.goto(`/sections/${id}`);
  const p2 = await signedInPage(browser, server.url, "dwb2", `/sections/${id}`);
  for (const p of [p1, p2]) await expect(p.getByTestId("save-status")).toHaveText("已保存");
  const third = await api(browser, "dwb1"); // a script or another tab: not the typists' pages

  let held = false;
  const heldTokens: string[] = [];
  let stop = false;
  const savedA = new Set<string>();
  const savedB = new Set<string>();
  const typing = Promise.all([
    typeUntilLocked(p1, "甲", () => stop, (t) => held && heldTokens.push(t), savedA),
    typeUntilLocked(p2, "乙", () => stop, undefined, savedB),
  ]);
  // Both have seen some of their text saved (however slow the machine), then the submit comes.
  await expect.poll(() => savedA.size >= 2 && savedB.size >= 2, { timeout: 60_000 }).toBe(true);
  gate.hold(); // 周文华's network stalls: what she types now reaches the server after the submit
  held = true;
  await expect.poll(() => heldTokens.length, { timeout: 20_000 }).toBeGreaterThan(0);
  expect(await transition(third, id, "submit")).toBe(200);
  for (const p of [p1, p2]) await expect(editorOf(p)).toHaveAttribute("contenteditable", "false", { timeout: 2000 });
  gate.release();
  stop = true;
  const [a, b] = await typing;
  expect(heldTokens.length, "tokens typed while the network stalled").toBeGreaterThan(0);

  // The typist is told: banner, status line, read-only editor showing the server's text.
  await expect(p1.getByTestId("refused-banner")).toBeVisible();
  await expect(p1.getByTestId("refused-reason")).toHaveText("章节审核中，当前不可编辑");
  await expect(p1.getByTestId("refused-note")).toBeVisible();
  await expect(p1.getByTestId("save-status")).toHaveText(/只读/);
  await expect(editorOf(p1)).toHaveAttribute("contenteditable", "false");
  expect(await editorText(p1)).not.toContain(heldTokens[0]);
  await expect(p1.getByTestId("rejected-draft").first()).toContainText("周文华");
  await p1.screenshot({ path: "test-results/collab-refused-typist.png" });
  console.log(`[refused e2e] typed 甲 ${a.typed.length} (shown saved ${a.savedShown.size}, held ${heldTokens.length}), 乙 ${b.typed.length} (shown saved ${b.savedShown.size})`);
  await ctx1.close();
  await p2.context().close();

  await server.stop();
  const frozenAndLive = async () => {
    const handle = await openDatabase({ dataDir: server.dataDir });
    try {
      const versions = await handle.db.select().from(sectionVersions).where(eq(sectionVersions.sectionId, id));
      const drafts = await handle.db.select().from(rejectedDrafts).where(eq(rejectedDrafts.sectionId, id));
      return { frozen: versions.find((v) => v.kind === "submitted")!.text, drafts };
    } finally {
      await handle.close();
    }
  };
  const { frozen, drafts } = await frozenAndLive();
  const live = await storedText(server.dataDir, id);
  const shownSaved = [...a.savedShown, ...b.savedShown];
  expect(shownSaved.length).toBeGreaterThanOrEqual(4);
  expect(shownSaved.filter((t) => !frozen.includes(t)), "shown 已保存 but not in the frozen version").toEqual([]);
  expect(heldTokens.filter((t) => frozen.includes(t) || live.includes(t)), "refused tokens in the section").toEqual([]);
  expect(live).toBe(frozen); // nothing reached the section after the freeze
  expect(drafts.some((d) => d.text.includes(heldTokens[0]))).toBe(true);
});

test("(b) approve → reopen: edits made while approved stay out; the draft can be read and copied", async ({ browser }) => {
  const ctx1 = await browser.newContext({ baseURL: server.url });
  await apiSignIn(ctx1.request, server.url, "dwb1");
  await ctx1.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  const p1 = await ctx1.newPage();
  const gate = await gateCollab(p1);
  const { id } = await findSection(ctx1.request, server.url, DWB_SECTION);
  await p1.goto(`/sections/${id}`);
  const editor = editorOf(p1);
  await typeAtEnd(p1, "通过前定稿的一句。");
  await expect.poll(async () => (await statusAndText(p1)).status).toBe("已保存");
  const before = await editorText(p1);
  expect(before).toContain("通过前定稿的一句。");

  // A raw y-websocket client of the other editor, connected throughout.
  const ctx2 = await browser.newContext();
  await apiSignIn(ctx2.request, server.url, "dwb2");
  const raw = await nodeProvider(server.url, id, await cookieHeader(ctx2));
  await expect.poll(() => docText(raw.doc)).toContain("通过前定稿的一句。");

  // 周文华 goes offline; meanwhile the section is submitted and approved.
  await gate.offline();
  await expect(p1.getByTestId("save-status")).toHaveText(/离线/);
  expect(await transition(ctx2.request, id, "submit")).toBe(200);
  expect(await transition(await api(browser, "reviewer"), id, "approve")).toBe(200);

  // While approved: a delete-all in the stale offline copy, and one from the raw client.
  await editor.evaluate((el) => (el as unknown as { editor: { commands: { focus(p: string): void } } }).editor.commands.focus("end"));
  await expect(editor).toBeFocused(); // Tiptap focuses on the next animation frame
  await p1.keyboard.press("Control+a");
  await p1.keyboard.press("Delete");
  await p1.keyboard.insertText("离线时改写的全文。");
  expect(await editorText(p1)).toBe("离线时改写的全文。");
  const frag = raw.doc.getXmlFragment(YJS_FIELD);
  frag.delete(0, frag.length);

  // Back online: the stale copy is refused, discarded and replaced by the server's text.
  gate.online();
  await expect(p1.getByTestId("refused-banner")).toBeVisible({ timeout: 10_000 });
  await expect(p1.getByTestId("refused-reason")).toHaveText("章节已通过，当前不可编辑");
  await expect.poll(() => editorText(p1)).toBe(before);
  await expect(editor).toHaveAttribute("contenteditable", "false");
  await p1.screenshot({ path: "test-results/collab-refused-banner.png" });

  // Reopen: nothing of what was done while approved comes back.
  expect(await transition(await api(browser, "admin"), id, "reopen", "数据需要更新")).toBe(200);
  await expect(editor).toHaveAttribute("contenteditable", "true", { timeout: 2000 });
  await p1.waitForTimeout(1000);
  expect(await editorText(p1)).toBe(before);
  const section = (await (await ctx1.request.get(`${server.url}/api/sections/${id}`)).json()) as { state: string };
  expect(section.state).toBe("draft");
  await p1.reload();
  await expect(p1.getByTestId("save-status")).toHaveText("已保存");
  expect(await editorText(p1)).toBe(before); // the discarded local copy did not come back either

  // The refused text is listed in the sidebar and can be copied.
  const drafts = p1.getByTestId("rejected-draft");
  await expect(drafts).toHaveCount(2);
  const mine = drafts.filter({ hasText: "周文华" });
  await expect(mine).toContainText("章节已锁定");
  await mine.locator("summary").click();
  await expect(mine.getByTestId("draft-text")).toHaveText("离线时改写的全文。");
  await mine.getByTestId("copy-draft").click();
  await expect(mine.getByTestId("copy-draft")).toHaveText("已复制");
  expect(await p1.evaluate(() => navigator.clipboard.readText())).toBe("离线时改写的全文。");
  await p1.getByTestId("rejected-drafts-card").screenshot({ path: "test-results/collab-refused-sidebar.png" });
  raw.provider.destroy();
  await ctx1.close();
  await ctx2.close();
});
