/**
 * The one wrapper for JSON route handlers: session required, `Origin` checked on every
 * non-GET request (CSRF) against NEXTAUTH_URL, errors mapped by lib/errors.ts to `{ error: { code, message } }`.
 */
import { NextResponse } from "next/server";
import { forbidden, toErrorResponse } from "@/lib/errors";
import { originAllowed } from "@/lib/http/origin";
import { requireUser, type CurrentUser } from "./session";

type Params = Record<string, string>;

/**
 * True when the request's Origin (if any) is the app's own origin, NEXTAUTH_URL (scheme, host
 * and port; lib/http/origin.ts). server.ts already refuses other origins; this keeps route
 * handlers safe when they run without it.
 */
export function sameOrigin(req: Request): boolean {
  return originAllowed(req.headers.get("origin"), process.env.NEXTAUTH_URL ?? "", req.headers.get("host") ?? undefined);
}

/** Wraps a handler `(ctx) => body` into a route handler returning JSON. */
export function apiHandler<T>(
  handler: (ctx: { req: Request; user: CurrentUser; params: Params }) => Promise<T>,
) {
  return async (req: Request, ctx: { params: Promise<Params> }): Promise<Response> => {
    try {
      if (req.method !== "GET" && req.method !== "HEAD" && !sameOrigin(req)) throw forbidden("请求来源不被允许");
      const user = await requireUser();
      const body = await handler({ req, user, params: await ctx.params });
      return body instanceof Response ? body : NextResponse.json(body);
    } catch (err) {
      const { status, body } = toErrorResponse(err);
      return NextResponse.json(body, { status });
    }
  };
}
