/**
 * Text hygiene at every entry point: C0 control characters (U+0000–U+001F except TAB, LF, CR)
 * and DEL (U+007F) are never stored and never exported. NUL in particular cannot be stored in a
 * PostgreSQL text column ("invalid byte sequence"), so one NUL used to make a submit fail with
 * 500 forever.
 *
 * - `stripControls` for text we take in bulk (imports, collaboration text rendered for export);
 * - `hasControls` / `cleanTextSchema` for fields a person types (titles, comments, names):
 *   refused with 422 and a Chinese message, so nothing is silently changed.
 */
import { z } from "zod";

/** C0 controls except \t \n \r, and DEL. */
const CONTROLS = "[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]";
/** The same, including \t \n \r: for single-line fields. */
const CONTROLS_ALL = "[\\u0000-\\u001F\\u007F]";
const STRIP = new RegExp(CONTROLS, "g");
const STRIP_ALL = new RegExp(CONTROLS_ALL, "g");
const TEST = new RegExp(CONTROLS);
const TEST_ALL = new RegExp(CONTROLS_ALL);

/** `s` without C0 controls (TAB, LF, CR kept unless `singleLine`). */
export function stripControls(s: string, singleLine = false): string {
  return s.replace(singleLine ? STRIP_ALL : STRIP, singleLine ? " " : "");
}

/** True when `s` holds a C0 control other than TAB, LF, CR (or any, when `singleLine`). */
export function hasControls(s: string, singleLine = false): boolean {
  return (singleLine ? TEST_ALL : TEST).test(s);
}

/** The Chinese message for refused control characters. */
export const CONTROLS_MESSAGE = "内容含有不可见的控制字符（如 NUL），请删除后重试";

/** A zod string that refuses control characters (422 through lib/errors.ts). */
export function cleanTextSchema(opts: { singleLine?: boolean } = {}) {
  return z.string().refine((s) => !hasControls(s, opts.singleLine), { message: CONTROLS_MESSAGE });
}
