/**
 * Application errors: one code per failure a user or script can meet, mapped to an HTTP status
 * and a WebSocket close code (4000-4999 are free for applications, RFC 6455 §7.4.2).
 * Messages are Chinese and safe to show; database errors are logged, never shown.
 */
import { ZodError } from "zod";

export const ERROR_CODES = {
  unauthenticated: { status: 401, close: 4401 },
  forbidden: { status: 403, close: 4403 },
  not_found: { status: 404, close: 4404 },
  conflict: { status: 409, close: 4409 },
  validation: { status: 422, close: 4422 },
  refused: { status: 422, close: 4422 },
  /** Finalize refused while blanks remain; `details` lists them ({ part, text, context }). */
  placeholders: { status: 422, close: 4422 },
  too_many_attempts: { status: 429, close: 4429 },
  /** An action repeated inside its rate limit (催报: once per department per hour). */
  rate_limited: { status: 429, close: 4429 },
  payload_too_large: { status: 413, close: 1009 },
  internal: { status: 500, close: 1011 },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * An error with a code, a user-facing message, for validation the offending field, and
 * optional machine-readable `details` (e.g. `{ nextAllowedAt }` of a rate limit, the blanks that
 * refuse a finalize).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export const unauthenticated = (msg = "请先登录") => new AppError("unauthenticated", msg);
export const forbidden = (msg = "没有权限执行此操作") => new AppError("forbidden", msg);
export const notFound = (what = "内容") => new AppError("not_found", `${what}不存在或已被删除`);
export const conflict = (msg = "内容已被他人修改，请刷新后重试") => new AppError("conflict", msg);
export const refused = (msg: string) => new AppError("refused", msg);
export const validation = (msg: string, field?: string) => new AppError("validation", msg, field);
/** 429 with `details` (e.g. `{ nextAllowedAt }`) so a script knows when to retry. */
export const rateLimited = (msg: string, details?: Record<string, unknown>) => new AppError("rate_limited", msg, undefined, details);

/** The JSON error body of the API: `{ error: { code, message, field?, details? } }`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string; details?: unknown };
}

/**
 * Turns any thrown value into a status and a safe JSON body. ZodError → 422 with the first
 * field; AppError → its own status; anything else is logged and shown as a generic 500.
 */
export function toErrorResponse(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    const error: ErrorBody["error"] = { code: err.code, message: err.message, field: err.field };
    if (err.details !== undefined) error.details = err.details;
    return { status: err.status, body: { error } };
  }
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    const field = issue?.path.join(".") || undefined;
    return { status: 422, body: { error: { code: "validation", message: issue?.message ?? "输入无效", field } } };
  }
  console.error("[hegao] unexpected error", err);
  return { status: 500, body: { error: { code: "internal", message: "服务器内部错误，请稍后重试" } } };
}
