/**
 * `PATCH /api/admin/users/<username>` and `npm run cli -- user:update`: change an account by
 * username with any of `{ role, department (name), disabled, unlock: true, lead, email }` and answer the
 * account as it now is.
 */
import { eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { departments, users, type Role } from "@/db/schema";
import { accountKey, lockedUntil } from "@/lib/auth/throttle";
import { AppError, notFound } from "@/lib/errors";
import { assertAdmin, type Principal } from "@/lib/policy";
import { findDepartmentByName } from "./departments";
import { accountChangesSchema } from "./schemas";
import { updateUser } from "./users";

/** An account as the API and CLI show it. `locked`: its sign-in is locked right now. */
export interface AccountView {
  username: string;
  role: Role;
  department: string;
  disabled: boolean;
  locked: boolean;
  /** 部门负责人 (department lead). */
  lead: boolean;
  /** Notification e-mail (null: none). */
  email: string | null;
}

/**
 * The account `username` as an AccountView.
 * @throws AppError not_found.
 */
export async function getAccount(db: DbOrTx, username: string, now = new Date()): Promise<AccountView> {
  const [row] = await db
    .select({ username: users.username, role: users.role, department: departments.name, disabled: users.disabled, lead: users.isDepartmentLead, email: users.email })
    .from(users)
    .innerJoin(departments, eq(users.departmentId, departments.id))
    .where(eq(users.username, username));
  if (!row) throw notFound(`账号「${username}」`);
  return { ...row, locked: (await lockedUntil(db, accountKey(row.username), now)) !== null };
}

/**
 * Applies `changes` (unvalidated input: checked with `accountChangesSchema`) to the account
 * `username` as `actor`; returns the account afterwards.
 * @throws AppError forbidden (not an admin), not_found (account), validation (unknown
 *   department, field "department"), refused (disabling or demoting oneself); ZodError (422).
 */
export async function updateAccount(db: Db, input: { actor: Principal; username: string; changes: unknown }): Promise<AccountView> {
  assertAdmin(input.actor);
  const changes = accountChangesSchema.parse(input.changes);
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, input.username));
  if (!user) throw notFound(`账号「${input.username}」`);
  let departmentId: string | undefined;
  if (changes.department !== undefined) {
    const dept = await findDepartmentByName(db, changes.department);
    if (!dept) throw new AppError("validation", `部门「${changes.department}」不存在`, "department");
    departmentId = dept.id;
  }
  await updateUser(db, { userId: user.id, role: changes.role, departmentId, disabled: changes.disabled, unlock: changes.unlock, lead: changes.lead, email: changes.email }, input.actor);
  return getAccount(db, input.username);
}
