/**
 * What server.ts does to every HTTP request before Next sees it (one place, so no route can
 * forget it):
 * 1. removes X-Forwarded-* unless `TRUST_PROXY=1` (lib/http/origin.ts `forwardedHeadersToDrop`),
 *    so a client cannot make Next's own server-action check compare against a host it chose;
 * 2. sets `x-hegao-client-address` (lib/http/client-address.ts), overwriting a client's value;
 * 3. refuses a state-changing request whose Origin is not the app's origin (403, JSON body);
 * and puts the security headers (lib/http/security-headers.ts) on the response.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { toErrorResponse, forbidden } from "@/lib/errors";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "./client-address";
import { forwardedHeadersToDrop, isStateChanging, originAllowed } from "./origin";
import { securityHeaders } from "./security-headers";

export interface GuardOptions {
  /** NEXTAUTH_URL's origin. */
  appOrigin: string;
  /** TRUST_PROXY=1. */
  trustProxy: boolean;
  dev?: boolean;
}

/**
 * Prepares `req` and `res`; returns false (and has answered 403) when the request is refused.
 */
export function guardRequest(req: IncomingMessage, res: ServerResponse, opts: GuardOptions): boolean {
  const headers = securityHeaders(opts.appOrigin, opts.dev);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req.headers, req.socket.remoteAddress, opts.trustProxy);
  for (const name of forwardedHeadersToDrop(opts.trustProxy)) delete req.headers[name];
  const origin = req.headers.origin;
  if (isStateChanging(req.method) && !originAllowed(origin, opts.appOrigin, req.headers.host)) {
    const { status, body } = toErrorResponse(forbidden("请求来源不被允许"));
    res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(body));
    return false;
  }
  return true;
}
