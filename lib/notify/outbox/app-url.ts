/**
 * Absolute links for messages that leave the app (e-mail, group-chat robots): the public origin
 * is `NEXTAUTH_URL` (README: "exactly as people type it"), else `http://localhost:$PORT`.
 */

/** The app's public origin without a trailing slash. */
export function appOrigin(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.NEXTAUTH_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  return `http://localhost:${env.PORT || "3000"}`;
}

/** `link` (app-relative, e.g. `/sections/abc`) made absolute; absolute links are kept. */
export function absoluteLink(link: string, env: NodeJS.ProcessEnv = process.env): string {
  if (/^https?:\/\//i.test(link)) return link;
  return `${appOrigin(env)}${link.startsWith("/") ? "" : "/"}${link}`;
}
