/**
 * The one Origin check of Hegao, for state-changing HTTP requests (server actions, API
 * POST/PATCH/PUT/DELETE, sign-in; server.ts) and for the collaboration WebSocket upgrade
 * (lib/collab/server/authenticate-upgrade.ts). A browser always names the page that made a
 * cross-site request in `Origin` (RFC 6454 §7, Fetch standard), so a request whose Origin is not
 * the app's public origin — scheme, host AND port of `NEXTAUTH_URL` — comes from another site
 * and is refused. Requests without Origin (curl, OA scripts) pass: they still need the session
 * cookie, which a browser only sends along with an Origin.
 *
 * The request's own Host, X-Forwarded-Host and X-Forwarded-Proto are NOT consulted: any client
 * can write them. Behind a reverse proxy that rewrites Host, set `TRUST_PROXY=1` so server.ts
 * passes the proxy's X-Forwarded-* on to Next (whose server-action check compares Origin with
 * X-Forwarded-Host); without it server.ts removes them (see `forwardedHeadersToDrop`).
 */

/** `value` as a normalised origin (`scheme://host[:port]`, default port omitted), or null. */
export function normaliseOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** The env flag lib/server-env.ts sets when NEXTAUTH_URL was not configured and was defaulted. */
export const ORIGIN_DEFAULTED_ENV = "HEGAO_ORIGIN_DEFAULTED";

/**
 * True when the operator did not configure NEXTAUTH_URL: then a fresh install reached by its LAN
 * address (http://192.168.1.20:3000) must still work, so the request's own Host is accepted too.
 * A cross-site page still fails: its Origin names its own site, not the Host the browser sends.
 */
export function ownHostAccepted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[ORIGIN_DEFAULTED_ENV] === "1";
}

/**
 * True when a request with Origin header `origin` may change state on the app at `appOrigin`
 * (NEXTAUTH_URL): no Origin, or exactly the same scheme, host and port; or, only while
 * NEXTAUTH_URL is not configured (`ownHostAccepted`), `http://<ownHost>` where `ownHost` is the
 * request's raw Host header (never X-Forwarded-Host).
 */
export function originAllowed(
  origin: string | undefined | null,
  appOrigin: string,
  ownHost?: string,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (origin === undefined || origin === null) return true;
  const actual = normaliseOrigin(origin);
  if (actual === null) return false;
  if (actual === normaliseOrigin(appOrigin)) return true;
  return ownHost !== undefined && ownHostAccepted(env) && actual === normaliseOrigin(`http://${ownHost}`);
}

/** Methods that change state and so are Origin-checked (RFC 9110 §9.2.1 "safe methods" are not). */
export function isStateChanging(method: string | undefined): boolean {
  return !["GET", "HEAD", "OPTIONS"].includes((method ?? "GET").toUpperCase());
}

/**
 * The forwarded headers server.ts removes from a request before Next sees it when the proxy is
 * not trusted (`TRUST_PROXY` unset): a client could otherwise make Next believe the request was
 * addressed to another host or scheme.
 */
export function forwardedHeadersToDrop(trusted: boolean): string[] {
  return trusted ? [] : ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-forwarded-for", "forwarded"];
}
