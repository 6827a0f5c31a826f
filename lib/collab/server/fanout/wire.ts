/**
 * The messages instances exchange through Redis (JSON; binary as base64), validated with zod
 * on receipt: a malformed message is dropped, never applied.
 * Section channel `<prefix>s:<sectionId>`: `e` an edit as it arrived (before its commit, numbered
 * `n` per instance and section), `u` a committed update with its row ids and the highest `e`
 * number it contains (`upTo`), `c` a compaction, `a` an awareness update of one account's clients.
 * Control channel `<prefix>ctl`: `hb` heartbeat, `bye` orderly stop, `hold` / `held` / `rel`
 * the cross-instance hold of a section (submit), `bus` a bus event, `nc` notifications changed.
 */
import { z } from "zod";

/** The control channel under `prefix` (default "hegao:"; tests and cluster runs use their own). */
export const controlChannel = (prefix: string) => `${prefix}ctl`;
/** The section channel of `sectionId` under `prefix`. */
export const sectionChannel = (prefix: string, sectionId: string) => `${prefix}s:${sectionId}`;

const user = z.object({ id: z.string(), name: z.string(), color: z.string() });
const ids = { id: z.number().int().nonnegative(), prev: z.number().int().nonnegative() };

export const wireSchema = z.discriminatedUnion("t", [
  z.object({ t: z.literal("e"), i: z.string(), s: z.string(), n: z.number().int().positive(), u: z.string() }),
  z.object({ t: z.literal("u"), i: z.string(), s: z.string(), ...ids, upTo: z.number().int().nonnegative().default(0), u: z.string() }),
  z.object({ t: z.literal("c"), i: z.string(), s: z.string(), ...ids }),
  z.object({ t: z.literal("a"), i: z.string(), s: z.string(), user, u: z.string() }),
  z.object({ t: z.literal("hb"), i: z.string() }),
  z.object({ t: z.literal("bye"), i: z.string() }),
  z.object({ t: z.literal("hold"), i: z.string(), r: z.string(), s: z.string() }),
  z.object({ t: z.literal("held"), i: z.string(), r: z.string(), ok: z.boolean() }),
  z.object({ t: z.literal("rel"), i: z.string(), r: z.string() }),
  z.object({ t: z.literal("bus"), i: z.string(), k: z.enum(["state", "access", "reload"]), p: z.unknown() }),
  z.object({ t: z.literal("nc"), i: z.string(), ids: z.array(z.string()) }),
]);

export type WireMessage = z.infer<typeof wireSchema>;

/** Encodes binary for the wire. */
export const b64 = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString("base64");
/** Decodes binary from the wire. */
export const unb64 = (s: string) => new Uint8Array(Buffer.from(s, "base64"));

/** Parses a message; null when it is not one of ours. */
export function parseWire(text: string): WireMessage | null {
  try {
    const r = wireSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
