/**
 * The server side of the admin channel: `POST /_hegao/admin-cli` on the server's own port runs
 * one admin CLI command in this process (which holds the embedded database) and answers with
 * what the CLI would have printed. server.ts calls `handleChannelRequest` before anything else.
 *
 * Who may call: a request from this machine (a loopback address, or the server's own address
 * when HOST binds one non-loopback address), without an Origin header (a browser always
 * sends one on POST, so no web page can reach it), carrying `Authorization: Bearer <token>`
 * where the token is the one written at this start into the data folder (channel-file.ts,
 * mode 0600). Anything else under the path gets 404, as if it did not exist.
 *
 * Body (zod): `{ argv: string[], cwd: string }`, at most 64 KB. Answer 200
 * `{ code, stdout, stderr }` (code as the CLI's exit code), or `{ error: { code, message } }`
 * with 404 (not the channel's caller) or 422 (bad body, over 64 KB).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { AppError, notFound, toErrorResponse } from "@/lib/errors";
import { CHANNEL_PATH } from "./channel-file";

const MAX_BODY_BYTES = 64 * 1024;

export const channelRequestSchema = z.object({
  argv: z.array(z.string().max(16_384)).max(200),
  cwd: z.string().min(1).max(4096),
});
export type ChannelRequest = z.infer<typeof channelRequestSchema>;

/** What a command run produced: the CLI prints stdout / stderr and exits with code. */
export interface ChannelResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ChannelOptions {
  token: string;
  /** Runs the command (scripts/cli/run-command.ts in server.ts). */
  run(req: ChannelRequest): Promise<ChannelResult>;
}

const digest = (s: string) => createHash("sha256").update(s).digest();
const isLoopback = (addr: string | undefined) => !!addr && (addr === "::1" || addr.startsWith("127.") || addr.startsWith("::ffff:127."));
/** From this machine: loopback, or (a server bound to one non-loopback HOST) its own address. */
const fromThisHost = (req: IncomingMessage) => isLoopback(req.socket.remoteAddress) || req.socket.remoteAddress === req.socket.localAddress;

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, err: unknown): void {
  const { status, body } = toErrorResponse(err);
  send(res, status, body);
}

/** True when the bearer token of `req` is `token` (constant-time comparison). */
export function tokenMatches(req: IncomingMessage, token: string): boolean {
  const m = /^Bearer ([A-Za-z0-9_-]{32,128})$/.exec(req.headers.authorization ?? "");
  return !!m && timingSafeEqual(digest(m[1]), digest(token));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new AppError("validation", "命令过长", "argv");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Answers `req` when it is addressed to the channel; returns false (untouched) otherwise.
 */
export function handleChannelRequest(req: IncomingMessage, res: ServerResponse, opts: ChannelOptions): boolean {
  if ((req.url ?? "").split("?")[0] !== CHANNEL_PATH) return false;
  const allowed = req.method === "POST" && fromThisHost(req) && req.headers.origin === undefined && tokenMatches(req, opts.token);
  if (!allowed) {
    // Answer once the body is read: a 404 sent while the caller is still sending made Node close
    // the socket under it ("other side closed" instead of the 404). Bodies past 64 KB are cut.
    let size = 0;
    const answer = () => !res.headersSent && sendError(res, notFound("页面"));
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        answer();
        req.destroy();
      }
    });
    req.once("end", answer);
    req.once("error", () => {});
    return true;
  }
  void (async () => {
    try {
      const body = channelRequestSchema.parse(JSON.parse(await readBody(req)));
      send(res, 200, await opts.run(body));
    } catch (err) {
      sendError(res, err instanceof SyntaxError ? new AppError("validation", "请求不是 JSON", "body") : err);
    }
  })();
  return true;
}
