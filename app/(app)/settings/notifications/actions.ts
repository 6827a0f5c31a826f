"use server";

/**
 * Server action of /settings/notifications: saves the signed-in account's own notification
 * settings (runAction: session + zod; an account only ever changes its own row).
 */
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/app/_server/action";
import { getDb } from "@/db/client";
import { settingsSchema, updateNotificationSettings, type SettingsInput } from "@/lib/notify/update-settings";

/** Saves e-mail address, e-mail mode and per-kind choices. */
export async function saveNotificationSettingsAction(input: SettingsInput): Promise<ActionResult> {
  return runAction(settingsSchema, input, async (data, user) => {
    await updateNotificationSettings(await getDb(), user.id, data);
    revalidatePath("/settings/notifications");
    return { ok: true, message: "通知设置已保存" };
  });
}
