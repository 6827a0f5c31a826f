/**
 * Reads the next-auth (v4) session token from a Cookie header: `next-auth.session-token` over
 * HTTP, `__Secure-next-auth.session-token` over HTTPS, either possibly split into chunks
 * `<name>.0`, `<name>.1`… when large (next-auth's cookie chunking).
 */
const NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function parseCookies(header: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      /* keep the raw value */
    }
    if (name && !map.has(name)) map.set(name, value);
  }
  return map;
}

/** The session token in `cookieHeader`, or null when there is none. */
export function readSessionToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  const cookies = parseCookies(cookieHeader);
  for (const name of NAMES) {
    const whole = cookies.get(name);
    if (whole) return whole;
    const chunks: string[] = [];
    for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
    if (chunks.length) return chunks.join("");
  }
  return null;
}
