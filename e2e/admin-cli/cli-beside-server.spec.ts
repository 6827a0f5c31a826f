/**
 * The admin CLI beside a running server on the embedded database (issue 14): the command goes
 * to the server over the admin channel, answers quickly, and the server sees what it created;
 * strangers without the token get nothing; once the server stops the CLI opens the folder
 * itself again.
 */
import { test, expect } from "@playwright/test";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { signIn } from "../../bench/hegao-server";
import { startServer, type RunningServer } from "../support/server";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Runs `npm run cli -- args` on `dataDir`; exit code, output and wall time in ms. */
function cli(dataDir: string, args: string[]) {
  const t0 = performance.now();
  const r = spawnSync("npm", ["run", "--silent", "cli", "--", ...args], {
    cwd: ROOT, encoding: "utf8", env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" }, timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t0 };
}

/**
 * POSTs `body` on a NEW connection and resolves with the status. Not `fetch`: the CLI runs above
 * block this process for seconds (spawnSync), the server closes the idle keep-alive socket of an
 * earlier fetch meanwhile (5 s), and fetch then reuses the dead socket ("other side closed").
 */
function post(url: string, body: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", agent: false, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end(body);
  });
}

test.describe("admin CLI beside a running server", () => {
  // The tests build on each other (the account made in the first is looked for in the last):
  // a retry runs the whole group again, on a new server.
  test.describe.configure({ mode: "serial" });
  let server: RunningServer;
  let throughServerMs = Infinity;
  test.beforeAll(async () => {
    server = await startServer();
  });
  test.afterAll(async () => {
    await server?.stop();
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
  });

  test("user:list and user:create run through the server, which sees the new account at once", async ({}, testInfo) => {
    const card = path.join(server.dataDir, "hegao-admin.json");
    expect(fs.statSync(card).mode & 0o777).toBe(0o600);

    const list = cli(server.dataDir, ["user:list"]);
    expect(list.stderr).toBe("");
    expect(list.code).toBe(0);
    const users = JSON.parse(list.stdout) as { username: string; department: string }[];
    expect(users.find((u) => u.username === "admin")?.department).toBe("党委办公室");
    // Compared with the CLI opening the folder itself in the last test (same run, same load).
    throughServerMs = list.ms;
    testInfo.annotations.push({ type: "user:list beside the server", description: `${Math.round(list.ms)} ms` });

    const created = cli(server.dataDir, ["user:create", "--username", "cwnew", "--password", "cli-pass-123", "--dept", "党群工作部", "--role", "editor", "--name", "新同事"]);
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ username: "cwnew", department: "党群工作部", role: "editor" });
    // The running server (its own database handle) signs the new account in.
    expect(await signIn(server.url, "cwnew", "cli-pass-123")).toMatch(/session-token/);
  });

  test("a bad command reports its error through the server; a caller without the token gets 404", async () => {
    const bad = cli(server.dataDir, ["user:create", "--username", "x1", "--password", "cli-pass-123", "--dept", "不存在的部门", "--role", "editor"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("部门「不存在的部门」不存在");
    const noPassword = cli(server.dataDir, ["user:create", "--username", "x2", "--dept", "党群工作部", "--role", "editor"]);
    expect(noPassword.code).toBe(1);
    expect(noPassword.stderr).toContain("缺少 --password");
    const unknown = cli(server.dataDir, ["no:such"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("未知命令");

    const body = JSON.stringify({ argv: ["user:list"], cwd: "/" });
    const url = `${server.url}/_hegao/admin-cli`;
    expect(await post(url, body)).toBe(404);
    expect(await post(url, body, { Authorization: `Bearer ${"x".repeat(43)}` })).toBe(404);
    const { token } = JSON.parse(fs.readFileSync(path.join(server.dataDir, "hegao-admin.json"), "utf8")) as { token: string };
    expect(await post(url, body, { Authorization: `Bearer ${token}`, Origin: server.url })).toBe(404);
  });

  test("once the server stops, the CLI opens the data folder itself and finds the account", async ({}, testInfo) => {
    await server.stop();
    expect(fs.existsSync(path.join(server.dataDir, "hegao-admin.json"))).toBe(false);
    const list = cli(server.dataDir, ["user:list"]);
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as { username: string }[]).map((u) => u.username)).toContain("cwnew");
    // Through the server the CLI pays only for its own start, not for opening PGlite (~4 s).
    testInfo.annotations.push({ type: "user:list opening the folder itself", description: `${Math.round(list.ms)} ms` });
    expect(throughServerMs).toBeLessThan(list.ms * 0.6);
  });
});
