/**
 * Filters an awareness update from one connection before it reaches the room (nobody can
 * impersonate anyone):
 * - an entry for a client id that another account's connection speaks for is dropped;
 *   a client id first seen on this connection becomes its own (a reconnecting tab of the same
 *   account takes its id over from the dead connection);
 * - the `user` field of every state is overwritten with the authenticated name, the person's
 *   caret colour and the department colour (`presenceUser`);
 * - a state must match `presenceStateSchema` (user {name ≤ 64, color #rrggbb}, cursor null or
 *   {anchor, head} as Yjs RelativePosition JSON); anything else — `cursor: {anchor: null}`
 *   made y-prosemirror throw in every other browser of the room — is dropped, not applied and
 *   not forwarded. Fields Hegao does not use are stripped;
 * - oversized states (> maxStateChars of JSON) are dropped.
 * The wire format is y-protocols' (see `modifyAwarenessUpdate` there): count, then per client
 * id, clock and state as JSON.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { z } from "zod";
import type { Connection } from "./connection";
import { CLOSE } from "./connection";
import { ProtocolError } from "./protocol-error";
import { personColor } from "@/lib/collab/person-color";

/**
 * The awareness `user` field of an account: `{ name, color, deptColor }` — `color` is the
 * person's own caret colour (lib/collab/person-color), `deptColor` the department's `#rrggbb`.
 */
export function presenceUser(user: { id: string; name: string; color: string }): { name: string; color: string; deptColor: string } {
  return { name: user.name, color: personColor(user.id), deptColor: user.color };
}

/** Limits of awareness updates (presence is small: a user, a cursor and a selection). */
export const awarenessLimits = z.object({
  maxEntries: z.number().int().positive().default(16),
  maxStateChars: z.number().int().positive().default(8192),
  maxClientsPerConnection: z.number().int().positive().default(8),
}).parse({});

/** A Yjs item id `{client, clock}` (Y.ID). */
const yIdSchema = z.object({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() });

/**
 * A Yjs RelativePosition as it arrives in JSON: y-prosemirror puts the RelativePosition object
 * itself in the state, so absent parts are `null` (JSON.stringify of the class), while
 * `Y.relativePositionToJSON` omits them; both read back with `Y.createRelativePositionFromJSON`.
 */
const relativePositionSchema = z.object({
  type: yIdSchema.nullish(),
  tname: z.string().max(256).nullish(),
  item: yIdSchema.nullish(),
  assoc: z.number().int().nullish(),
});

/** What a presence state may hold (Tiptap's CollaborationCaret: `user` and y-prosemirror's `cursor`). */
export const presenceStateSchema = z.object({
  user: z.object({ name: z.string().max(64), color: z.string().regex(/^#[0-9a-fA-F]{6}$/) }).optional(),
  cursor: z.object({ anchor: relativePositionSchema, head: relativePositionSchema }).nullable().optional(),
});

const stateSchema = presenceStateSchema.nullable();

interface Entry {
  clientId: number;
  clock: number;
  state: z.infer<typeof presenceStateSchema> | null;
}

function decodeEntries(update: Uint8Array): Entry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const len = decoding.readVarUint(decoder);
    if (len > awarenessLimits.maxEntries) throw new Error("too many entries");
    const entries: Entry[] = [];
    for (let i = 0; i < len; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      if (json.length > awarenessLimits.maxStateChars) continue;
      const state = stateSchema.safeParse(JSON.parse(json));
      if (state.success) entries.push({ clientId, clock, state: state.data });
    }
    return entries;
  } catch (err) {
    throw new ProtocolError(CLOSE.malformed, `malformed awareness update: ${(err as Error).message}`);
  }
}

function encodeEntries(entries: Entry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, JSON.stringify(e.state));
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Returns the update `conn` may apply (null when nothing is left), claiming client ids in
 * `owners` (client id → connection, shared by the room).
 * @throws ProtocolError (1007) on a malformed update.
 */
export function guardAwarenessUpdate(update: Uint8Array, conn: Connection, owners: Map<number, Connection>): Uint8Array | null {
  const allowed: Entry[] = [];
  for (const entry of decodeEntries(update)) {
    const owner = owners.get(entry.clientId);
    if (owner && owner !== conn && owner.user.id !== conn.user.id) continue;
    if (owner !== conn) {
      if (conn.clients.size >= awarenessLimits.maxClientsPerConnection) continue;
      owner?.clients.delete(entry.clientId);
      owners.set(entry.clientId, conn);
      conn.clients.add(entry.clientId);
    }
    const state = entry.state && { ...entry.state, user: presenceUser(conn.user) };
    allowed.push({ ...entry, state });
  }
  return allowed.length ? encodeEntries(allowed) : null;
}
