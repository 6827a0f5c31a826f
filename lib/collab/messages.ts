/**
 * Message types on the collaboration socket. 0–3 are the y-websocket protocol (y-protocols'
 * sync, awareness, auth, query-awareness); 100 and 101 are Hegao's own, sent only to clients
 * (and 102) that ask for them with the URL parameter `ext=1` (a plain y-websocket client would log
 * "Unable to compute message" for every unknown type).
 *
 * Shared by the server and the browser: no Node or React imports.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
/** Server → client: the section's review state and whether this connection may write. */
export const MESSAGE_SECTION_STATE = 100;
/**
 * Server → client: every document-write message of this connection up to N is settled: persisted,
 * or refused by a message 102 sent earlier on the same connection (a client that got a 102
 * must not show its edits as saved; Hegao's client discards its copy and starts over).
 */
export const MESSAGE_SAVED = 101;

/**
 * Server → client: document-write message number `count` of this connection was refused (not
 * applied, not stored as part of the section, never acknowledged as saved). Body: varUint
 * count, then a JSON string `{ code, reason }` (code: a close code of lib/collab/close-codes.ts,
 * e.g. 4403 not writable now, 4422 invalid update, 4413 too large; reason: Chinese, for the UI).
 */
export const MESSAGE_REFUSED = 102;

/** The URL query parameter a client sets to receive messages 100, 101 and 102. */
export const EXTENSIONS_PARAM = "ext";

export interface SectionStateMessage {
  state: string;
  writable: boolean;
}

/** Encodes message 100 (`{state, writable}` as JSON). */
export function encodeSectionState(msg: SectionStateMessage): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_SECTION_STATE);
  encoding.writeVarString(enc, JSON.stringify({ state: msg.state, writable: msg.writable }));
  return encoding.toUint8Array(enc);
}

/** Decodes the body of message 100 (after the type). @throws on malformed input. */
export function readSectionState(decoder: decoding.Decoder): SectionStateMessage {
  const raw = JSON.parse(decoding.readVarString(decoder)) as Partial<SectionStateMessage>;
  return { state: String(raw.state ?? ""), writable: raw.writable === true };
}

/** Encodes message 101: `count` update messages of this connection are saved. */
export function encodeSaved(count: number): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_SAVED);
  encoding.writeVarUint(enc, count);
  return encoding.toUint8Array(enc);
}

/**
 * True when `frame` carries document content from its sender (a sync step 2 or an update):
 * the messages the server counts, persists and acknowledges. Both sides count with this one
 * function, so their counters agree exactly.
 */
export function isDocumentWrite(frame: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return false;
    const sub = decoding.readVarUint(decoder);
    return sub === syncProtocol.messageYjsSyncStep2 || sub === syncProtocol.messageYjsUpdate;
  } catch {
    return false;
  }
}

export interface RefusedMessage {
  count: number;
  code: number;
  reason: string;
}

/** Encodes message 102: write message `count` was refused with `code` and a Chinese `reason`. */
export function encodeRefused(msg: RefusedMessage): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_REFUSED);
  encoding.writeVarUint(enc, msg.count);
  encoding.writeVarString(enc, JSON.stringify({ code: msg.code, reason: msg.reason }));
  return encoding.toUint8Array(enc);
}

/** Decodes the body of message 102 (after the type). @throws on malformed input. */
export function readRefused(decoder: decoding.Decoder): RefusedMessage {
  const count = decoding.readVarUint(decoder);
  const raw = JSON.parse(decoding.readVarString(decoder)) as { code?: unknown; reason?: unknown };
  return { count, code: Number(raw.code ?? 0), reason: String(raw.reason ?? "") };
}
