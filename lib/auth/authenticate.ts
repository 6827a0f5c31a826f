/**
 * Checks a username and password behind the sign-in throttle (lib/auth/throttle.ts): the
 * attempt is reserved per client address and per account BEFORE the password is checked, and
 * refused without a check when either is over its limit (5 per account, 30 per address, in 15
 * minutes). A successful sign-in clears the account's counter and gives the address its
 * attempt back.
 */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { departments, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "./password";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, accountKey, addressKey, clearAttempts, pruneAttempts, releaseAttempt, reserveAttempt } from "./throttle";

/** Share of sign-ins that also delete day-old counters (pruneAttempts): 1 in 50. */
const PRUNE_SHARE = 0.02;

/** Failed attempts per account before it is locked (kept for callers and tests). */
export const MAX_FAILURES = ACCOUNT_LIMIT.max;
/** Lock length (ms). */
export const LOCKOUT_WINDOW_MS = ACCOUNT_LIMIT.windowMs;

/** The session facts of a signed-in account. */
export interface SessionUser {
  id: string;
  username: string;
  name: string;
  role: "editor" | "reviewer" | "admin";
  departmentId: string;
  departmentName: string;
}

export interface AuthenticateOptions {
  /** The client's address (server.ts sets it from the socket, or X-Forwarded-For with TRUST_PROXY=1). */
  address?: string;
  /** The attempt's time (tests). */
  now?: Date;
}

// A real scrypt hash of a random password, so unknown usernames cost the same time.
const DUMMY_HASH =
  "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$6mTMFXtyMKCVKQeDYONEvyJBthkeCzrV8B/9PHqYEQE=";

const minutesLeft = (until: Date | null, now: Date) =>
  until ? Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)) : Math.round(ACCOUNT_LIMIT.windowMs / 60_000);

/**
 * Returns the account when `password` is right.
 * @throws AppError too_many_attempts (account or address over its limit: refused without
 *   checking the password), unauthenticated (wrong username or password, or disabled account).
 *   Messages are Chinese and do not reveal whether the username exists.
 */
export async function authenticate(db: DbOrTx, username: string, password: string, opts: AuthenticateOptions = {}): Promise<SessionUser> {
  const now = opts.now ?? new Date();
  const name = username.trim();
  const addrKey = addressKey(opts.address || "unknown");
  const byAddress = await reserveAttempt(db, addrKey, ADDRESS_LIMIT, now);
  if (!byAddress.allowed) {
    throw new AppError("too_many_attempts", `此地址登录失败次数过多，请 ${minutesLeft(byAddress.lockedUntil, now)} 分钟后再试`);
  }
  const key = accountKey(name);
  const byAccount = await reserveAttempt(db, key, ACCOUNT_LIMIT, now);
  if (!byAccount.allowed) {
    throw new AppError("too_many_attempts", `登录失败次数过多，该账号已被暂时锁定，请 ${minutesLeft(byAccount.lockedUntil, now)} 分钟后再试或联系管理员解锁`);
  }
  const [row] = await db
    .select({ user: users, departmentName: departments.name })
    .from(users)
    .innerJoin(departments, eq(users.departmentId, departments.id))
    .where(eq(users.username, name));
  const ok = await verifyPassword(password, row?.user.passwordHash ?? DUMMY_HASH);
  if (!row || !ok) {
    throw new AppError(
      "unauthenticated",
      byAccount.left > 0 ? `用户名或密码错误，还可尝试 ${byAccount.left} 次` : "用户名或密码错误，账号已被暂时锁定，请 15 分钟后再试或联系管理员解锁",
    );
  }
  await clearAttempts(db, key);
  await releaseAttempt(db, addrKey, ADDRESS_LIMIT);
  if (Math.random() < PRUNE_SHARE) await pruneAttempts(db, now);
  if (row.user.disabled) throw new AppError("unauthenticated", "该账号已停用，请联系管理员");
  const u = row.user;
  return { id: u.id, username: u.username, name: u.displayName, role: u.role, departmentId: u.departmentId, departmentName: row.departmentName };
}
