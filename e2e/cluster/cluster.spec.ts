/**
 * A browser editing through a running local cluster (`npm run cluster -- --instances 3`): the
 * page goes through nginx, while Node clients of the same section connect DIRECTLY to each
 * instance, so whichever instance nginx gave the browser, at least two of the clients are on
 * other instances. Each client's line appears in the browser, the browser's line reaches every
 * client, and the health check answers through nginx.
 * Runs only against a cluster: HEGAO_CLUSTER_URL=http://127.0.0.1:8080
 * HEGAO_CLUSTER_INSTANCES=http://127.0.0.1:8081,http://127.0.0.1:8082,http://127.0.0.1:8083
 * (skipped otherwise: the ordinary e2e run has no cluster).
 */
import { expect, test } from "@playwright/test";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { signedInPage } from "../support/auth";
import { attachScreenshot } from "../support/screenshot";
import { appendParagraph, cookieHeader, cookieWebSocket, docText, DQB_SECTION, editorText, findSection, typeAtEnd } from "../collab/support";

const clusterUrl = process.env.HEGAO_CLUSTER_URL;
const instances = (process.env.HEGAO_CLUSTER_INSTANCES ?? "").split(",").filter(Boolean);

test.skip(!clusterUrl || instances.length < 2, "needs a running cluster (HEGAO_CLUSTER_URL, HEGAO_CLUSTER_INSTANCES)");

test("a browser behind nginx and clients on every instance see each other's lines", async ({ browser }, testInfo) => {
  const health = await (await fetch(`${clusterUrl}/api/health`)).json();
  expect(health).toEqual({ ok: true, database: "ok", redis: "ok" });

  const page = await signedInPage(browser, clusterUrl!, "dqb1");
  const { id } = await findSection(page.context().request, clusterUrl!, DQB_SECTION);
  await page.goto(`/sections/${id}`);
  const cookie = await cookieHeader(page.context());
  const clients = await Promise.all(
    instances.map(async (url) => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(`${url.replace(/^http/, "ws")}/collab`, id, doc, {
        WebSocketPolyfill: cookieWebSocket(cookie, clusterUrl!), // the public origin, as behind nginx
        disableBc: true,
      });
      await new Promise<void>((resolve) => provider.once("sync", (s: boolean) => s && resolve()));
      return { url, doc, provider };
    }),
  );
  const stamp = Date.now().toString(36);
  clients.forEach((c, i) => appendParagraph(c.doc, `实例${i + 1}直连写入${stamp}`));
  for (let i = 0; i < clients.length; i++) await expect.poll(() => editorText(page), { timeout: 10_000 }).toContain(`实例${i + 1}直连写入${stamp}`);

  await typeAtEnd(page, `浏览器经负载均衡写入${stamp}`);
  for (const c of clients) await expect.poll(() => docText(c.doc), { timeout: 10_000 }).toContain(`浏览器经负载均衡写入${stamp}`);
  await attachScreenshot(testInfo, "cluster-editor", page);
  clients.forEach((c) => c.provider.destroy());
});
