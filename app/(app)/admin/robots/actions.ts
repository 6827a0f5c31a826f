"use server";

/**
 * Server actions of /admin/robots: each through `formAction` / `runAction` (session + zod),
 * calling the robot commands of lib/notify/robots/robots.ts, which authorise the admin.
 */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, runAction, type ActionResult } from "@/app/_server/action";
import { getDb } from "@/db/client";
import { createRobot, setRobotEnabled, updateRobot } from "@/lib/notify/robots/robots";
import { sendRobotTest } from "@/lib/notify/robots/test-robot";

/** The form's fields: scope is one select, `all`, `dept:<id>` or `report:<id>`. */
const robotFormSchema = z.object({
  id: z.string().optional(),
  vendor: z.string(),
  name: z.string(),
  url: z.string(),
  secret: z.string().optional(),
  clearSecret: z.enum(["on"]).optional(),
  scope: z.string().default("all"),
});

function toRobot(input: z.infer<typeof robotFormSchema>) {
  const [kind, scopeId] = input.scope.split(":");
  return {
    vendor: input.vendor, name: input.name, url: input.url, secret: input.secret, clearSecret: input.clearSecret === "on",
    departmentId: kind === "dept" ? scopeId : null, reportId: kind === "report" ? scopeId : null,
  };
}

export const saveRobotAction = formAction(robotFormSchema, async (input, user) => {
  const db = await getDb();
  if (input.id) await updateRobot(db, { actor: user, id: input.id, robot: toRobot(input) });
  else await createRobot(db, { actor: user, robot: toRobot(input) });
  revalidatePath("/admin/robots");
  return { ok: true, message: input.id ? "已保存" : `已添加机器人「${input.name.trim()}」` };
});

/** 停用 / 启用. */
export async function setRobotEnabledAction(id: string, enabled: boolean): Promise<ActionResult> {
  return runAction(z.object({ id: z.string().min(1), enabled: z.boolean() }), { id, enabled }, async (v, user) => {
    await setRobotEnabled(await getDb(), { actor: user, ...v });
    revalidatePath("/admin/robots");
    return { ok: true, message: v.enabled ? "已启用" : "已停用" };
  });
}

/** 发送测试消息: one message through the robot now; the answer says whether it arrived. */
export async function testRobotAction(id: string): Promise<ActionResult> {
  return runAction(z.string().min(1), id, async (robotId, user) => {
    await sendRobotTest(await getDb(), { actor: user, id: robotId });
    return { ok: true, message: "测试消息已送达" };
  });
}
