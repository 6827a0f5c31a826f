/**
 * The admin channel's address card: `<DATA_DIR>/hegao-admin.json`, written by a server that
 * holds an embedded (PGlite) data folder, read by the admin CLI to send its command to that
 * server instead of opening the folder (PGlite is single-process; db/lock.ts).
 *
 * `{ pid, url, token }`: the server's pid (the same as in the folder's lock file), the loopback
 * URL of its HTTP listener and a random token (32 bytes, base64url) created at each start.
 * The file is created with mode 0600, so only the account that runs the server (and root) can
 * read the token; whoever can read it could open the data folder anyway.
 *
 * Deliberately light (node:fs, node:path, node:crypto only): the CLI imports it on its fast path.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const CHANNEL_FILE = "hegao-admin.json";
/** The endpoint on the server's own port; answers only requests that carry the token. */
export const CHANNEL_PATH = "/_hegao/admin-cli";

/** What the file holds. */
export interface ChannelCard {
  pid: number;
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  token: string;
}

/** A fresh token: 32 random bytes, base64url (43 characters). */
export function newChannelToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The URL the CLI connects to for a server listening on `host`:`port` (wildcards → loopback). */
export function channelUrl(host: string, port: number): string {
  const h = host === "0.0.0.0" || host === "::" || host === "" ? "127.0.0.1" : host;
  return `http://${h.includes(":") ? `[${h}]` : h}:${port}`;
}

/**
 * Writes the card into `dir` with mode 0600 (a temporary file renamed into place, so a reader
 * never sees half a card). Returns a remover that deletes it only while it is still this card.
 */
export function writeChannelCard(dir: string, card: ChannelCard): () => void {
  const file = path.join(dir, CHANNEL_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.rmSync(tmp, { force: true });
  fs.writeFileSync(tmp, JSON.stringify(card), { mode: 0o600, flag: "wx" });
  fs.renameSync(tmp, file);
  return () => {
    if (readChannelCard(dir)?.token === card.token) fs.rmSync(file, { force: true });
  };
}

/** Reads the card of `dir`; null when missing or malformed. */
export function readChannelCard(dir: string): ChannelCard | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, CHANNEL_FILE), "utf8");
  } catch {
    return null;
  }
  try {
    const v = JSON.parse(text) as Partial<ChannelCard>;
    const ok = Number.isInteger(v.pid) && typeof v.url === "string" && /^https?:\/\//.test(v.url) && typeof v.token === "string" && v.token.length >= 32;
    return ok ? { pid: v.pid!, url: v.url!, token: v.token! } : null;
  } catch {
    return null;
  }
}
