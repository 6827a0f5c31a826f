/**
 * Review chains: ordered stages, each with a name, approver rules and a mode (`any` 或签: one
 * approval completes the stage; `all` 会签: every approver must approve). Pure: who an approver
 * is, and how far a stage is, from facts passed in (design.md "Review chains").
 */
import { z } from "zod";
import { DEFAULT_CHAIN_JSON, ROLES, type ChainStageJson, type Role } from "@/db/schema";
import { cleanTextSchema } from "@/lib/text/hygiene";

export type ChainStage = ChainStageJson;
export type Chain = ChainStage[];

/** Today's behaviour: one stage 审核, any reviewer or admin approves. */
export const DEFAULT_CHAIN: Chain = DEFAULT_CHAIN_JSON;
export const DEFAULT_CHAIN_NAME = "默认（一级审核）";
export { STAGE_MODE_LABELS } from "./chain-labels";

/** An account as the chain sees it (active accounts only are passed in). */
export interface ChainAccount {
  id: string;
  username: string;
  name?: string;
  role: Role;
  departmentId: string;
  departmentName?: string;
  /** 部门负责人 of its department. */
  lead: boolean;
}

const stageSchema = z.object({
  name: cleanTextSchema({ singleLine: true }).pipe(z.string().trim().min(1, "请填写环节名称").max(30, "环节名称不超过 30 个字")),
  mode: z.enum(["any", "all"], { message: "方式必须是 any（或签）或 all（会签）" }),
  approvers: z
    .object({
      users: z.array(z.string().trim().min(1)).max(50).optional(),
      departmentLead: z.literal(true).optional(),
      department: z.string().trim().min(1).max(40).optional(),
      role: z.enum(ROLES).optional(),
    })
    .strict(),
}).refine((s) => !!(s.approvers.users?.length || s.approvers.departmentLead || s.approvers.department || s.approvers.role), {
  message: "每个环节至少要指定一种审核人", path: ["approvers"],
});

/** A chain as the API and the admin page accept it: 1–8 stages, each with at least one rule. */
export const chainSchema = z.array(stageSchema).min(1, "审核流程至少要有一个环节").max(8, "审核流程最多 8 个环节");

/**
 * Does `rules` admit `account` for a section assigned to `departmentId`?
 * - departmentLead: a lead of the section's department;
 * - users: a named account (username);
 * - department: a reviewer or admin of the named department;
 * - role: that role (admins count as reviewers: they may do what reviewers may, design.md roles).
 */
export function admits(stage: ChainStage, account: ChainAccount, departmentId: string | null): { ok: boolean; asLead: boolean; otherwise: boolean } {
  const a = stage.approvers;
  const asLead = !!a.departmentLead && account.lead && departmentId !== null && account.departmentId === departmentId;
  const otherwise =
    !!a.users?.includes(account.username) ||
    (!!a.department && account.departmentName === a.department && account.role !== "editor") ||
    (!!a.role && (account.role === a.role || (a.role === "reviewer" && account.role === "admin")));
  return { ok: asLead || otherwise, asLead, otherwise };
}

/** A short Chinese description of a stage's approvers ("部门负责人、党委办公室审核人"). */
export function describeApprovers(stage: ChainStage): string {
  const a = stage.approvers;
  const parts: string[] = [];
  if (a.departmentLead) parts.push("本部门负责人");
  if (a.department) parts.push(`${a.department}审核人`);
  if (a.role) parts.push({ editor: "撰稿人", reviewer: "审核人", admin: "管理员" }[a.role]);
  if (a.users?.length) parts.push(a.users.join("、"));
  return parts.join("、");
}
