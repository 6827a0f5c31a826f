/**
 * Helpers for the review e2e tests: a server with its data under /tmp/review-*, the demo
 * sections, the transition API, selecting a piece of text in the page like a mouse would,
 * and reading frozen versions from a stopped server's data folder.
 */
import fs from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import { asc, eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { reviewEvents, sectionVersions } from "@/db/schema";
import { startServer, type RunningServer } from "../support/server";

/** Starts the production server with a fresh data folder /tmp/review-XXXX. */
export function startReviewServer(): Promise<RunningServer> {
  return startServer({ dataDir: fs.mkdtempSync("/tmp/review-") });
}

/** The demo report's id (from the reports list). */
export async function demoReportId(request: APIRequestContext, baseUrl: string): Promise<string> {
  const html = await (await request.get(`${baseUrl}/reports`)).text();
  const id = /\/reports\/([0-9a-f-]{36})/.exec(html)?.[1];
  if (!id) throw new Error("demo report not found on /reports");
  return id;
}

/** POSTs a transition as the signed-in `request`; returns status and JSON body. */
export async function fire(
  request: APIRequestContext, baseUrl: string, sectionId: string, body: { event: string; version: number; comment?: string },
): Promise<{ status: number; json: { state?: string; version?: number; error?: { code: string; message: string } } }> {
  const res = await request.post(`${baseUrl}/api/sections/${sectionId}/transition`, { data: body, headers: { origin: baseUrl } });
  return { status: res.status(), json: await res.json() };
}

/** The current `{ state, version, placeholders }` of a section over the API. */
export async function sectionInfo(request: APIRequestContext, baseUrl: string, id: string) {
  return (await (await request.get(`${baseUrl}/api/sections/${id}`)).json()) as { state: string; version: number; placeholders: number };
}

/**
 * Selects the first occurrence of `text` inside the element with `testId` (across text nodes
 * of one element) and fires mouseup, as a person dragging over the words would.
 */
export async function selectText(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).evaluate((root, needle) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let all = "";
    while (walker.nextNode()) {
      nodes.push(walker.currentNode as Text);
      all += (walker.currentNode as Text).data;
    }
    const at = all.indexOf(needle);
    if (at < 0) throw new Error(`text not found: ${needle}`);
    const locate = (offset: number) => {
      for (const n of nodes) {
        if (offset <= n.data.length) return { n, offset };
        offset -= n.data.length;
      }
      throw new Error("offset out of range");
    };
    const start = locate(at);
    const end = locate(at + needle.length);
    const range = document.createRange();
    range.setStart(start.n, start.offset);
    range.setEnd(end.n, end.offset);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    root.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  }, text);
}

/** Versions and audit events of a section, read from a STOPPED server's data folder. */
export async function storedReview(dataDir: string, sectionId: string) {
  const handle = await openDatabase({ dataDir });
  try {
    const versions = await handle.db.select().from(sectionVersions).where(eq(sectionVersions.sectionId, sectionId)).orderBy(asc(sectionVersions.number));
    const events = await handle.db.select().from(reviewEvents).where(eq(reviewEvents.sectionId, sectionId));
    return { versions, events };
  } finally {
    await handle.close();
  }
}
