/**
 * Security headers server.ts puts on every HTTP response (pages, API, static files, errors):
 * - Content-Security-Policy: only our own origin loads scripts, styles, images, fonts and
 *   connections (the collaboration WebSocket on the same origin: `ws(s)://host` listed because
 *   'self' does not cover ws: in every browser); `frame-ancestors 'none'` (no framing,
 *   clickjacking); `object-src 'none'`, `base-uri 'self'`, `form-action 'self'`.
 *   Next's App Router writes inline `<script>` tags (RSC payload), so scripts need
 *   'unsafe-inline' unless every page were rendered dynamically with a nonce; React's dev
 *   tooling also needs 'unsafe-eval', in development only.
 * - X-Frame-Options: DENY (browsers without frame-ancestors), X-Content-Type-Options: nosniff,
 *   Referrer-Policy: same-origin (no report or section URLs leak to other sites).
 */

/** The header name → value pairs for an app served at `appOrigin` (NEXTAUTH_URL). */
export function securityHeaders(appOrigin: string, dev = false): Record<string, string> {
  const url = new URL(appOrigin);
  const ws = `${url.protocol === "https:" ? "wss:" : "ws:"}//${url.host}`;
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${ws}${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
  };
}
