/**
 * The upgrade's use of the connection-limit seam: the acquire is asynchronous, so a client that
 * goes away while it is pending must get its slot back (nothing else would release it), and a
 * refusal is still a plain HTTP 429 before any socket exists.
 */
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { createCollabServer } from "./attach";
import type { ConnectionLimits } from "./connection-limit";
import { sleep, startCollabTestServer } from "./test-helpers";

/** Limits whose acquire answers after `delayMs`, refusing past `max`, counting what is held. */
function slowLimits(delayMs: number, max: number) {
  const held = { account: 0, address: 0 };
  const limits: ConnectionLimits = (kind) => ({
    async acquire(_key, message) {
      await sleep(delayMs);
      if (held[kind] >= max) throw new AppError("too_many_attempts", message);
      held[kind]++;
      let released = false;
      return () => {
        if (!released) held[kind]--;
        released = true;
      };
    },
  });
  return { held, limits };
}

/** Sends a WebSocket upgrade to `/collab/<id>` on a raw socket; resolves with the socket. */
function upgrade(origin: string): Promise<net.Socket> {
  const { port } = new URL(origin);
  return new Promise((resolve) => {
    const s = net.connect(Number(port), "127.0.0.1", () => {
      s.write(
        "GET /collab/abc HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
          `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: ${origin}\r\n\r\n`,
      );
      resolve(s);
    });
  });
}

/** Nothing here reaches the database: the slot is refused or given back before authentication. */
const noDb = {} as Db;

describe("connection limits at the upgrade", () => {
  it("gives back a slot granted after the socket was destroyed, and authenticates nothing", async () => {
    const { held, limits } = slowLimits(150, 5);
    const server = http.createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    let dbAsked = false;
    const collab = createCollabServer(server, { origin, secret: "s", db: async () => ((dbAsked = true), noDb), connectionLimits: limits });
    server.on("upgrade", (req, socket, head) => {
      collab.handleUpgrade(req, socket, head);
      setTimeout(() => socket.destroy(), 30); // gone (an error, a proxy's timeout) while the slot is pending
    });
    try {
      await upgrade(origin);
      await sleep(300);
      expect(held.address).toBe(0);
      expect(dbAsked).toBe(false);
    } finally {
      await collab.close();
      server.close();
    }
  });

  it("answers HTTP 429 with the zh-CN message past the address limit", async () => {
    const { limits } = slowLimits(10, 0);
    const running = await startCollabTestServer(noDb, "s", { connectionLimits: limits });
    try {
      const s = await upgrade(running.origin);
      const answer = await new Promise<string>((resolve) => {
        let text = "";
        s.on("data", (d) => (text += d.toString()));
        s.on("close", () => resolve(text));
      });
      expect(answer).toMatch(/^HTTP\/1.1 429/);
      expect(answer).toContain("来自同一地址的协作连接过多");
    } finally {
      await running.close();
    }
  });
});
