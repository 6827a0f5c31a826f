import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { testDbTargets } from "@/db/test-db";
import { users } from "@/db/schema";
import { authenticate, MAX_FAILURES } from "@/lib/auth/authenticate";
import { seedDemo } from "@/lib/demo/seed-demo";
import { getReportWithOutline, listReports } from "@/lib/reports/get-report";
import { createDepartment, listDepartments, renameDepartment } from "./departments";
import type { Principal } from "@/lib/policy";
import { createUser, listUsers, resetPassword, updateUser } from "./users";

describe.each(testDbTargets())("accounts on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
    await seedDemo(handle.db);
  });
  afterAll(() => handle?.close());
  const admin = async (): Promise<Principal> => {
    const [row] = await handle.db.select().from(users).where(eq(users.username, "admin"));
    return { id: row.id, role: row.role, departmentId: row.departmentId };
  };

  it("seeds 7 departments and 公司领导, an admin, a reviewer, two editors and a lead per department, two leaders", async () => {
    const depts = await listDepartments(handle.db);
    expect(depts.map((d) => d.name)).toContain("党委办公室");
    expect(depts.map((d) => d.name)).toContain("公司领导");
    expect(depts).toHaveLength(8);
    const all = await listUsers(handle.db);
    expect(all.filter((u) => u.role === "editor" && !u.lead)).toHaveLength(14);
    expect(all.filter((u) => u.lead).map((u) => u.departmentName)).toHaveLength(7);
    expect(all.filter((u) => u.departmentName === "公司领导").map((u) => u.username)).toEqual(["leader1", "leader2"]);
    expect(all.find((u) => u.username === "admin")).toMatchObject({ role: "admin", departmentName: "党委办公室" });
    expect(all.find((u) => u.username === "reviewer")).toMatchObject({ role: "reviewer", departmentName: "党委办公室" });
  });

  it("seeds a numbered demo report", async () => {
    const [report] = await listReports(handle.db);
    const { sections } = await getReportWithOutline(handle.db, report.id);
    expect(sections.map((s) => s.number + s.title).slice(0, 3)).toEqual([
      "一、上半年主要工作", "（一）坚持政治引领，理论武装持续深化", "（二）夯实基层基础，组织建设全面加强",
    ]);
    expect(sections[0].headingOnly).toBe(true);
  });

  it("signs in with the right password and not with a wrong one", async () => {
    await expect(authenticate(handle.db, "dqb1", "hegao-demo")).resolves.toMatchObject({ username: "dqb1", departmentName: "党群工作部" });
    await expect(authenticate(handle.db, "dqb1", "nope")).rejects.toThrow(/用户名或密码错误/);
    await expect(authenticate(handle.db, "nobody", "nope")).rejects.toThrow(/用户名或密码错误/);
  });

  it("locks an account after 5 failures in 15 minutes, even for the right password", async () => {
    for (let i = 0; i < MAX_FAILURES; i++) await expect(authenticate(handle.db, "dqb2", "bad")).rejects.toThrow();
    await expect(authenticate(handle.db, "dqb2", "hegao-demo")).rejects.toThrow(/锁定/);
    const later = new Date(Date.now() + 16 * 60 * 1000);
    await expect(authenticate(handle.db, "dqb2", "hegao-demo", { now: later })).resolves.toMatchObject({ username: "dqb2" });
  });

  it("creates, renames and refuses duplicate departments", async () => {
    const d = await createDepartment(handle.db, { name: "财务部" });
    await expect(createDepartment(handle.db, { name: " 财务部 " })).rejects.toMatchObject({ code: "conflict", field: "name" });
    await expect(createDepartment(handle.db, { name: "" })).rejects.toThrow(/部门名称/);
    expect((await renameDepartment(handle.db, { id: d.id, name: "财务管理部" })).name).toBe("财务管理部");
  });

  it("creates accounts, changes roles, resets passwords and disables", async () => {
    const [dept] = await listDepartments(handle.db);
    const u = await createUser(handle.db, { username: "new.user", password: "longpassword", departmentId: dept.id, role: "editor" });
    await expect(createUser(handle.db, { username: "new.user", password: "longpassword", departmentId: dept.id, role: "editor" })).rejects.toMatchObject({ field: "username" });
    await updateUser(handle.db, { userId: u.id, role: "reviewer" }, await admin());
    await resetPassword(handle.db, { userId: u.id, password: "another-password" }, await admin());
    await expect(authenticate(handle.db, "new.user", "another-password")).resolves.toMatchObject({ role: "reviewer" });
    await updateUser(handle.db, { userId: u.id, disabled: true }, await admin());
    await expect(authenticate(handle.db, "new.user", "another-password")).rejects.toThrow(/停用/);
    const [row] = await handle.db.select().from(users).where(eq(users.id, u.id));
    expect(row.passwordHash).toMatch(/^scrypt\$/);
  });
});

describe("demo deadline", () => {
  it("is two weeks after the day the demo is created, so a fresh demo is not overdue", async () => {
    const { demoDeadline } = await import("@/lib/demo/seed-demo");
    expect(demoDeadline(new Date("2026-11-21T08:00:00Z"))).toBe("2026-12-05");
  });
});
