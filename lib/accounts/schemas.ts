/**
 * zod schemas of account and department input, shared by server actions, the CLI and tests.
 */
import { z } from "zod";
import { ROLES } from "@/db/schema";

export const departmentNameSchema = z
  .string({ error: "请填写部门名称" })
  .trim()
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

export const roleSchema = z.enum(ROLES, { error: "角色必须是 editor、reviewer 或 admin" });

export const createUserSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1, "请填写姓名").max(40, "姓名不超过 40 个字").optional(),
  password: passwordSchema,
  departmentId: z.string().min(1, "请选择部门"),
  role: roleSchema,
  /** 部门负责人 of its department (signs off at a `departmentLead` stage). */
  lead: z.boolean().optional(),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  userId: z.string().min(1),
  displayName: z.string().trim().min(1, "请填写姓名").max(40, "姓名不超过 40 个字").optional(),
  departmentId: z.string().min(1, "请选择部门").optional(),
  role: roleSchema.optional(),
  disabled: z.boolean().optional(),
  lead: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const ROLE_LABELS: Record<(typeof ROLES)[number], string> = {
  editor: "撰稿人",
  reviewer: "审核人",
  admin: "管理员",
};
