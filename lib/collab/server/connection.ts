/**
 * One client connection to a room, independent of the socket library: the room and the
 * protocol handlers only see this, so unit tests drive them with a fake transport.
 */
import type { Principal } from "@/lib/policy";
import { encodeRefused, encodeSaved } from "@/lib/collab/messages";
import { CLOSE_CODES } from "@/lib/collab/close-codes";

/**
 * The authenticated account behind a connection: loaded fresh from the database at upgrade and
 * replaced whenever an access change names the account (live-access.ts).
 */
export interface CollabUser extends Principal {
  name: string;
  /** Department colour, `#rrggbb`. */
  color: string;
}

/** What a connection needs from its socket. */
export interface Transport {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** The close codes (lib/collab/close-codes.ts, the one table; README "Collaboration close codes"). */
export const CLOSE = CLOSE_CODES;

let nextId = 1;

export class Connection {
  readonly id = nextId++;
  /** May this connection change the document? Re-decided on every access or state change. */
  writable = false;
  /** Document-write messages (sync step 2 / update) received so far, applied or dropped. */
  received = 0;
  /** Awareness client ids this connection speaks for. */
  readonly clients = new Set<number>();
  closed = false;

  constructor(
    /** Replaced (not mutated) when the account's role, department or name changes. */
    public user: CollabUser,
    private readonly transport: Transport,
    /** The client asked for Hegao's own messages (100 state, 101 saved, 102 refused). */
    readonly extensions = false,
  ) {}

  /** Sends a frame; a failing socket is closed rather than thrown into the room. */
  send(data: Uint8Array): void {
    if (this.closed) return;
    try {
      this.transport.send(data);
    } catch {
      this.close(CLOSE.internal, "send failed");
    }
  }

  /** Tells the client that its document-write messages up to `count` are saved (message 101). */
  ackSaved(count: number): void {
    if (this.extensions) this.send(encodeSaved(count));
  }

  /**
   * The first refusal on this connection, if any. Every later write of the connection may build
   * on the refused one (Yjs updates reference earlier items), so it is refused too: the client
   * must start over from the server's copy on a new connection (Hegao's client does so on 102).
   */
  refused: { code: number; reason: string } | null = null;

  /** Tells the client that its document-write message `count` was refused (message 102). */
  refuse(count: number, code: number, reason: string): void {
    this.refused ??= { code, reason };
    if (this.extensions) this.send(encodeRefused({ count, code, reason }));
  }

  /** Closes the connection once (`reason` ≤ 123 bytes, ASCII). */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.transport.close(code, reason);
    } catch {
      /* already gone */
    }
  }
}
