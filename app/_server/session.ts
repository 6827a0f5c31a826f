/**
 * The signed-in account for pages, server actions and route handlers. The JWT only names the
 * account; role, department and the disabled flag are read fresh from the database on every
 * request so that an admin's change takes effect at once.
 */
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { loadPrincipal } from "@/lib/accounts/principal";
import { authOptions } from "@/lib/auth/options";
import type { SessionUser } from "@/lib/auth/authenticate";
import { unauthenticated } from "@/lib/errors";
import type { Principal } from "@/lib/policy";

export type CurrentUser = SessionUser & Principal & { departmentColor: string; lead: boolean };

/** The current account, or null when not signed in, disabled or deleted. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions);
  const id = (session as { user?: SessionUser } | null)?.user?.id;
  if (!id) return null;
  return loadUser(id);
}

/** Loads an active account by id with its department (lib/accounts/principal.ts). */
export async function loadUser(id: string): Promise<CurrentUser | null> {
  const p = await loadPrincipal(await getDb(), id);
  if (!p) return null;
  return {
    id: p.id, username: p.username, name: p.name, role: p.role, lead: p.lead,
    departmentId: p.departmentId, departmentName: p.departmentName, departmentColor: p.departmentColor,
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
