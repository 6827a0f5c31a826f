/**
 * The client address a connection limit counts against: the TCP peer, or — only when the
 * operator says a reverse proxy sits in front (`TRUST_PROXY=1`) — the last entry of
 * X-Forwarded-For, the one that proxy appended (earlier entries are the client's own claims).
 */
import type { IncomingMessage } from "node:http";
import { clientAddress as addressOf, trustProxy as proxyTrusted } from "@/lib/http/client-address";

/** The address of `req`'s client, e.g. "127.0.0.1" or "::1"; "unknown" when the socket has none. */
export function clientAddress(req: IncomingMessage, trustProxy = proxyTrusted()): string {
  return addressOf(req.headers, req.socket.remoteAddress, trustProxy);
}
