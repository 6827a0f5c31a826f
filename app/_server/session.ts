/**
 * The signed-in account for pages, server actions and route handlers. The JWT only names the
 * account; role, department and the disabled flag are read fresh from the database on every
 * request so that an admin's change takes effect at once.
 */
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { departments, users } from "@/db/schema";
import { authOptions } from "@/lib/auth/options";
import type { SessionUser } from "@/lib/auth/authenticate";
import { unauthenticated } from "@/lib/errors";
import type { Principal } from "@/lib/policy";

export type CurrentUser = SessionUser & Principal & { departmentColor: string };

/** The current account, or null when not signed in, disabled or deleted. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions);
  const id = (session as { user?: SessionUser } | null)?.user?.id;
  if (!id) return null;
  return loadUser(id);
}

/** Loads an active account by id with its department. */
export async function loadUser(id: string): Promise<CurrentUser | null> {
  const db = await getDb();
  const [row] = await db
    .select({ user: users, dept: departments })
    .from(users)
    .innerJoin(departments, eq(users.departmentId, departments.id))
    .where(eq(users.id, id));
  if (!row || row.user.disabled) return null;
  const u = row.user;
  return {
    id: u.id, username: u.username, name: u.displayName, role: u.role,
    departmentId: u.departmentId, departmentName: row.dept.name, departmentColor: row.dept.color,
  };
}

/** For pages: the current account, or a redirect to the sign-in page. */
export async function requirePageUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/** For actions and route handlers: the current account. @throws AppError unauthenticated. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw unauthenticated();
  return user;
}
