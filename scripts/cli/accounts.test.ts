/**
 * The account CLI as scripts use it: spawned on a temp DATA_DIR, JSON on stdout, a clear
 * message and exit 1 on error.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "accounts-cli-test-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/cli.ts", ...args], {
      cwd: ROOT, env: { ...process.env, DATA_DIR: path.join(tmp, "data"), HEGAO_DEMO: "0", DATABASE_URL: "" },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npm run cli -- dept:create / user:create / user:list", () => {
  it("creates a department and an account, and lists it", async () => {
    const dept = await cli(["dept:create", "--name", "财务部"]);
    expect(dept.code).toBe(0);
    expect(JSON.parse(dept.stdout)).toMatchObject({ name: "财务部" });
    const user = await cli(["user:create", "--username", "cw1", "--password", "caiwu-2026", "--dept", "财务部", "--role", "reviewer", "--email", "cw1@example.cn"]);
    expect(user.code).toBe(0);
    expect(JSON.parse(user.stdout)).toMatchObject({ username: "cw1", department: "财务部", role: "reviewer", email: "cw1@example.cn" });
    const list = await cli(["user:list"]);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ username: "cw1", department: "财务部", role: "reviewer", disabled: false, email: "cw1@example.cn" })]);
  }, 60_000);

  it("explains refusals with a message and exit code 1", async () => {
    const dup = await cli(["dept:create", "--name", "财务部"]);
    expect(dup).toMatchObject({ code: 1, stdout: "" });
    expect(dup.stderr).toContain("部门「财务部」已存在");
    const noDept = await cli(["user:create", "--username", "x1", "--password", "long-enough", "--dept", "不存在", "--role", "editor"]);
    expect(noDept.code).toBe(1);
    expect(noDept.stderr).toContain("部门「不存在」不存在");
    const badRole = await cli(["user:create", "--username", "x1", "--password", "long-enough", "--dept", "财务部", "--role", "boss"]);
    expect(badRole.stderr).toContain("角色必须是");
    const noPassword = await cli(["user:create", "--username", "x2", "--dept", "财务部", "--role", "editor"]);
    expect(noPassword.stderr).toContain("缺少 --password");
    const unknown = await cli(["user:delete"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("未知命令");
  }, 60_000);
});

describe("npm run cli -- user:update", () => {
  it("changes role and department, disables, enables and unlocks, printing the account", async () => {
    await cli(["dept:create", "--name", "审计部"]);
    const created = await cli(["user:create", "--username", "sj1", "--password", "shenji-2026", "--dept", "审计部", "--role", "editor"]);
    expect(created.code).toBe(0);
    const moved = await cli(["user:update", "--username", "sj1", "--role", "reviewer", "--dept", "财务部", "--disable"]);
    expect(moved.code).toBe(0);
    expect(JSON.parse(moved.stdout)).toEqual({ username: "sj1", role: "reviewer", department: "财务部", disabled: true, locked: false, lead: false, email: null });
    const withMail = await cli(["user:update", "--username", "sj1", "--email", "sj1@example.cn"]);
    expect(JSON.parse(withMail.stdout)).toMatchObject({ email: "sj1@example.cn" });
    const badMail = await cli(["user:update", "--username", "sj1", "--email", "not-an-address"]);
    expect(badMail.code).toBe(1);
    expect(badMail.stderr).toContain("邮箱地址格式不正确");
    const cleared = await cli(["user:update", "--username", "sj1", "--email", ""]);
    expect(JSON.parse(cleared.stdout)).toMatchObject({ email: null });
    const enabled = await cli(["user:update", "--username", "sj1", "--enable", "--unlock", "--lead"]);
    expect(JSON.parse(enabled.stdout)).toMatchObject({ disabled: false, locked: false, lead: true });
    const notLead = await cli(["user:update", "--username", "sj1", "--no-lead"]);
    expect(JSON.parse(notLead.stdout)).toMatchObject({ lead: false });
  }, 60_000);

  it("refuses unknown accounts, departments, roles and contradictory flags with exit 1", async () => {
    const nobody = await cli(["user:update", "--username", "nobody", "--disable"]);
    expect(nobody).toMatchObject({ code: 1, stdout: "" });
    expect(nobody.stderr).toContain("账号「nobody」不存在");
    const noDept = await cli(["user:update", "--username", "sj1", "--dept", "不存在"]);
    expect(noDept.stderr).toContain("部门「不存在」不存在");
    const badRole = await cli(["user:update", "--username", "sj1", "--role", "boss"]);
    expect(badRole.stderr).toContain("角色必须是");
    const both = await cli(["user:update", "--username", "sj1", "--disable", "--enable"]);
    expect(both.stderr).toContain("不能同时使用");
    const nothing = await cli(["user:update", "--username", "sj1"]);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain("请至少提供");
  }, 60_000);
});
