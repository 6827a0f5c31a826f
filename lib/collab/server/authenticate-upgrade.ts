/**
 * Authentication and authorisation of a WebSocket upgrade to `/collab/<sectionId>`, before
 * the upgrade is accepted (a refused client gets a plain HTTP status, never a socket):
 * 1. Origin: absent (non-browser clients) or the app's own origin / the request's own host,
 *    else 403 — a page on another site must not drive a signed-in browser's socket;
 * 2. session: the next-auth cookie, `decode`d with NEXTAUTH_SECRET, else 401; a token whose
 *    `exp` has passed is refused (401) here, because next-auth's `decode` allows clock
 *    tolerance; the accepted socket is closed with 4401 when `exp` passes (attach.ts);
 * 3. the account, loaded fresh from the database (deleted or disabled → 401);
 * 4. the section (missing → 404) and `canSection(user, "read", section)` (else 403).
 * Edit permission is decided by the room (read-only connections), not here.
 */
import type { IncomingHttpHeaders } from "node:http";
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { decode } from "next-auth/jwt";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departments, users } from "@/db/schema";
import { forbidden, notFound, unauthenticated, toErrorResponse } from "@/lib/errors";
import { originAllowed as sharedOriginAllowed } from "@/lib/http/origin";
import { canSection } from "@/lib/policy";
import type { CollabUser } from "./connection";
import { loadRoomSection, type RoomSection } from "./persistence";
import { readSessionToken } from "./session-cookie";

export interface UpgradeContext {
  /** The app's public origin, e.g. http://localhost:3000. */
  origin: string;
  /** NEXTAUTH_SECRET. */
  secret: string;
  db: Db;
}

export interface AuthenticatedUpgrade {
  user: CollabUser;
  section: RoomSection;
  /** When the session's JWT expires (ms since the epoch), or null when it carries no `exp`. */
  expiresAt: number | null;
}

/**
 * True when `origin` (the Origin header) is allowed: absent, or the app's public origin with the
 * same scheme, host and port (lib/http/origin.ts, shared with HTTP). The request's `host` counts
 * only while NEXTAUTH_URL is not configured (a fresh install reached by its LAN address).
 */
export function originAllowed(origin: string | undefined, host: string | undefined, appOrigin: string): boolean {
  return sharedOriginAllowed(origin, appOrigin, host);
}

/** Loads an active account with its department; null when missing or disabled. */
export async function loadCollabUser(db: Db, id: string): Promise<CollabUser | null> {
  const [row] = await db
    .select({ user: users, color: departments.color })
    .from(users)
    .innerJoin(departments, eq(users.departmentId, departments.id))
    .where(eq(users.id, id));
  if (!row || row.user.disabled) return null;
  const u = row.user;
  return { id: u.id, name: u.displayName, role: u.role, departmentId: u.departmentId, color: row.color };
}

/**
 * Authenticates and authorises an upgrade for `sectionId`.
 * @throws AppError forbidden (origin, permission), unauthenticated, not_found.
 */
export async function authenticateUpgrade(headers: IncomingHttpHeaders, sectionId: string, ctx: UpgradeContext): Promise<AuthenticatedUpgrade> {
  if (!originAllowed(headers.origin, headers.host, ctx.origin)) throw forbidden("请求来源不被允许");
  const token = readSessionToken(headers.cookie);
  if (!token) throw unauthenticated();
  const payload = await decode({ token, secret: ctx.secret }).catch(() => null);
  if (!payload?.sub) throw unauthenticated("登录已失效，请重新登录");
  const expiresAt = typeof payload.exp === "number" ? payload.exp * 1000 : null;
  if (expiresAt !== null && expiresAt <= Date.now()) throw unauthenticated("登录已过期，请重新登录");
  const user = await loadCollabUser(ctx.db, payload.sub);
  if (!user) throw unauthenticated("账号不存在或已停用");
  const section = await loadRoomSection(ctx.db, sectionId);
  if (!section) throw notFound("章节");
  if (!canSection(user, "read", section)) throw forbidden("您没有权限查看此章节");
  return { user, section, expiresAt };
}

/** Answers a refused upgrade with an HTTP status and a JSON error body, then closes the socket. */
export function rejectUpgrade(socket: Duplex, err: unknown): void {
  const { status, body } = toErrorResponse(err);
  const json = JSON.stringify(body);
  try {
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}\r\nConnection: close\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`,
    );
  } catch {
    socket.destroy();
  }
}
