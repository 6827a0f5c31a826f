/**
 * Account commands: create, update (department, role, name, disabled, unlock), reset password,
 * list. Used by the admin pages, `PATCH /api/admin/users/<username>` and the CLI. Commands that
 * change an account take the acting principal and authorise first (lib/policy.ts); after a
 * change that may alter what the account may write they tell the collaboration server
 * (`publishAccessChange`, lib/collab/bus.ts), which re-decides the account's open sockets.
 */
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { departments, signInAttempts, users, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { accountKey, clearAttempts } from "@/lib/auth/throttle";
import { publishAccessChange } from "@/lib/collab/bus";
import { AppError, notFound, refused } from "@/lib/errors";
import { assertAdmin, type Principal } from "@/lib/policy";
import { createUserSchema, passwordSchema, updateUserSchema, type CreateUserInput, type UpdateUserInput } from "./schemas";

/** An account without its password hash, with its department's name. */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string;
  departmentName: string;
  disabled: boolean;
  /** 部门负责人 of its department. */
  lead: boolean;
  /** Notification e-mail (null: none). */
  email: string | null;
  createdAt: string;
  /** ISO time the sign-in lock ends (5 failed attempts, lib/auth/throttle.ts); null when not locked. */
  lockedUntil: string | null;
}

/** All accounts, by department then username, with their sign-in lock at `now`. */
export async function listUsers(db: DbOrTx, now = new Date()): Promise<UserView[]> {
  const rows = await db
    .select({
      id: users.id, username: users.username, displayName: users.displayName, role: users.role,
      departmentId: users.departmentId, departmentName: departments.name, disabled: users.disabled, lead: users.isDepartmentLead, email: users.email, createdAt: users.createdAt,
      lockedUntil: signInAttempts.lockedUntil,
    })
    .from(users)
    .innerJoin(departments, eq(users.departmentId, departments.id))
    .leftJoin(signInAttempts, and(eq(signInAttempts.key, sql`'account:' || ${users.username}`), gt(signInAttempts.lockedUntil, now)))
    .orderBy(asc(departments.position), asc(users.username));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), lockedUntil: r.lockedUntil?.toISOString() ?? null }));
}

/**
 * Creates an account (password hashed with scrypt).
 * @throws ZodError on invalid input; AppError conflict (username taken, field "username"),
 *   validation (unknown department, field "departmentId").
 */
export async function createUser(db: DbOrTx, input: CreateUserInput): Promise<UserView> {
  const data = createUserSchema.parse(input);
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.username, data.username));
  if (taken) throw new AppError("conflict", `用户名「${data.username}」已被使用`, "username");
  const [dept] = await db.select().from(departments).where(eq(departments.id, data.departmentId));
  if (!dept) throw new AppError("validation", "部门不存在", "departmentId");
  const [row] = await db
    .insert(users)
    .values({
      username: data.username,
      displayName: data.displayName ?? data.username,
      passwordHash: await hashPassword(data.password),
      departmentId: dept.id,
      role: data.role,
      isDepartmentLead: data.lead ?? false,
      email: data.email ?? null,
    })
    .returning();
  return { ...row, lead: row.isDepartmentLead, departmentName: dept.name, createdAt: row.createdAt.toISOString(), lockedUntil: null };
}

/**
 * Changes an account's name, department, role, disabled or lead (部门负责人) flag, notification
 * e-mail (null clears), and/or lifts
 * its sign-in lock (`unlock`). An admin may not disable or demote themself (there would be no
 * admin left to undo it). After the commit the collaboration server is told (`publishAccessChange`).
 * @throws AppError forbidden (actor not an admin), not_found, validation (unknown department),
 *   refused (own account); ZodError.
 */
export async function updateUser(db: Db, input: UpdateUserInput, actor: Principal): Promise<void> {
  assertAdmin(actor);
  const { userId, unlock, lead, ...given } = updateUserSchema.parse(input);
  const changes = Object.fromEntries(
    Object.entries({ ...given, isDepartmentLead: lead }).filter(([, v]) => v !== undefined),
  ) as typeof given & { isDepartmentLead?: boolean };
  if (userId === actor.id && (changes.disabled === true || (changes.role !== undefined && changes.role !== "admin"))) {
    throw refused("不能停用自己或取消自己的管理员角色");
  }
  await db.transaction(async (tx) => {
    if (changes.departmentId) {
      const [dept] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, changes.departmentId));
      if (!dept) throw new AppError("validation", "部门不存在", "departmentId");
    }
    const [row] = Object.keys(changes).length
      ? await tx.update(users).set(changes).where(eq(users.id, userId)).returning({ username: users.username })
      : await tx.select({ username: users.username }).from(users).where(eq(users.id, userId));
    if (!row) throw notFound("账号");
    if (unlock) await clearAttempts(tx, accountKey(row.username));
  });
  const { email: _email, ...access } = changes;
  if (Object.keys(access).length) publishAccessChange({ userIds: [userId] });
}

/**
 * Lifts an account's sign-in lock (the admin's 解锁 button).
 * @throws AppError forbidden, not_found.
 */
export async function unlockUser(db: Db, input: { userId: string }, actor: Principal): Promise<void> {
  await updateUser(db, { userId: input.userId, unlock: true }, actor);
}

/**
 * Sets a new password and lifts the account's sign-in lock (whoever forgot it and locked
 * themselves out can sign in with the new one at once).
 * @throws AppError forbidden, not_found; ZodError (too short, field "password").
 */
export async function resetPassword(db: Db, input: { userId: string; password: string }, actor: Principal): Promise<void> {
  assertAdmin(actor);
  const password = passwordSchema.parse(input.password);
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [row] = await tx.update(users).set({ passwordHash: hash }).where(eq(users.id, input.userId)).returning({ username: users.username });
    if (!row) throw notFound("账号");
    await clearAttempts(tx, accountKey(row.username));
  });
}
