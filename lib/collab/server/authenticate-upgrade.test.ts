import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { eq } from "drizzle-orm";
import WebSocket from "ws";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { users } from "@/db/schema";
import { seedDemo } from "@/lib/demo/seed-demo";
import type { CollabServer } from "./attach";
import { authenticateUpgrade } from "./authenticate-upgrade";
import { demoFixture, startCollabTestServer, type CollabTestServer } from "./test-helpers";

const SECRET = "test-secret-0123456789abcdef";

describe.each(testDbTargets())("authentication at upgrade on $name", (target) => {
  let handle: DbHandle;
  let fx: Awaited<ReturnType<typeof demoFixture>>;
  let running: CollabTestServer;
  let collab: CollabServer;
  let origin: string;
  beforeAll(async () => {
    handle = await target.open();
    await seedDemo(handle.db);
    fx = await demoFixture(handle.db);
    running = await startCollabTestServer(handle.db, SECRET, { unloadAfterMs: 50 });
    ({ collab, origin } = running);
  });
  afterAll(async () => {
    await running?.close();
    await handle?.close();
  });

  const cookieFor = async (userId: string) => `next-auth.session-token=${await encode({ token: { sub: userId }, secret: SECRET })}`;

  /** Opens a socket; resolves with the HTTP status of a refusal or "open". */
  function attempt(path: string, headers: Record<string, string>): Promise<number | "open"> {
    return new Promise((resolve) => {
      const ws = new WebSocket(`${origin.replace("http", "ws")}${path}`, { headers });
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("open", () => {
        ws.close();
        resolve("open");
      });
      ws.on("error", () => {});
    });
  }

  it("refuses without a session cookie (401) and with a forged one (401)", async () => {
    expect(await attempt(`/collab/${fx.section.id}`, { origin })).toBe(401);
    const forged = `next-auth.session-token=${await encode({ token: { sub: fx.dqb1.id }, secret: "another-secret-0123456789" })}`;
    expect(await attempt(`/collab/${fx.section.id}`, { origin, cookie: forged })).toBe(401);
  });

  it("refuses a foreign Origin (403)", async () => {
    expect(await attempt(`/collab/${fx.section.id}`, { origin: "https://evil.example", cookie: await cookieFor(fx.dqb1.id) })).toBe(403);
  });

  it("refuses an editor of another department (403) and a missing section (404)", async () => {
    expect(await attempt(`/collab/${fx.section.id}`, { origin, cookie: await cookieFor(fx.jjs1.id) })).toBe(403);
    expect(await attempt(`/collab/no-such-section`, { origin, cookie: await cookieFor(fx.dqb1.id) })).toBe(404);
  });

  it("accepts the department's editor and a reviewer", async () => {
    expect(await attempt(`/collab/${fx.section.id}`, { origin, cookie: await cookieFor(fx.dqb1.id) })).toBe("open");
    expect(await attempt(`/collab/${fx.section.id}`, { origin, cookie: await cookieFor(fx.reviewer.id) })).toBe("open");
  });

  it("refuses a disabled account at once (fresh from the database)", async () => {
    await handle.db.update(users).set({ disabled: true }).where(eq(users.id, fx.dqb2.id));
    const headers = { origin, cookie: await cookieFor(fx.dqb2.id) };
    await expect(authenticateUpgrade(headers, fx.section.id, { origin, secret: SECRET, db: handle.db })).rejects.toMatchObject({ code: "unauthenticated" });
    expect(await attempt(`/collab/${fx.section.id}`, headers)).toBe(401);
    await handle.db.update(users).set({ disabled: false }).where(eq(users.id, fx.dqb2.id));
  });

  it("closes only the connection that sends an oversized frame or text", async () => {
    const open = (): Promise<WebSocket> =>
      cookieFor(fx.dqb1.id).then(
        (cookie) =>
          new Promise((resolve, reject) => {
            const ws = new WebSocket(`${origin.replace("http", "ws")}/collab/${fx.section.id}`, { headers: { origin, cookie } });
            ws.on("open", () => resolve(ws));
            ws.on("error", reject);
          }),
      );
    const closed = (ws: WebSocket) => new Promise<number>((r) => ws.on("close", (code) => r(code)));
    const big = await open();
    const text = await open();
    const bystander = await open();
    big.on("error", () => {});
    big.send(new Uint8Array(3 * 1024 * 1024));
    text.send("hello");
    expect(await closed(big)).toBe(1009);
    expect(await closed(text)).toBe(1003);
    expect(bystander.readyState).toBe(WebSocket.OPEN);
    bystander.close();
  });
});
