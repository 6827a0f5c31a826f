/**
 * The one wrapper for JSON route handlers: session required, `Origin` checked on every
 * non-GET request (CSRF), errors mapped by lib/errors.ts to `{ error: { code, message } }`.
 */
import { NextResponse } from "next/server";
import { forbidden, toErrorResponse } from "@/lib/errors";
import { requireUser, type CurrentUser } from "./session";

type Params = Record<string, string>;

/** True when the request's Origin (if any) is this server's own origin. */
export function sameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return true; // scripts (curl, OA systems) send none; the session cookie is still required
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
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
