/**
 * Department commands: create, rename, list. Used by the admin pages and the CLI.
 */
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { departments, type Department } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { departmentNameSchema } from "./schemas";

const PALETTE = ["#b91c1c", "#1d4ed8", "#047857", "#b45309", "#7c3aed", "#be185d", "#0f766e", "#4d7c0f", "#c2410c", "#0369a1"];

/** All departments in display order. */
export function listDepartments(db: DbOrTx): Promise<Department[]> {
  return db.select().from(departments).orderBy(asc(departments.position), asc(departments.name));
}

/** The department called `name`, or undefined. */
export async function findDepartmentByName(db: DbOrTx, name: string): Promise<Department | undefined> {
  const [row] = await db.select().from(departments).where(eq(departments.name, name.trim()));
  return row;
}

/**
 * Creates a department with the next palette colour.
 * @throws AppError validation (empty / too long name, field "name"), conflict (name taken).
 */
export async function createDepartment(db: DbOrTx, input: { name: string }): Promise<Department> {
  const name = departmentNameSchema.parse(input.name);
  if (await findDepartmentByName(db, name)) throw new AppError("conflict", `部门「${name}」已存在`, "name");
  const count = (await listDepartments(db)).length;
  const [row] = await db
    .insert(departments)
    .values({ name, color: PALETTE[count % PALETTE.length], position: count })
    .returning();
  return row;
}

/**
 * Renames a department.
 * @throws AppError not_found, validation, conflict (another department has the name).
 */
export async function renameDepartment(db: DbOrTx, input: { id: string; name: string }): Promise<Department> {
  const name = departmentNameSchema.parse(input.name);
  const existing = await findDepartmentByName(db, name);
  if (existing && existing.id !== input.id) throw new AppError("conflict", `部门「${name}」已存在`, "name");
  const [row] = await db.update(departments).set({ name }).where(eq(departments.id, input.id)).returning();
  if (!row) throw notFound("部门");
  return row;
}
