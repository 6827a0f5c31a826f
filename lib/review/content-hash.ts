/**
 * The content hash an approval is bound to: SHA-256 (hex) of a frozen version's plain text and
 * ProseMirror JSON. Two versions with the same hash carry the same text.
 */
import { createHash } from "node:crypto";

/** SHA-256 hex of `text` + NUL + JSON of `contentJson`. */
export function contentHash(v: { text: string; contentJson: unknown }): string {
  return createHash("sha256").update(v.text).update("\u0000").update(JSON.stringify(v.contentJson)).digest("hex");
}
