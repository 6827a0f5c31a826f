/**
 * Starts the process's outbox worker from the environment (server.ts): `HEGAO_DIGEST_AT`
 * (HH:MM Asia/Shanghai, default 09:00) and `HEGAO_OUTBOX_START_DELAY_MS` (default 0; the crash
 * test uses it to kill the server between a commit and the delivery).
 */
import type { Db } from "@/db/client";
import { mailConfigured } from "../channels/mail-config";
import { digestSlot } from "./digest";
import { createOutboxWorker, type OutboxWorker } from "./worker";

/**
 * @throws Error when HEGAO_DIGEST_AT is not HH:MM (the server refuses to start rather than
 *   silently never sending digests)
 */
export function startOutbox(db: Db, env: NodeJS.ProcessEnv = process.env): OutboxWorker {
  const digestAt = env.HEGAO_DIGEST_AT?.trim() || "09:00";
  try {
    digestSlot(new Date(), digestAt);
  } catch {
    throw new Error(`HEGAO_DIGEST_AT 必须是 HH:MM（北京时间），例如 09:00，而不是「${digestAt}」`);
  }
  const worker = createOutboxWorker({ db, digestAt, startDelayMs: Number(env.HEGAO_OUTBOX_START_DELAY_MS) || 0 });
  worker.start();
  console.log(`[hegao] outbox worker started (e-mail ${mailConfigured(env) ? "on" : "off: SMTP_URL unset"}, digest at ${digestAt} Asia/Shanghai)`);
  return worker;
}
