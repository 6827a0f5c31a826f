/**
 * Keeps an input method's unfinished text to this browser (issue 16, Chinese IME). While the
 * user composes (pinyin "zhongguo" before choosing 中国), ProseMirror and the Yjs binding put
 * the composition text into the local document as it grows; sent as is, collaborators would see
 * half-composed pinyin. So while composing, this browser's outgoing document updates are held
 * (in order, none lost) and sent as ONE merged update once the composition has ended and the
 * editor has read the chosen characters: collaborators receive only the finished word. Incoming
 * updates are applied as usual meanwhile (the Yjs merge is order-independent).
 *
 * It replaces y-websocket's `doc.on("update")` sender with one that can hold; awareness
 * (carets) is not held. Use `start()` on `compositionstart`, `end()` on `compositionend`.
 */
import * as Y from "yjs";
import type { WebsocketProvider } from "y-websocket";

/** After compositionend, ProseMirror reads the chosen text within ~20 ms; then the hold is released (ms). */
export const RELEASE_AFTER_MS = 80;
/** A composition left open (a lost compositionend) never holds edits longer than this (ms). */
export const MAX_HOLD_MS = 10_000;

type Sender = (update: Uint8Array, origin: unknown) => void;

export interface CompositionHold {
  start(): void;
  end(): void;
  /** True while updates are held. */
  readonly holding: boolean;
  /** Sends what is held (unless `discard`: the local copy is being thrown away) and restores the provider's own sender. */
  destroy(discard?: boolean): void;
}

/**
 * Wraps `provider`'s update sender (the `_updateHandler` it registers on `doc`).
 * Timers are injectable for tests.
 */
export function holdDuringComposition(
  provider: WebsocketProvider,
  doc: Y.Doc,
  // Wrapped: a browser's setTimeout called as a method of another object throws "Illegal invocation".
  timers: { set(f: () => void, ms: number): ReturnType<typeof setTimeout>; clear(t: ReturnType<typeof setTimeout> | undefined): void } = {
    set: (f, ms) => setTimeout(f, ms),
    clear: (t) => clearTimeout(t),
  },
): CompositionHold {
  const send = (provider as unknown as { _updateHandler: Sender })._updateHandler;
  let held: Uint8Array[] = [];
  let holding = false;
  let releaseTimer: ReturnType<typeof setTimeout> | undefined;
  let maxTimer: ReturnType<typeof setTimeout> | undefined;

  const onUpdate: Sender = (update, origin) => {
    if (origin === provider) return; // from the server: nothing to send back
    if (holding) held.push(update);
    else send(update, origin);
  };
  const release = () => {
    timers.clear(releaseTimer);
    timers.clear(maxTimer);
    releaseTimer = maxTimer = undefined;
    holding = false;
    if (held.length) {
      const merged = held.length === 1 ? held[0] : Y.mergeUpdates(held);
      held = [];
      send(merged, null);
    }
  };
  doc.off("update", send);
  doc.on("update", onUpdate);

  return {
    get holding() {
      return holding;
    },
    start() {
      timers.clear(releaseTimer);
      releaseTimer = undefined;
      if (!holding) maxTimer = timers.set(release, MAX_HOLD_MS);
      holding = true;
    },
    end() {
      if (!holding) return;
      timers.clear(releaseTimer);
      releaseTimer = timers.set(release, RELEASE_AFTER_MS);
    },
    destroy(discard = false) {
      if (discard) held = [];
      release();
      doc.off("update", onUpdate);
      doc.on("update", send);
    },
  };
}
