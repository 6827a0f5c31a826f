import { describe, expect, it } from "vitest";
import { EventEmitter } from "node:events";
import type { WebSocket, WebSocketServer } from "ws";
import { startHeartbeat, trackAlive } from "./heartbeat";
import { sleep } from "./test-helpers";

class FakeSocket extends EventEmitter {
  terminated = false;
  constructor(private readonly answers: boolean) {
    super();
  }
  ping() {
    if (this.answers) setTimeout(() => this.emit("pong"), 1);
  }
  terminate() {
    this.terminated = true;
  }
}

describe("heartbeat", () => {
  it("terminates a peer that stopped answering pings and keeps one that answers", async () => {
    const live = new FakeSocket(true);
    const dead = new FakeSocket(false);
    [live, dead].forEach((s) => trackAlive(s as unknown as WebSocket));
    const stop = startHeartbeat({ clients: new Set([live, dead]) } as unknown as WebSocketServer, 20);
    await sleep(75);
    stop();
    expect(dead.terminated).toBe(true);
    expect(live.terminated).toBe(false);
  });
});
