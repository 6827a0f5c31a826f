/**
 * The one HTTP call of the robot channels: POST JSON with a hard timeout, so an unreachable or
 * silent webhook costs the worker at most `timeoutMs` and never anyone's request.
 */

/** Why a send failed; `permanent` failures (bad configuration) are not worth retrying soon. */
export class DeliveryError extends Error {
  constructor(message: string, readonly permanent = false) {
    super(message);
    this.name = "DeliveryError";
  }
}

/** Timeout of one webhook call (ms); `HEGAO_WEBHOOK_TIMEOUT_MS` overrides (tests). */
export function webhookTimeoutMs(): number {
  return Number(process.env.HEGAO_WEBHOOK_TIMEOUT_MS) || 10_000;
}

/**
 * POSTs `body` as JSON to `url` and returns the parsed JSON answer.
 * @throws DeliveryError on a network error, the timeout, a non-2xx status or a non-JSON answer.
 */
export async function postJson(url: string, body: unknown, timeoutMs = webhookTimeoutMs()): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json; charset=utf-8" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const why = e.name === "TimeoutError" ? `${timeoutMs} ms 内无应答` : (e.cause?.code ?? e.message);
    throw new DeliveryError(`无法连接机器人地址：${why}`);
  }
  const raw = await res.text().catch(() => "");
  if (!res.ok) throw new DeliveryError(`机器人地址返回 HTTP ${res.status}：${raw.slice(0, 200)}`);
  try {
    const json = JSON.parse(raw) as unknown;
    return json && typeof json === "object" ? (json as Record<string, unknown>) : {};
  } catch {
    throw new DeliveryError(`机器人地址的应答不是 JSON：${raw.slice(0, 200)}`);
  }
}
