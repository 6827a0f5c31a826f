/**
 * One query per fact: the account with its department, as the session, the policy and the
 * review chain see it (`loadPrincipal`), and every active account for the chain (`chainAccounts`).
 */
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { departments, users, type Role } from "@/db/schema";
import type { ChainAccount } from "@/lib/workflow";

/** An active account with its department (role and flags fresh from the database). */
export interface PrincipalRow extends ChainAccount {
  name: string;
  departmentName: string;
  departmentColor: string;
  disabled: boolean;
  role: Role;
}

const columns = {
  id: users.id, username: users.username, name: users.displayName, role: users.role, departmentId: users.departmentId,
  departmentName: departments.name, departmentColor: departments.color, lead: users.isDepartmentLead, disabled: users.disabled,
};

/** The account `id` with its department, or null when it does not exist or is disabled. */
export async function loadPrincipal(db: DbOrTx, id: string): Promise<PrincipalRow | null> {
  const [row] = await db.select(columns).from(users).innerJoin(departments, eq(users.departmentId, departments.id)).where(eq(users.id, id));
  return row && !row.disabled ? row : null;
}

/** Every active account (to resolve a chain stage's approvers), by username. */
export async function chainAccounts(db: DbOrTx): Promise<PrincipalRow[]> {
  const rows = await db.select(columns).from(users).innerJoin(departments, eq(users.departmentId, departments.id)).orderBy(asc(users.username));
  return rows.filter((r) => !r.disabled);
}
