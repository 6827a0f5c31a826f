/**
 * A WebSocket subclass for the y-websocket provider that counts the document-write messages
 * (sync step 2 / update) it sends, with the same rule as the server (`isDocumentWrite`), and
 * records the server's saved acknowledgements and refusals for this socket. A new socket (reconnect)
 * starts both counters at zero, like the server's connection does.
 */
import { isDocumentWrite } from "@/lib/collab/messages";

export interface CountingSocket {
  /** Document-write messages sent on this socket. */
  sent: number;
  /**
   * The highest message number the server reported settled on this socket (message 101):
   * saved, unless it was refused by a message 102 (counted in `refused`).
   */
  saved: number;
  /** Document-write messages the server refused on this socket (message 102). */
  refused: number;
}

/** Returns a WebSocket class based on `Base` whose instances are CountingSockets; `onChange` runs after every counted send. */
export function countingWebSocket(Base: typeof WebSocket, onChange: () => void): typeof WebSocket {
  return class CountingWebSocket extends Base implements CountingSocket {
    sent = 0;
    saved = 0;
    refused = 0;
    send(data: string | ArrayBufferLike | Blob | ArrayBufferView) {
      const bytes = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
      const counted = bytes !== null && isDocumentWrite(bytes);
      super.send(data);
      if (counted) {
        this.sent++;
        onChange();
      }
    }
  };
}
