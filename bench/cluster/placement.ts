/**
 * Which instance each simulated editor connects to in the cross-instance bench. "single": the
 * whole room on instance 0 (the single-instance reference, same cluster). "cross": the room's
 * stamped writer on instance 0 and every other client (the ones that record arrivals, typing
 * or not) round-robin over instances 1..N-1, so every measured arrival crossed instances.
 */
import type { Role } from "../load/client";

export type Placement = "single" | "cross";

/**
 * The 0-based instance of the client `indexInRoom` (0 = the writer) of role `role`, among
 * `instances` instances. @throws RangeError when `instances` < 2 in "cross" (no other instance).
 */
export function instanceFor(placement: Placement, role: Role, indexInRoom: number, instances: number): number {
  if (placement === "single") return 0;
  if (instances < 2) throw new RangeError("cross-instance placement needs at least 2 instances");
  if (role === "writer") return 0;
  return 1 + ((Math.max(1, indexInRoom) - 1) % (instances - 1));
}
