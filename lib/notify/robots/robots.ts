/**
 * Group-chat robots (企业微信 / 钉钉 / 飞书) for /admin/robots: list, create, update, enable or
 * disable. Admin only. A robot's scope is a department, a report, both (that department within
 * that report) or neither (every notification); lib/notify/outbox/plan.ts matches it.
 * Secrets are stored as given (the vendors need the plain secret to sign) and never shown back.
 */
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { departments, reports, robotWebhooks } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { assertAdmin, type Principal } from "@/lib/policy";
import { robotInputSchema, type ParsedRobotInput, type RobotInput, type RobotVendor } from "./schemas";

/** A robot as the admin page shows it (the secret only as "set or not"). */
export interface RobotView {
  id: string;
  vendor: RobotVendor;
  name: string;
  url: string;
  hasSecret: boolean;
  departmentId: string | null;
  departmentName: string | null;
  reportId: string | null;
  reportTitle: string | null;
  enabled: boolean;
}

/** All robots, oldest first. @throws AppError forbidden (not an admin). */
export async function listRobots(db: DbOrTx, actor: Principal): Promise<RobotView[]> {
  assertAdmin(actor);
  const rows = await db
    .select({ r: robotWebhooks, departmentName: departments.name, reportTitle: reports.title })
    .from(robotWebhooks)
    .leftJoin(departments, eq(robotWebhooks.departmentId, departments.id))
    .leftJoin(reports, eq(robotWebhooks.reportId, reports.id))
    .orderBy(asc(robotWebhooks.createdAt));
  return rows.map(({ r, departmentName, reportTitle }) => ({
    id: r.id, vendor: r.vendor, name: r.name, url: r.url, hasSecret: !!r.secret, departmentId: r.departmentId,
    departmentName, reportId: r.reportId, reportTitle, enabled: r.enabled,
  }));
}

/** @throws AppError forbidden, validation (unknown department / report); ZodError (422). */
export async function createRobot(db: DbOrTx, input: { actor: Principal; robot: RobotInput | unknown }): Promise<string> {
  assertAdmin(input.actor);
  const r = await checkedInput(db, input.robot);
  const [row] = await db.insert(robotWebhooks).values({
    vendor: r.vendor, name: r.name, url: r.url, secret: r.secret, departmentId: r.departmentId, reportId: r.reportId,
  }).returning({ id: robotWebhooks.id });
  return row.id;
}

/**
 * Updates a robot; an empty secret keeps the stored one unless `clearSecret`.
 * @throws AppError forbidden, not_found, validation; ZodError (422).
 */
export async function updateRobot(db: DbOrTx, input: { actor: Principal; id: string; robot: RobotInput | unknown }): Promise<void> {
  assertAdmin(input.actor);
  const r = await checkedInput(db, input.robot);
  const secret = r.secret ? { secret: r.secret } : r.clearSecret ? { secret: null } : {};
  const done = await db.update(robotWebhooks)
    .set({ vendor: r.vendor, name: r.name, url: r.url, departmentId: r.departmentId, reportId: r.reportId, ...secret })
    .where(eq(robotWebhooks.id, input.id)).returning({ id: robotWebhooks.id });
  if (!done.length) throw notFound("机器人");
}

/** Enables or disables a robot (disabled: nothing is planned for it; pending messages fail). @throws AppError forbidden, not_found. */
export async function setRobotEnabled(db: DbOrTx, input: { actor: Principal; id: string; enabled: boolean }): Promise<void> {
  assertAdmin(input.actor);
  const done = await db.update(robotWebhooks).set({ enabled: input.enabled }).where(eq(robotWebhooks.id, input.id)).returning({ id: robotWebhooks.id });
  if (!done.length) throw notFound("机器人");
}

async function checkedInput(db: DbOrTx, raw: unknown): Promise<ParsedRobotInput> {
  const r = robotInputSchema.parse(raw);
  if (r.departmentId && !(await db.select({ id: departments.id }).from(departments).where(eq(departments.id, r.departmentId))).length) {
    throw new AppError("validation", "部门不存在", "departmentId");
  }
  if (r.reportId && !(await db.select({ id: reports.id }).from(reports).where(eq(reports.id, r.reportId))).length) {
    throw new AppError("validation", "工作总结不存在", "reportId");
  }
  return r;
}
