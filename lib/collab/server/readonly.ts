/**
 * Who may change a room's document. A connection without edit permission stays connected and
 * receives every change, but its document updates (sync step 2 and update messages) are never
 * applied — Hocuspocus's `readOnly`. One that would change the document is refused (message
 * 102, see room.ts `refuse`) and set aside as a rejected draft; one that changes nothing is
 * settled as before. The decision is the policy's (`canSection(user, "edit", section)`),
 * re-asked whenever the section's review state changes.
 */
import { canSection } from "@/lib/policy";
import { STATE_META, stateLabel } from "@/lib/workflow/vocabulary";
import type { CollabUser } from "./connection";
import type { RoomSection } from "./persistence";

/** True when `user` may write to `section`'s text now. */
export function isWritable(user: CollabUser, section: Pick<RoomSection, "departmentId" | "state">): boolean {
  return canSection(user, "edit", section);
}

/**
 * Why `user` may not write to `section` now, in Chinese for the editor's banner: the review
 * state when that is the reason (e.g. "章节审核中，当前不可编辑"), otherwise missing permission.
 */
export function notWritableReason(section: Pick<RoomSection, "state">): string {
  if (!STATE_META[section.state].editable) return `章节${stateLabel(section.state)}，当前不可编辑`;
  return "您没有编辑本章节的权限";
}
