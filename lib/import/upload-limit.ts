/**
 * 413 for an oversized upload, before Next reads it. Next refuses a server-action body over
 * `serverActions.bodySizeLimit` (next.config.js, "11mb") with a 500 and an English message
 * (next/dist/server/app-render/action-handler.js); the custom server (server.ts) asks this
 * first, so an upload whose Content-Length is over the limit gets 413 with a Chinese message,
 * which the import page shows (Next's client passes a `text/plain` error body on as the
 * action's error message). The body is drained up to 64 MB, then the connection is cut.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_IMPORT_BYTES, mb } from "./limits";

/** The server-action body limit in bytes: the 10 MB file plus 1 MB of form overhead ("11mb"). */
export const ACTION_BODY_LIMIT_BYTES = MAX_IMPORT_BYTES + 1024 * 1024;

const DRAIN_BYTES = 64 * 1024 * 1024;

/** The Chinese message of the 413 for a body of `bytes`. */
export function uploadTooLargeMessage(bytes: number): string {
  return `上传内容过大（${mb(bytes)}），导入文件不能超过 ${mb(MAX_IMPORT_BYTES)}。请压缩图片、删除无关内容，或只粘贴文字后重试。`;
}

/**
 * Answers 413 when `req` is a server-action POST (`Next-Action` header) whose Content-Length
 * is over `ACTION_BODY_LIMIT_BYTES`.
 * @returns true when it answered (the caller must not pass the request on), false otherwise.
 */
export function refuseOversizedAction(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "POST" || !req.headers["next-action"]) return false;
  const length = Number(req.headers["content-length"]);
  if (!Number.isFinite(length) || length <= ACTION_BODY_LIMIT_BYTES) return false;
  // No "Connection: close": the socket would close under a client still sending (EPIPE for it);
  // the body is drained instead, up to DRAIN_BYTES.
  res.writeHead(413, { "Content-Type": "text/plain" });
  res.end(uploadTooLargeMessage(length));
  let drained = 0;
  req.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_BYTES) req.socket.destroy();
  });
  req.on("error", () => {});
  return true;
}
