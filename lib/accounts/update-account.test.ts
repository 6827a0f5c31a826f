import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { users } from "@/db/schema";
import { authenticate } from "@/lib/auth/authenticate";
import { onAccessChange, type AccessChange } from "@/lib/collab/bus";
import { seedDemo } from "@/lib/demo/seed-demo";
import type { Principal } from "@/lib/policy";
import { toErrorResponse } from "@/lib/errors";
import { createDepartment } from "./departments";
import { updateAccount } from "./update-account";
import { createUser, listUsers, resetPassword, unlockUser } from "./users";

describe.each(testDbTargets())("account administration on $name", (target) => {
  let handle: DbHandle;
  const published: AccessChange[] = [];
  let off = () => {};
  beforeAll(async () => {
    handle = await target.open();
    await seedDemo(handle.db);
    off = onAccessChange((c) => published.push(c));
  });
  afterAll(async () => {
    off();
    await handle?.close();
  });
  afterEach(() => void published.splice(0));

  const principal = async (username: string): Promise<Principal> => {
    const [row] = await handle.db.select().from(users).where(eq(users.username, username));
    return { id: row.id, role: row.role, departmentId: row.departmentId };
  };
  const lockOut = async (username: string) => {
    for (let i = 0; i < 5; i++) await authenticate(handle.db, username, "wrong", { address: `192.0.2.${i}` }).catch(() => {});
    await expect(authenticate(handle.db, username, "hegao-demo", { address: "192.0.2.99" })).rejects.toMatchObject({ code: "too_many_attempts" });
  };

  it("changes role, department (by name) and disabled, answers the account and tells the collaboration server", async () => {
    const actor = await principal("admin");
    const view = await updateAccount(handle.db, { actor, username: "dqb1", changes: { role: "reviewer", department: "工会", disabled: true } });
    expect(view).toEqual({ username: "dqb1", role: "reviewer", department: "工会", disabled: true, locked: false, lead: false, email: null });
    const { id } = await principal("dqb1");
    expect(published).toEqual([{ userIds: [id] }]);
    await expect(authenticate(handle.db, "dqb1", "hegao-demo", { address: "192.0.2.200" })).rejects.toThrow(/停用/);
    expect(await updateAccount(handle.db, { actor, username: "dqb1", changes: { disabled: false, role: "editor" } })).toMatchObject({ disabled: false, role: "editor" });
    expect(await updateAccount(handle.db, { actor, username: "dqb1", changes: { lead: true } })).toMatchObject({ lead: true });
    const [row] = await handle.db.select({ lead: users.isDepartmentLead }).from(users).where(eq(users.username, "dqb1"));
    expect(row.lead).toBe(true);
  });

  it("sets, trims and clears the notification e-mail; refuses a malformed address (422, field email)", async () => {
    const actor = await principal("admin");
    expect(await updateAccount(handle.db, { actor, username: "dqb2", changes: { email: "  wangfang@example.cn " } })).toMatchObject({ email: "wangfang@example.cn" });
    expect(published).toEqual([]); // an address changes nothing an open socket may do
    expect((await listUsers(handle.db)).find((u) => u.username === "dqb2")!.email).toBe("wangfang@example.cn");
    const bad = await updateAccount(handle.db, { actor, username: "dqb2", changes: { email: "王芳@" } }).catch((e) => toErrorResponse(e));
    expect(bad).toMatchObject({ status: 422, body: { error: { code: "validation", field: "email", message: "邮箱地址格式不正确" } } });
    expect(await updateAccount(handle.db, { actor, username: "dqb2", changes: { email: "" } })).toMatchObject({ email: null });
    await updateAccount(handle.db, { actor, username: "dqb2", changes: { email: "w@example.cn" } });
    expect(await updateAccount(handle.db, { actor, username: "dqb2", changes: { email: null } })).toMatchObject({ email: null });
  });

  it("shows a locked account to the admin, and unlocks it", async () => {
    await lockOut("gh1");
    const row = (await listUsers(handle.db)).find((u) => u.username === "gh1")!;
    expect(new Date(row.lockedUntil!).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect((await listUsers(handle.db)).find((u) => u.username === "gh2")!.lockedUntil).toBeNull();
    const actor = await principal("admin");
    const view = await updateAccount(handle.db, { actor, username: "gh1", changes: { unlock: true } });
    expect(view.locked).toBe(false);
    expect(published).toEqual([]); // unlocking changes nothing an open socket may do
    await expect(authenticate(handle.db, "gh1", "hegao-demo", { address: "192.0.2.201" })).resolves.toMatchObject({ username: "gh1" });
  });

  it("the unlock button and a password reset lift the lock", async () => {
    const actor = await principal("admin");
    await lockOut("gh2");
    await unlockUser(handle.db, { userId: (await principal("gh2")).id }, actor);
    await expect(authenticate(handle.db, "gh2", "hegao-demo", { address: "192.0.2.202" })).resolves.toBeTruthy();
    await lockOut("jjs1");
    await resetPassword(handle.db, { userId: (await principal("jjs1")).id, password: "a-new-password" }, actor);
    expect((await listUsers(handle.db)).find((u) => u.username === "jjs1")!.lockedUntil).toBeNull();
    await expect(authenticate(handle.db, "jjs1", "a-new-password", { address: "192.0.2.203" })).resolves.toMatchObject({ username: "jjs1" });
  });

  it("refuses non-admins, unknown accounts and departments, bad bodies and demoting oneself", async () => {
    const actor = await principal("admin");
    await expect(updateAccount(handle.db, { actor: await principal("reviewer"), username: "dqb2", changes: { disabled: true } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateAccount(handle.db, { actor, username: "nobody", changes: { disabled: true } })).rejects.toMatchObject({ code: "not_found" });
    await expect(updateAccount(handle.db, { actor, username: "dqb2", changes: { department: "不存在" } })).rejects.toMatchObject({ code: "validation", field: "department" });
    await expect(updateAccount(handle.db, { actor, username: "dqb2", changes: {} })).rejects.toThrow(/至少提供/);
    await expect(updateAccount(handle.db, { actor, username: "dqb2", changes: { role: "boss" } })).rejects.toThrow(/角色必须是/);
    await expect(updateAccount(handle.db, { actor, username: "dqb2", changes: { password: "x" } })).rejects.toThrow(/不支持的字段：password/);
    await expect(updateAccount(handle.db, { actor, username: "admin", changes: { role: "editor" } })).rejects.toMatchObject({ code: "refused" });
    await expect(updateAccount(handle.db, { actor, username: "admin", changes: { disabled: true } })).rejects.toMatchObject({ code: "refused" });
    expect(published).toEqual([]);
    expect((await listUsers(handle.db)).find((u) => u.username === "dqb2")).toMatchObject({ disabled: false, role: "editor", departmentName: "党群工作部" });
  });

  it("refuses control characters in names a person types (422), storing nothing", async () => {
    await expect(createDepartment(handle.db, { name: "财务\u0000部" })).rejects.toThrow(/控制字符/);
    const [dept] = await handle.db.select().from(users).where(eq(users.username, "admin"));
    await expect(createUser(handle.db, { username: "nul.user", displayName: "钱\u0007会计", password: "long-enough", departmentId: dept.departmentId, role: "editor" })).rejects.toThrow(/控制字符/);
    expect((await listUsers(handle.db)).some((u) => u.username === "nul.user")).toBe(false);
  });
});
