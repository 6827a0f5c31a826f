/**
 * The client's address for per-address limits (sign-in throttle). server.ts decides it once per
 * request from the socket — or, only with `TRUST_PROXY=1`, from the last `X-Forwarded-For` entry
 * (the address our own proxy saw; earlier entries are whatever the client wrote) — and passes it
 * to Next in the `x-hegao-client-address` header, overwriting any value a client sent.
 */
import type { IncomingHttpHeaders } from "node:http";

/** The request header server.ts sets (lower case, as Node and next-auth give headers). */
export const CLIENT_ADDRESS_HEADER = "x-hegao-client-address";

/** True when `TRUST_PROXY=1` (or `true`): forwarded headers come from our own reverse proxy. */
export function trustProxy(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.TRUST_PROXY === "1" || env.TRUST_PROXY === "true";
}

/**
 * The client's address: the last X-Forwarded-For entry when `trusted`, else the socket's
 * remote address; "unknown" when neither is known.
 */
export function clientAddress(headers: IncomingHttpHeaders, socketAddress: string | undefined, trusted: boolean): string {
  if (trusted) {
    const raw = headers["x-forwarded-for"];
    const list = (Array.isArray(raw) ? raw.join(",") : raw ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    if (list.length) return list[list.length - 1];
  }
  return socketAddress || "unknown";
}

/** Reads the address server.ts set from a header record (next-auth's `req.headers`). */
export function addressFromHeaders(headers: Record<string, unknown> | undefined): string | undefined {
  const v = headers?.[CLIENT_ADDRESS_HEADER];
  return typeof v === "string" && v ? v : undefined;
}
