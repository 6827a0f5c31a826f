/**
 * Checks a username and password, with a lockout after repeated failures: after 5 failed
 * attempts for one account within 15 minutes further attempts are refused (even with the
 * right password) until the window has passed.
 */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { departments, signInAttempts, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "./password";

export const MAX_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

/** The session facts of a signed-in account. */
export interface SessionUser {
  id: string;
  username: string;
  name: string;
  role: "editor" | "reviewer" | "admin";
  departmentId: string;
  departmentName: string;
}

// A real scrypt hash of a random password, so unknown usernames cost the same time.
const DUMMY_HASH =
  "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$6mTMFXtyMKCVKQeDYONEvyJBthkeCzrV8B/9PHqYEQE=";

/**
 * Returns the account when `password` is right.
 * @throws AppError too_many_attempts (locked), unauthenticated (wrong username or password,
 *   or disabled account). Messages are Chinese and do not reveal whether the username exists.
 */
export async function authenticate(db: DbOrTx, username: string, password: string, now = new Date()): Promise<SessionUser> {
  const name = username.trim();
  const key = `account:${name}`;
  const [rec] = await db.select().from(signInAttempts).where(eq(signInAttempts.key, key));
  const fresh = !rec || now.getTime() - rec.windowStart.getTime() > LOCKOUT_WINDOW_MS;
  const n = fresh ? 0 : rec.failures;
  if (n >= MAX_FAILURES) {
    throw new AppError("too_many_attempts", "登录失败次数过多，该账号已被暂时锁定，请 15 分钟后再试或联系管理员");
  }
  const [row] = await db
    .select({ user: users, departmentName: departments.name })
    .from(users)
    .innerJoin(departments, eq(users.departmentId, departments.id))
    .where(eq(users.username, name));
  const ok = await verifyPassword(password, row?.user.passwordHash ?? DUMMY_HASH);
  if (!row || !ok) {
    await db
      .insert(signInAttempts)
      .values({ key, failures: n + 1, windowStart: fresh ? now : rec!.windowStart })
      .onConflictDoUpdate({ target: signInAttempts.key, set: { failures: n + 1, windowStart: fresh ? now : rec!.windowStart } });
    const left = MAX_FAILURES - n - 1;
    throw new AppError(
      "unauthenticated",
      left > 0 ? `用户名或密码错误，还可尝试 ${left} 次` : "用户名或密码错误，账号已被暂时锁定，请 15 分钟后再试",
    );
  }
  if (row.user.disabled) throw new AppError("unauthenticated", "该账号已停用，请联系管理员");
  await db.delete(signInAttempts).where(eq(signInAttempts.key, key));
  const u = row.user;
  return { id: u.id, username: u.username, name: u.displayName, role: u.role, departmentId: u.departmentId, departmentName: row.departmentName };
}
