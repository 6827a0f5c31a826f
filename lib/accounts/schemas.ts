/**
 * zod schemas of account and department input, shared by server actions, the CLI and tests.
 */
import { z } from "zod";
import { ROLES } from "@/db/schema";
import { CONTROLS_MESSAGE, hasControls } from "@/lib/text/hygiene";

/** A single-line name a person types: trimmed, no control characters (NUL…) → 422. */
const typedName = (required: string) =>
  z.string({ error: required }).trim().refine((s) => !hasControls(s, true), { message: CONTROLS_MESSAGE });

export const departmentNameSchema = typedName("请填写部门名称")
  .min(1, "请填写部门名称")
  .max(40, "部门名称不超过 40 个字");

export const usernameSchema = z
  .string({ error: "请填写用户名" })
  .trim()
  .min(2, "用户名至少 2 个字符")
  .max(40, "用户名不超过 40 个字符")
  .regex(/^[A-Za-z0-9_.-]+$/, "用户名只能包含字母、数字、点、下划线和连字符");

export const passwordSchema = z
  .string({ error: "请填写密码" })
  .min(8, "密码至少 8 位")
  .max(200, "密码过长");

export const displayNameSchema = typedName("请填写姓名").min(1, "请填写姓名").max(40, "姓名不超过 40 个字");

/**
 * An account's notification e-mail: a valid address (trimmed, ≤ 254 characters), or "" / null
 * to clear it (→ null).
 */
export const emailSchema = z.union([
  z.null(),
  z.string({ error: "email 必须是邮箱地址或空" }).trim().max(254, "邮箱地址过长").transform((s) => s || null)
    .pipe(z.union([z.null(), z.email({ error: "邮箱地址格式不正确" })])),
]);

export const roleSchema = z.enum(ROLES, { error: "角色必须是 editor、reviewer 或 admin" });

export const createUserSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema.optional(),
  password: passwordSchema,
  departmentId: z.string().min(1, "请选择部门"),
  role: roleSchema,
  /** 部门负责人 of its department (signs off at a `departmentLead` stage). */
  lead: z.boolean().optional(),
  /** Notification e-mail ("" or absent: none). */
  email: emailSchema.optional(),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  userId: z.string().min(1),
  displayName: displayNameSchema.optional(),
  departmentId: z.string().min(1, "请选择部门").optional(),
  role: roleSchema.optional(),
  disabled: z.boolean().optional(),
  /** Lift a sign-in lock (lib/auth/throttle.ts). */
  unlock: z.boolean().optional(),
  lead: z.boolean().optional(),
  /** Notification e-mail; "" or null clears it. */
  email: emailSchema.optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

/**
 * Body of `PATCH /api/admin/users/<username>` and the CLI's `user:update`: any of role,
 * department (by name), disabled, unlock (true), lead, email (null / "" clears). Unknown fields are refused (422) rather than
 * silently ignored.
 */
export const accountChangesSchema = z
  .strictObject(
    {
      role: roleSchema.optional(),
      department: departmentNameSchema.optional(),
      disabled: z.boolean({ error: "disabled 必须是 true 或 false" }).optional(),
      unlock: z.literal(true, { error: "unlock 只能是 true" }).optional(),
      /** 部门负责人: approves the department's sections at a chain's departmentLead stage. */
      lead: z.boolean({ error: "lead 必须是 true 或 false" }).optional(),
      /** Notification e-mail; null or "" clears it. */
      email: emailSchema.optional(),
    },
    { error: (iss) => (iss.code === "unrecognized_keys" ? `不支持的字段：${iss.keys.join("、")}（可用 role、department、disabled、unlock、lead、email）` : "请求体必须是 JSON 对象") },
  )
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: "请至少提供 role、department、disabled、unlock、lead、email 之一" });
export type AccountChanges = z.infer<typeof accountChangesSchema>;

export const ROLE_LABELS: Record<(typeof ROLES)[number], string> = {
  editor: "撰稿人",
  reviewer: "审核人",
  admin: "管理员",
};
