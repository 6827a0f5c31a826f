/**
 * Keeps refused edits aside as rejected drafts (`rejected_drafts`, lib/review/rejected-drafts.ts),
 * bounded so that a client sending refused updates in a loop costs little:
 * - at most one row per connection per `windowMs` (10 s): later refusals of that connection in
 *   the window are merged (`Y.mergeUpdates`) into the same row, rewritten at most once per
 *   `rewriteMs`;
 * - the kept update is capped at `maxBytes` (2 MiB); beyond it further updates are dropped from
 *   the draft (logged once per row);
 * - the text is what the author had: the room's document plus the refused update, applied to a
 *   scratch copy (never to the room) and rendered with lib/collab/content.ts; an update that
 *   cannot be applied or rendered stores an empty text and the update.
 * Database failures (e.g. the section was deleted) are logged, never thrown into the room.
 */
import * as Y from "yjs";
import { docToContent } from "@/lib/collab/content";
import type { DraftRow } from "@/lib/review/rejected-drafts";

/** Where drafts go (bound to the database by attach.ts). */
export interface DraftStore {
  /** Inserts a row; resolves with its id. */
  insert(row: DraftRow): Promise<string>;
  update(id: string, patch: Pick<DraftRow, "text" | "update">): Promise<void>;
}

export interface DraftKeeperOptions {
  /** One row per connection per this many ms. */
  windowMs: number;
  /** Least time between two rewrites of one row (ms). */
  rewriteMs: number;
  /** Largest kept update (bytes). */
  maxBytes: number;
  log: (message: string, err?: unknown) => void;
}

export const DRAFT_DEFAULTS = { windowMs: 10_000, rewriteMs: 1000, maxBytes: 2 * 1024 * 1024 } as const;

interface Entry {
  startedAt: number;
  userId: string;
  reason: string;
  update: Uint8Array;
  id: Promise<string | null>;
  timer?: ReturnType<typeof setTimeout>;
  full: boolean;
}

/** Plain text of `doc` with `update` applied, on a scratch copy; "" when that fails. */
export function renderDraftText(doc: Y.Doc, update: Uint8Array): string {
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(scratch, update);
    return docToContent(scratch).text;
  } catch {
    return "";
  } finally {
    scratch.destroy();
  }
}

export class DraftKeeper {
  private readonly entries = new Map<object, Entry>();

  constructor(
    private readonly sectionId: string,
    private readonly doc: Y.Doc,
    private readonly store: DraftStore,
    private readonly opts: DraftKeeperOptions,
  ) {}

  /** Sets `update`, refused from connection `key` of account `userId`, aside with `reason`. */
  keep(key: object, userId: string, reason: string, update: Uint8Array): void {
    const now = Date.now();
    const entry = this.entries.get(key);
    if (entry && entry.reason === reason && now - entry.startedAt < this.opts.windowMs) return this.merge(entry, update);
    if (entry) this.settle(key, entry);
    const kept = update.length <= this.opts.maxBytes ? update : null;
    const row: DraftRow = { sectionId: this.sectionId, userId, reason, text: renderDraftText(this.doc, update), update: kept };
    const id = this.store.insert(row).catch((err) => {
      this.opts.log("could not keep a rejected draft", err);
      return null;
    });
    this.entries.set(key, { startedAt: now, userId, reason, update: kept ?? new Uint8Array(), id, full: !kept });
  }

  private merge(entry: Entry, update: Uint8Array): void {
    if (entry.full) return;
    if (entry.update.length + update.length > this.opts.maxBytes) {
      entry.full = true;
      this.opts.log("rejected draft reached its size cap; later refused edits are not kept");
      return;
    }
    entry.update = entry.update.length ? Y.mergeUpdates([entry.update, update]) : update;
    entry.timer ??= setTimeout(() => this.rewrite(entry), this.opts.rewriteMs);
  }

  private rewrite(entry: Entry): void {
    entry.timer = undefined;
    if (this.doc.isDestroyed) return;
    const patch = { text: renderDraftText(this.doc, entry.update), update: entry.update };
    void entry.id.then((id) => (id ? this.store.update(id, patch) : undefined)).catch((err) => this.opts.log("could not update a rejected draft", err));
  }

  /** Writes what is pending for `key` now and forgets it (connection left). */
  forget(key: object): void {
    const entry = this.entries.get(key);
    if (entry) this.settle(key, entry);
  }

  private settle(key: object, entry: Entry): void {
    this.entries.delete(key);
    if (entry.timer) {
      clearTimeout(entry.timer);
      this.rewrite(entry);
    }
  }

  /** Writes everything pending (room closing; call before the document is destroyed). */
  dispose(): void {
    for (const [key, entry] of [...this.entries]) this.settle(key, entry);
  }
}
