"use server";

/** Server action of /admin/deliveries: 重试 a pending or failed delivery now. */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/app/_server/action";
import { getDb } from "@/db/client";
import { retryDelivery } from "@/lib/notify/outbox/delivery-log";

export async function retryDeliveryAction(id: string): Promise<ActionResult> {
  return runAction(z.string().min(1), id, async (deliveryId, user) => {
    await retryDelivery(await getDb(), { actor: user, id: deliveryId });
    revalidatePath("/admin/deliveries");
    return { ok: true, message: "已安排立即重试" };
  });
}
