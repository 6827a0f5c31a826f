/**
 * Environment of the server process: listen address, public origin and the next-auth secret.
 * A missing `NEXTAUTH_SECRET` is generated once and kept in `DATA_DIR/nextauth-secret` so that
 * sessions survive restarts with zero configuration.
 */
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { ORIGIN_DEFAULTED_ENV } from "./http/origin";

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().default("./data"),
  NEXTAUTH_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
});

export interface ServerEnv {
  port: number;
  host: string;
  dataDir: string;
  /** The app's own origin, e.g. http://localhost:3000 (also checked against WebSocket Origin). */
  origin: string;
  secret: string;
}

/**
 * Reads and completes the environment; sets NEXTAUTH_URL / NEXTAUTH_SECRET on `env` when absent.
 * @throws ZodError on an invalid PORT, NEXTAUTH_URL or a too-short NEXTAUTH_SECRET.
 */
export function loadServerEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = envSchema.parse(env);
  const publicHost = parsed.HOST === "0.0.0.0" || parsed.HOST === "::" ? "localhost" : parsed.HOST;
  const origin = parsed.NEXTAUTH_URL ? new URL(parsed.NEXTAUTH_URL).origin : `http://${publicHost}:${parsed.PORT}`;
  if (!parsed.NEXTAUTH_URL) {
    env.NEXTAUTH_URL = origin;
    env[ORIGIN_DEFAULTED_ENV] = "1"; // lib/http/origin.ts then also accepts the request's own Host
  }
  let secret = parsed.NEXTAUTH_SECRET;
  if (!secret) {
    const dir = path.resolve(parsed.DATA_DIR);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "nextauth-secret");
    if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    secret = fs.readFileSync(file, "utf8").trim();
    env.NEXTAUTH_SECRET = secret;
  }
  return { port: parsed.PORT, host: parsed.HOST, dataDir: parsed.DATA_DIR, origin, secret };
}
