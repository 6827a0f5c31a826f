/**
 * The one wrapper for server actions: every action runs with a signed-in account, validates its
 * input with zod, and returns a result the form can show (errors next to their field) instead of
 * throwing. No bare "use server" function skips it.
 */
import type { z } from "zod";
import { toErrorResponse } from "@/lib/errors";
import { requireUser, type CurrentUser } from "./session";

export type ActionResult<T = unknown> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; error: string; code: string; field?: string };

/**
 * Wraps `handler` for `useActionState`: `(prev, formData) => ActionResult`. The form data is
 * turned into an object (multi-valued keys keep their last value) and parsed with `schema`.
 */
export function formAction<S extends z.ZodType>(
  schema: S,
  handler: (input: z.infer<S>, user: CurrentUser) => Promise<ActionResult | void>,
) {
  return async (_prev: ActionResult | null, formData: FormData): Promise<ActionResult> => {
    const raw: Record<string, unknown> = {};
    for (const [key, value] of formData.entries()) if (!key.startsWith("$ACTION")) raw[key] = value;
    return runAction(schema, raw, handler);
  };
}

/** Runs an action body with a session and parsed input; maps thrown errors to a result. */
export async function runAction<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  handler: (input: z.infer<S>, user: CurrentUser) => Promise<ActionResult | void>,
): Promise<ActionResult> {
  try {
    const user = await requireUser();
    const input = schema.parse(raw);
    return (await handler(input, user)) ?? { ok: true };
  } catch (err) {
    if (isNextControlFlow(err)) throw err;
    const { body } = toErrorResponse(err);
    return { ok: false, error: body.error.message, code: body.error.code, field: body.error.field };
  }
}

/** redirect()/notFound() throw special errors that must reach Next. */
function isNextControlFlow(err: unknown): boolean {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_NOT_FOUND") || digest.startsWith("NEXT_HTTP_ERROR"));
}
