/**
 * The client address a connection limit counts against: the TCP peer, or — only when the
 * operator says a reverse proxy sits in front (`TRUST_PROXY=1`) — the last entry of
 * X-Forwarded-For, the one that proxy appended (earlier entries are the client's own claims).
 */
import type { IncomingMessage } from "node:http";

/** The address of `req`'s client, e.g. "127.0.0.1" or "::1"; "unknown" when the socket has none. */
export function clientAddress(req: IncomingMessage, trustProxy = process.env.TRUST_PROXY === "1"): string {
  if (trustProxy) {
    const header = req.headers["x-forwarded-for"];
    const value = Array.isArray(header) ? header.join(",") : header;
    const last = value?.split(",").map((s) => s.trim()).filter(Boolean).pop();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? "unknown";
}
