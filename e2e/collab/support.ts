/**
 * Helpers for the collaboration e2e tests: find a demo section, read a context's session
 * cookie, open raw sockets and y-websocket providers from Node with that cookie, and read a
 * section's text straight from a stopped server's data folder.
 */
import type { APIRequestContext, BrowserContext, Page } from "@playwright/test";
import { expect } from "@playwright/test";
import WS from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { and, eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { sectionUpdates } from "@/db/schema";
import { docFromUpdates, docToContent } from "@/lib/collab/content";
import { YJS_FIELD } from "@/lib/editor/extensions";

export const DQB_SECTION = "夯实基层基础";
export const DWB_SECTION = "坚持政治引领";

/** The id and version of the demo report's section whose title starts with `titleStart`. */
export async function findSection(request: APIRequestContext, baseUrl: string, titleStart: string): Promise<{ id: string; version: number }> {
  const html = await (await request.get(`${baseUrl}/reports`)).text();
  const reportId = /\/reports\/([0-9a-f-]{36})/.exec(html)?.[1];
  if (!reportId) throw new Error("demo report not found on /reports");
  const body = (await (await request.get(`${baseUrl}/api/reports/${reportId}`)).json()) as { sections: { id: string; title: string; version: number }[] };
  const section = body.sections.find((s) => s.title.startsWith(titleStart));
  if (!section) throw new Error(`section ${titleStart} not found`);
  return section;
}

/** The Cookie header of a signed-in context. */
export async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

/** The socket URL of a section, e.g. ws://127.0.0.1:1234/collab/<id>. */
export const collabUrl = (baseUrl: string, sectionId: string) => `${baseUrl.replace(/^http/, "ws")}/collab/${sectionId}`;

/** Opens a raw socket; resolves with it once open, or rejects with the refusal's HTTP status. */
export function rawSocket(baseUrl: string, sectionId: string, cookie: string): Promise<WS> {
  return new Promise((resolve, reject) => {
    const ws = new WS(collabUrl(baseUrl, sectionId), { headers: { cookie, origin: baseUrl } });
    ws.on("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.on("open", () => resolve(ws));
    ws.on("error", () => {});
  });
}

/** A `ws` WebSocket class that sends `cookie` and the app's Origin (y-websocket's WebSocketPolyfill). */
export function cookieWebSocket(cookie: string, origin: string): typeof WebSocket {
  class CookieWS extends WS {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie, origin } });
    }
  }
  return CookieWS as unknown as typeof WebSocket;
}

/** A y-websocket provider in Node, connected to the section with `cookie`; resolves once synced. */
export async function nodeProvider(baseUrl: string, sectionId: string, cookie: string): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, "ws")}/collab`, sectionId, doc, {
    WebSocketPolyfill: cookieWebSocket(cookie, baseUrl),
    disableBc: true,
  });
  await new Promise<void>((resolve) => provider.once("sync", (s: boolean) => s && resolve()));
  return { doc, provider };
}

/** The plain text of a Node-side doc's body. */
export const docText = (doc: Y.Doc) => docToContent(doc).text;

/** Appends a paragraph with `text` to a Node-side doc (a real Yjs edit). */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const p = new Y.XmlElement("paragraph");
  p.insert(0, [new Y.XmlText(text)]);
  const frag = doc.getXmlFragment(YJS_FIELD);
  frag.insert(frag.length, [p]);
}

/** The section's text as stored in a stopped (or killed) server's data folder. */
export async function storedText(dataDir: string, sectionId: string): Promise<string> {
  const handle = await openDatabase({ dataDir });
  try {
    const rows = await handle.db.select().from(sectionUpdates).where(and(eq(sectionUpdates.sectionId, sectionId)));
    return docToContent(docFromUpdates(rows.map((r) => r.update))).text;
  } finally {
    await handle.close();
  }
}

/** The editor of a section page. */
export const editorOf = (page: Page) => page.locator('[data-testid="section-editor"] .ProseMirror');

/**
 * The editor's text as Tiptap holds it. Other users' caret labels are widgets inside the text
 * in the DOM, so `toContainText` on the editor can see "乙三：李明离线时输入"; this cannot.
 */
export const editorText = (page: Page) =>
  editorOf(page).evaluate((el) => (el as unknown as { editor: { getText(): string } }).editor.getText());

/** Waits until the page's editor is writable, puts the caret at the end and types `text`. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  const editor = editorOf(page);
  await expect(editor).toHaveAttribute("contenteditable", "true");
  // Focus through Tiptap, not a click: a click in the middle of the editor can land on another
  // user's caret label (a non-editable widget) and swallow the text typed next.
  await editor.evaluate((el) => (el as unknown as { editor: { commands: { focus(p: string): void } } }).editor.commands.focus("end"));
  // Tiptap focuses on the next animation frame: keys pressed before it land outside the editor
  // (seen under load: the first sentence typed was lost).
  await expect(editor).toBeFocused();
  await page.keyboard.press("Enter");
  if (text) await page.keyboard.insertText(text);
}
