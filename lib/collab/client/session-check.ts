/**
 * Tells a dropped connection from an ended session. A browser WebSocket does not expose the
 * HTTP status of a refused upgrade (401 when the session expired), so after a few failed
 * reconnects the client asks next-auth whether it is still signed in.
 */

/** Failed reconnects in a row before the session is checked. */
export const FAILURES_BEFORE_CHECK = 3;

/**
 * True when the server answers and says nobody is signed in; false when signed in or when the
 * server cannot be reached (then the connection, not the session, is the problem).
 */
export async function sessionEnded(fetchImpl: typeof fetch = fetch): Promise<boolean> {
  try {
    const res = await fetchImpl("/api/auth/session", { cache: "no-store", credentials: "same-origin" });
    if (!res.ok) return false;
    const body = (await res.json()) as { user?: unknown } | null;
    return !body?.user;
  } catch {
    return false;
  }
}
