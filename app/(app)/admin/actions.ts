"use server";

/**
 * Server actions of the admin pages. Each goes through `formAction` (session + zod) and calls
 * the same domain commands the CLI uses; account commands take the actor and authorise
 * themselves (and tell the collaboration server about access changes).
 */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/app/_server/action";
import { getDb } from "@/db/client";
import { createDepartment, renameDepartment } from "@/lib/accounts/departments";
import { createUserSchema } from "@/lib/accounts/schemas";
import { createUser, resetPassword, unlockUser, updateUser } from "@/lib/accounts/users";
import { assertAdmin } from "@/lib/policy";

export const createDepartmentAction = formAction(z.object({ name: z.string() }), async (input, user) => {
  assertAdmin(user);
  const dept = await createDepartment(await getDb(), input);
  revalidatePath("/admin/departments");
  return { ok: true, message: `已创建部门「${dept.name}」` };
});

export const renameDepartmentAction = formAction(z.object({ id: z.string(), name: z.string() }), async (input, user) => {
  assertAdmin(user);
  await renameDepartment(await getDb(), input);
  revalidatePath("/admin/departments");
  return { ok: true, message: "已重命名" };
});

export const createUserAction = formAction(createUserSchema.extend({ lead: z.enum(["on", "off"]).optional() }), async (input, user) => {
  assertAdmin(user);
  const created = await createUser(await getDb(), { ...input, lead: input.lead === "on" });
  revalidatePath("/admin/users");
  return { ok: true, message: `已创建账号「${created.username}」` };
});

const updateUserFormSchema = z.object({
  userId: z.string().min(1),
  departmentId: z.string().min(1, "请选择部门"),
  role: createUserSchema.shape.role,
  disabled: z.enum(["on", "off"]).optional(),
  lead: z.enum(["on", "off"]).optional(),
  /** Notification e-mail; empty clears it (validated by the command: 422 on field "email"). */
  email: z.string().optional(),
});

export const updateUserAction = formAction(updateUserFormSchema, async (input, user) => {
  await updateUser(
    await getDb(),
    { userId: input.userId, departmentId: input.departmentId, role: input.role, disabled: input.disabled === "on", ...(input.lead ? { lead: input.lead === "on" } : {}), ...(input.email !== undefined ? { email: input.email } : {}) },
    user,
  );
  revalidatePath("/admin/users");
  return { ok: true, message: "已保存" };
});

export const resetPasswordAction = formAction(z.object({ userId: z.string(), password: z.string() }), async (input, user) => {
  await resetPassword(await getDb(), input, user);
  revalidatePath("/admin/users");
  return { ok: true, message: "密码已重置，账号已解锁" };
});

export const unlockUserAction = formAction(z.object({ userId: z.string().min(1) }), async (input, user) => {
  await unlockUser(await getDb(), input, user);
  revalidatePath("/admin/users");
  return { ok: true, message: "已解锁" };
});
