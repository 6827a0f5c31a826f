/**
 * Whether e-mail is on (`SMTP_URL` set). Its own module so that planning (imported by route
 * handlers through `notify`) does not pull nodemailer into Next's bundles.
 */

/** Whether e-mail is configured (`SMTP_URL`); when not, no e-mail is planned at all. */
export function mailConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return !!env.SMTP_URL?.trim();
}
