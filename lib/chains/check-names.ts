/**
 * Checks that the accounts and departments a chain names exist, so a typo does not create a
 * stage nobody can ever approve.
 */
import { inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { departments, users } from "@/db/schema";
import { validation } from "@/lib/errors";
import type { Chain } from "@/lib/workflow";

/** @throws AppError validation (field `stages`) naming the unknown account or department. */
export async function checkChainNames(db: DbOrTx, chain: Chain): Promise<void> {
  const names = [...new Set(chain.flatMap((s) => s.approvers.users ?? []))];
  if (names.length) {
    const found = new Set((await db.select({ u: users.username }).from(users).where(inArray(users.username, names))).map((r) => r.u));
    const missing = names.filter((n) => !found.has(n));
    if (missing.length) throw validation(`账号不存在：${missing.join("、")}`, "stages");
  }
  const depts = [...new Set(chain.map((s) => s.approvers.department).filter((d): d is string => !!d))];
  if (depts.length) {
    const found = new Set((await db.select({ n: departments.name }).from(departments).where(inArray(departments.name, depts))).map((r) => r.n));
    const missing = depts.filter((n) => !found.has(n));
    if (missing.length) throw validation(`部门不存在：${missing.join("、")}`, "stages");
  }
}
