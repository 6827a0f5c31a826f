/**
 * Who may change a room's document. A connection without edit permission stays connected and
 * receives every change, but its document updates (sync step 2 and update messages) are
 * dropped, not applied — Hocuspocus's `readOnly`. The decision is the policy's
 * (`canSection(user, "edit", section)`), re-asked whenever the section's review state changes.
 */
import { canSection } from "@/lib/policy";
import type { CollabUser } from "./connection";
import type { RoomSection } from "./persistence";

/** True when `user` may write to `section`'s text now. */
export function isWritable(user: CollabUser, section: Pick<RoomSection, "departmentId" | "state">): boolean {
  return canSection(user, "edit", section);
}
