/**
 * Handles one frame of the y-websocket protocol from one connection, using y-protocols for the
 * sync and awareness messages:
 * - sync step 1 → answer with step 2 (what the client lacks);
 * - sync step 2 / update → counted and decoded (`Y.decodeUpdate`, which throws on a malformed
 *   update before anything touches the doc); from a connection that may not write: settled
 *   when it would change nothing (a read-only client's answer to sync step 1), otherwise
 *   refused through `room.refuse` (message 102, never acknowledged, kept aside as a rejected
 *   draft), and so is every later write of a connection once refused; from a writer: checked
 *   against the section's schema and limits (lib/collab/validate-update.ts: refused with 4422 /
 *   4413, the socket closed), applied with the connection as origin, and handed to the room for
 *   persistence and acknowledgement;
 * - awareness → through the awareness guard, then applied;
 * - query awareness → all current states.
 * Anything else, or a frame that does not decode, throws ProtocolError: the room closes that
 * connection only.
 */
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as awarenessProtocol from "y-protocols/awareness";
import { MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC } from "@/lib/collab/messages";
import { CLOSE_CODES } from "@/lib/collab/close-codes";
import { CLOSE, type Connection } from "./connection";
import { guardAwarenessUpdate } from "./awareness-guard";
import { wouldChangeDoc } from "./changes-doc";
import { ProtocolError } from "./protocol-error";
import { validateUpdate } from "@/lib/collab/validate-update";

/** What the protocol needs of a room. */
export interface ProtocolRoom {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  /** Client id → connection that speaks for it. */
  owners: Map<number, Connection>;
  /**
   * A document-write message numbered `count` on `conn` was handled: `update` is the applied
   * update to persist, or null when there is nothing to store (dropped or empty).
   */
  written(conn: Connection, update: Uint8Array | null, count: number): void;
  /** Refuses document-write message `count` of `conn` (see Room.refuse). */
  refuse(conn: Connection, count: number, code: number, reason: string, update?: Uint8Array): void;
  /** Why `conn` may not write now (Chinese, for the client). */
  notWritableReason(conn: Connection): string;
}

/** Encodes a full awareness message for `clients` of `awareness`. */
export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

/** Encodes a sync step 1 (the room's state vector), sent to a client when it joins. */
export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Encodes a sync update message carrying `update`. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** True when a decoded update carries no structs and no deletions. */
function isEmpty(decoded: ReturnType<typeof Y.decodeUpdate>): boolean {
  return decoded.structs.length === 0 && decoded.ds.clients.size === 0;
}

function handleSync(room: ProtocolRoom, conn: Connection, decoder: decoding.Decoder): void {
  const type = decoding.readVarUint(decoder);
  if (type === syncProtocol.messageYjsSyncStep1) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.readSyncStep1(decoder, encoder, room.doc);
    conn.send(encoding.toUint8Array(encoder));
    return;
  }
  if (type !== syncProtocol.messageYjsSyncStep2 && type !== syncProtocol.messageYjsUpdate) {
    throw new ProtocolError(CLOSE.malformed, `unknown sync message ${type}`);
  }
  const count = ++conn.received;
  const update = decoding.readVarUint8Array(decoder).slice();
  const decoded = Y.decodeUpdate(update); // throws on a malformed update before touching the doc
  if (isEmpty(decoded)) {
    room.written(conn, null, count);
    return;
  }
  if (!conn.writable || conn.refused) {
    // Never applied. Repeating what the room has loses nothing: settled. Anything new is
    // refused, and so is everything after a refusal (it may build on the refused edit).
    if (!wouldChangeDoc(room.doc, decoded)) room.written(conn, null, count);
    else if (conn.refused) room.refuse(conn, count, conn.refused.code, conn.refused.reason, update);
    else room.refuse(conn, count, CLOSE_CODES.accessRevoked, room.notWritableReason(conn), update);
    return;
  }
  validateUpdate(room.doc, decoded); // throws 4422 / 4413: never applied, stored or acknowledged
  Y.applyUpdate(room.doc, update, conn);
  room.written(conn, update, count);
}

/**
 * Handles `frame` from `conn`.
 * @throws ProtocolError with the close code for the sender (1007 malformed).
 */
export function handleFrame(room: ProtocolRoom, conn: Connection, frame: Uint8Array): void {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC:
        return handleSync(room, conn, decoder);
      case MESSAGE_AWARENESS: {
        const update = guardAwarenessUpdate(decoding.readVarUint8Array(decoder), conn, room.owners);
        if (update) awarenessProtocol.applyAwarenessUpdate(room.awareness, update, conn);
        return;
      }
      case MESSAGE_QUERY_AWARENESS:
        conn.send(awarenessMessage(room.awareness, [...room.awareness.getStates().keys()]));
        return;
      case MESSAGE_AUTH:
        return; // permission is decided at upgrade; clients have nothing to say here
      default:
        throw new ProtocolError(CLOSE.malformed, `unknown message type ${type}`);
    }
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError(CLOSE.malformed, `malformed message: ${(err as Error).message}`);
  }
}
