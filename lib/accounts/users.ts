/**
 * Account commands: create, update (department, role, name, disabled), reset password, list.
 * Used by the admin pages and the CLI (`user:create`, `user:list`).
 */
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { departments, users, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { AppError, notFound } from "@/lib/errors";
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
  createdAt: string;
}

/** All accounts, by department then username. */
export async function listUsers(db: DbOrTx): Promise<UserView[]> {
  const rows = await db
    .select({
      id: users.id, username: users.username, displayName: users.displayName, role: users.role,
      departmentId: users.departmentId, departmentName: departments.name, disabled: users.disabled, lead: users.isDepartmentLead, createdAt: users.createdAt,
    })
    .from(users)
    .innerJoin(departments, eq(users.departmentId, departments.id))
    .orderBy(asc(departments.position), asc(users.username));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
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
    })
    .returning();
  return { ...row, lead: row.isDepartmentLead, departmentName: dept.name, createdAt: row.createdAt.toISOString() };
}

/**
 * Changes an account's name, department, role, disabled or lead (部门负责人) flag.
 * @throws ZodError; AppError not_found, validation (unknown department).
 */
export async function updateUser(db: DbOrTx, input: UpdateUserInput): Promise<void> {
  const { userId, lead, ...rest } = updateUserSchema.parse(input);
  const changes = { ...rest, ...(lead !== undefined ? { isDepartmentLead: lead } : {}) };
  if (changes.departmentId) {
    const [dept] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, changes.departmentId));
    if (!dept) throw new AppError("validation", "部门不存在", "departmentId");
  }
  const [row] = await db.update(users).set(changes).where(eq(users.id, userId)).returning({ id: users.id });
  if (!row) throw notFound("账号");
}

/**
 * Sets a new password.
 * @throws ZodError (too short, field "password"); AppError not_found.
 */
export async function resetPassword(db: DbOrTx, input: { userId: string; password: string }): Promise<void> {
  const password = passwordSchema.parse(input.password);
  const [row] = await db
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(users.id, input.userId))
    .returning({ id: users.id });
  if (!row) throw notFound("账号");
}
