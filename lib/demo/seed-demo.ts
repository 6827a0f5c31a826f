/**
 * Seeds the demo organisation (lib/demo/demo-data.ts) into an empty database in one transaction.
 */
import type { Db } from "@/db/client";
import { departments, organisation, reviewChainTemplates, users, type ChainStageJson } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { createReport } from "@/lib/reports/create-report";
import {
  DEMO_CHAIN, DEMO_DEPARTMENTS, DEMO_LEADERS, DEMO_LEADERS_DEPT, DEMO_LEADS, DEMO_ORGANISATION, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_REPORT, DEMO_STAFF,
} from "./demo-data";

const COLORS = ["#b91c1c", "#1d4ed8", "#047857", "#b45309", "#7c3aed", "#be185d", "#0f766e"];

/** Creates the demo organisation, departments, accounts and report. */
export async function seedDemo(db: Db): Promise<void> {
  // One hash for all demo accounts: they share the documented password, and scrypt is slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const deptIds = await db.transaction(async (tx) => {
    const inserted = await tx.insert(organisation).values({ name: DEMO_ORGANISATION, demo: true }).onConflictDoNothing().returning();
    if (!inserted.length) return null;
    const ids = new Map<string, string>();
    for (const [i, d] of DEMO_DEPARTMENTS.entries()) {
      const [row] = await tx.insert(departments).values({ name: d.name, color: COLORS[i % COLORS.length], position: i }).returning();
      ids.set(d.name, row.id);
    }
    for (const s of DEMO_STAFF) {
      await tx.insert(users).values({ username: s.username, displayName: s.displayName, role: s.role, departmentId: ids.get(s.dept)!, passwordHash });
    }
    for (const d of DEMO_DEPARTMENTS) {
      const people = DEMO_PEOPLE[d.code];
      for (const [i, displayName] of people.entries()) {
        await tx.insert(users).values({ username: `${d.code}${i + 1}`, displayName, role: "editor", departmentId: ids.get(d.name)!, passwordHash });
      }
      await tx.insert(users).values({
        username: `${d.code}lead`, displayName: DEMO_LEADS[d.code], role: "editor", isDepartmentLead: true, departmentId: ids.get(d.name)!, passwordHash,
      });
    }
    const [leaders] = await tx.insert(departments).values({ name: DEMO_LEADERS_DEPT, color: "#334155", position: DEMO_DEPARTMENTS.length }).returning();
    for (const l of DEMO_LEADERS) {
      await tx.insert(users).values({ username: l.username, displayName: l.displayName, role: "reviewer", departmentId: leaders.id, passwordHash });
    }
    await tx.insert(reviewChainTemplates).values({ name: DEMO_CHAIN.name, stages: DEMO_CHAIN.stages as unknown as ChainStageJson[] });
    return ids;
  });
  if (!deptIds) return;
  const [admin] = await db.select({ id: users.id }).from(users).limit(1);
  const deadline = demoDeadline(new Date());
  await createReport(db, {
    title: DEMO_REPORT.title,
    period: DEMO_REPORT.period,
    organisationName: DEMO_ORGANISATION,
    preamble: DEMO_REPORT.preamble,
    deadline,
    createdBy: admin?.id,
    sections: DEMO_REPORT.sections.map((s) => ({
      level: s.level, title: s.title, body: "body" in s ? s.body : "",
      departmentId: "dept" in s && s.dept ? deptIds.get(s.dept) : null,
    })),
  });
}

/** The demo's deadline: two weeks from `now` (YYYY-MM-DD), so a fresh demo is not overdue. */
export function demoDeadline(now: Date): string {
  return new Date(now.getTime() + 14 * 24 * 3600 * 1000).toISOString().slice(0, 10);
}
