import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { CHANNEL_FILE, CHANNEL_PATH, channelUrl, newChannelToken, readChannelCard, writeChannelCard } from "./channel-file";
import { handleChannelRequest, type ChannelRequest } from "./endpoint";

describe("admin channel endpoint", () => {
  const token = newChannelToken();
  const seen: ChannelRequest[] = [];
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (handleChannelRequest(req, res, { token, run: async (r) => (seen.push(r), { code: 0, stdout: `ran ${r.argv.join(" ")}\n`, stderr: "" }) })) return;
      res.end("next");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = channelUrl("0.0.0.0", (server.address() as AddressInfo).port) + CHANNEL_PATH;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(url, { method: "POST", body, headers: { Authorization: `Bearer ${token}`, ...headers } });

  it("runs a command sent with the token and answers what the CLI prints", async () => {
    const res = await post(JSON.stringify({ argv: ["user:list"], cwd: "/tmp" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ code: 0, stdout: "ran user:list\n", stderr: "" });
    expect(seen.at(-1)).toEqual({ argv: ["user:list"], cwd: "/tmp" });
  });

  it("answers 404 without the token, with a wrong one, from a web page (Origin) or to GET; runs nothing", async () => {
    const before = seen.length;
    const body = JSON.stringify({ argv: ["user:list"], cwd: "/" });
    expect((await fetch(url, { method: "POST", body })).status).toBe(404);
    expect((await post(body, { Authorization: `Bearer ${newChannelToken()}` })).status).toBe(404);
    expect((await post(body, { Authorization: `Bearer ${token.slice(0, 10)}` })).status).toBe(404);
    expect((await post(body, { Origin: "http://127.0.0.1" })).status).toBe(404);
    expect((await fetch(url, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(404);
    expect(seen.length).toBe(before);
    expect(await (await fetch(url.replace(CHANNEL_PATH, "/other"))).text()).toBe("next");
  });

  it("refuses a body that is not JSON, of the wrong shape, or over 64 KB with 422", async () => {
    for (const body of ["not json", JSON.stringify({ argv: "user:list", cwd: "/" }), JSON.stringify({ argv: ["x".repeat(70_000)], cwd: "/" })]) {
      const res = await post(body);
      expect(res.status).toBe(422);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("validation");
    }
  });
});

describe("admin channel card", () => {
  it("is written with mode 0600, read back, ignored when malformed, and removed only while it is ours", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hegao-card-"));
    const card = { pid: process.pid, url: "http://127.0.0.1:3000", token: newChannelToken() };
    const remove = writeChannelCard(dir, card);
    expect(fs.statSync(path.join(dir, CHANNEL_FILE)).mode & 0o777).toBe(0o600);
    expect(readChannelCard(dir)).toEqual(card);
    const newer = { ...card, token: newChannelToken() };
    writeChannelCard(dir, newer); // a restarted server replaced it
    remove();
    expect(readChannelCard(dir)).toEqual(newer);
    fs.writeFileSync(path.join(dir, CHANNEL_FILE), '{"pid":1,"url":"ftp://x","token":"short"}');
    expect(readChannelCard(dir)).toBeNull();
    fs.rmSync(dir, { recursive: true, force: true });
    expect(readChannelCard(dir)).toBeNull();
  });
});
