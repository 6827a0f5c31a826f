/**
 * CLI commands for departments and accounts: `dept:create`, `user:create`, `user:list`,
 * `user:update`. The CLI acts as the operator of the server (whoever may run it may open the
 * database), i.e. with an admin's rights (`CLI_ACTOR`).
 */
import { z } from "zod";
import { getDb } from "../../db/client";
import { createDepartment, findDepartmentByName } from "../../lib/accounts/departments";
import { createUser, listUsers } from "../../lib/accounts/users";
import { updateAccount } from "../../lib/accounts/update-account";
import type { Principal } from "../../lib/policy";
import { roleSchema } from "../../lib/accounts/schemas";
import { AppError } from "../../lib/errors";
import type { Command } from "./commands";
import { promptPassword } from "./prompt";
import { isRemote } from "./remote-context";

/**
 * The password of `user:create` when `--password` is missing: asked on this process's
 * terminal. Never inside the server (a command sent over the admin channel): the CLI client
 * asks on its own terminal before sending.
 * @throws AppError validation when there is no terminal to ask on.
 */
async function askPassword(): Promise<string> {
  if (isRemote() || !process.stdin.isTTY) {
    throw new AppError("validation", "缺少 --password（非交互环境无法提示输入密码）", "password");
  }
  return promptPassword();
}

/** The principal CLI commands act as: an administrator that is no account (never "oneself"). */
export const CLI_ACTOR: Principal = { id: "cli", role: "admin", departmentId: "" };

export const accountCommands: Record<string, Command> = {
  "dept:create": {
    usage: "--name <名称>",
    options: { name: { type: "string" } },
    async run(values) {
      const { name } = z.object({ name: z.string({ error: "缺少 --name" }) }).parse(values);
      const dept = await createDepartment(await getDb(), { name });
      return { id: dept.id, name: dept.name, color: dept.color };
    },
  },
  "user:create": {
    usage: "--username <u> [--password <p>] --dept <部门名称> --role editor|reviewer|admin [--name <姓名>] [--lead] [--email <addr>]",
    options: { username: { type: "string" }, password: { type: "string" }, dept: { type: "string" }, role: { type: "string" }, name: { type: "string" }, lead: { type: "boolean" }, email: { type: "string" } },
    async run(values) {
      const v = z
        .object({
          username: z.string({ error: "缺少 --username" }),
          password: z.string().optional(),
          dept: z.string({ error: "缺少 --dept" }),
          role: roleSchema,
          name: z.string().optional(),
          lead: z.boolean().optional(),
          email: z.string().optional(),
        })
        .parse(values);
      const db = await getDb();
      const dept = await findDepartmentByName(db, v.dept);
      if (!dept) throw new AppError("validation", `部门「${v.dept}」不存在，请先用 dept:create 创建`, "dept");
      const user = await createUser(db, {
        username: v.username, displayName: v.name, password: v.password ?? (await askPassword()), departmentId: dept.id, role: v.role, lead: v.lead, email: v.email,
      });
      return { id: user.id, username: user.username, displayName: user.displayName, department: user.departmentName, role: user.role, lead: user.lead, email: user.email };
    },
  },
  "user:list": {
    usage: "",
    options: {},
    async run() {
      const users = await listUsers(await getDb());
      return users.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, department: u.departmentName, role: u.role, lead: u.lead, disabled: u.disabled, email: u.email }));
    },
  },
  "user:update": {
    usage: "--username <u> [--role editor|reviewer|admin] [--dept <部门名称>] [--disable|--enable] [--unlock] [--lead|--no-lead] [--email <addr>（\"\" 清除）]",
    options: {
      username: { type: "string" }, role: { type: "string" }, dept: { type: "string" },
      disable: { type: "boolean" }, enable: { type: "boolean" }, unlock: { type: "boolean" },
      lead: { type: "boolean" }, "no-lead": { type: "boolean" }, email: { type: "string" },
    },
    async run(values) {
      const v = z
        .object({
          username: z.string({ error: "缺少 --username" }),
          role: z.string().optional(),
          dept: z.string().optional(),
          disable: z.boolean().optional(),
          enable: z.boolean().optional(),
          unlock: z.boolean().optional(),
          lead: z.boolean().optional(),
          "no-lead": z.boolean().optional(),
          email: z.string().optional(),
        })
        .refine((o) => !(o.disable && o.enable), { message: "--disable 和 --enable 不能同时使用" })
        .refine((o) => !(o.lead && o["no-lead"]), { message: "--lead 和 --no-lead 不能同时使用" })
        .parse(values);
      const changes = {
        role: v.role,
        department: v.dept,
        disabled: v.disable ? true : v.enable ? false : undefined,
        unlock: v.unlock ? true : undefined,
        lead: v.lead ? true : v["no-lead"] ? false : undefined,
        email: v.email,
      };
      return updateAccount(await getDb(), { actor: CLI_ACTOR, username: v.username, changes });
    },
  },
};
