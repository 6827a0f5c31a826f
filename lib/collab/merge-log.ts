/**
 * Joins a section's update log (Yjs V1 updates) into ONE update by concatenating bytes, so that a
 * cold open applies one update instead of 20,000 (issue 14).
 *
 * Why: applying 20,000 small typing updates one by one, even in one transaction, spends most of
 * its time in Yjs's per-update work (a decoder, maps and a struct store per update, the pending
 * checks) and in the garbage collector; applying the same structs as one update takes about a
 * third of that, and joining consecutive typed characters into one string item (see
 * `writeClientRun`) leaves a handful of items, applied in ≈ 1 ms. `Y.mergeUpdates` would give the same update but re-encodes every struct:
 * merging all at once is quadratic (≈ 25 s), merging pairs of pairs is still 0.5–0.9 s.
 *
 * How: a V1 update is, per client, a run of structs with consecutive clocks (one start clock,
 * then each struct's bytes), followed by a delete set. The structs of one client from every
 * update are copied one after the other (verbatim, except typing joined into one string item)
 * under one header when their clock ranges follow each other exactly (rows of one client out
 * of log order are sorted by clock); the delete sets are united. Yjs integrates the structs of one
 * update in causal order and a transaction's result does not depend on how its structs were
 * grouped, so the document is the same as applying the updates one by one in one transaction.
 * Anything else (overlapping or missing clocks, e.g. a resent update, or bytes this reader does
 * not know) gives `null` and the caller applies the updates one by one.
 */
import * as Y from "yjs";
import { fail, R, skipStruct, uint } from "./update-reader";

/**
 * Runs of structs, one per (update, client), as columns: `u` the update's index, the client,
 * the first and the next clock, the struct count and the byte range in the update.
 */
class Runs {
  n = 0;
  cols = Array.from({ length: 7 }, () => new Float64Array(64));
  push(u: number, client: number, clock: number, end: number, count: number, from: number, to: number): void {
    if (this.n === this.cols[0].length) this.cols = this.cols.map((c) => { const b = new Float64Array(c.length * 2); b.set(c); return b; });
    const [a, b, c, d, e, f, g] = this.cols;
    a[this.n] = u; b[this.n] = client; c[this.n] = clock; d[this.n] = end; e[this.n] = count; f[this.n] = from; g[this.n] = to;
    this.n++;
  }
}
/** Reads update `u` (`buf`) into `runs` and its delete set into `deletes` (client → [clock, len]…). */
function readUpdate(u: number, runs: Runs, deletes: Map<number, number[]>): void {
  R.at = 0;
  for (let c = uint(); c > 0; c--) {
    const count = uint(), client = uint(), clock = uint(), from = R.at;
    let end = clock;
    for (let i = 0; i < count; i++) end += skipStruct();
    if (count > 0) runs.push(u, client, clock, end, count, from, R.at);
  }
  for (let c = uint(); c > 0; c--) {
    const client = uint();
    let list = deletes.get(client);
    if (!list) deletes.set(client, (list = []));
    for (let n = uint(); n > 0; n--) list.push(uint(), uint());
  }
  if (R.at !== R.buf.length) fail("bytes after the delete set");
}

/** Appends `n` as a lib0 varUint. */
function pushUint(out: number[], n: number): void {
  while (n > 0x7f) { out.push(0x80 | (n % 128)); n = Math.floor(n / 128); }
  out.push(n);
}

/** Sorted, merged ranges as a flat [clock, len, …] list. */
function unite(flat: number[]): number[] {
  const ranges: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) if (flat[i + 1] > 0) ranges.push([flat[i], flat[i] + flat[i + 1]]);
  ranges.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [from, to] of ranges) {
    const last = out.length - 2;
    if (last >= 0 && from <= out[last] + out[last + 1]) out[last + 1] = Math.max(out[last + 1], to - out[last]);
    else out.push(from, to - from);
  }
  return out;
}

/**
 * The updates (Yjs V1, in log order) joined into one V1 update, or null when they cannot be
 * joined by concatenation (see the module comment) or are not well-formed V1 updates.
 */
export function concatUpdates(updates: Uint8Array[]): Uint8Array | null {
  const runs = new Runs();
  const deletes = new Map<number, number[]>();
  try {
    for (let u = 0; u < updates.length; u++) {
      R.buf = updates[u];
      readUpdate(u, runs, deletes);
    }
  } catch {
    return null;
  } finally {
    R.buf = new Uint8Array(0); // don't keep the log alive
  }
  const [us, clients, clocks, ends, , froms, tos] = runs.cols;
  const byClient = new Map<number, number[]>();
  for (let r = 0; r < runs.n; r++) {
    const list = byClient.get(clients[r]);
    if (list) list.push(r);
    else byClient.set(clients[r], [r]);
  }
  const tail: number[] = [];
  pushUint(tail, deletes.size);
  for (const [client, flat] of deletes) {
    const ranges = unite(flat);
    pushUint(tail, client);
    pushUint(tail, ranges.length / 2);
    for (const n of ranges) pushUint(tail, n);
  }
  const parts: Uint8Array[] = [];
  const head: number[] = [];
  pushUint(head, byClient.size);
  parts.push(Uint8Array.from(head));
  for (const [client, list] of byClient) {
    // Log order is clock order for almost every log; sort only when it is not.
    if (list.some((r, i) => i > 0 && clocks[r] < clocks[list[i - 1]])) list.sort((a, b) => clocks[a] - clocks[b]);
    let bytes = 0;
    for (let i = 0; i < list.length; i++) {
      if (i > 0 && clocks[list[i]] !== ends[list[i - 1]]) return null; // overlap or gap
      bytes += tos[list[i]] - froms[list[i]];
    }
    const run = writeClientRun(client, list.map((r) => ({ src: updates[us[r]], from: froms[r], to: tos[r], clock: clocks[r] })), bytes);
    parts.push(run);
  }
  parts.push(Uint8Array.from(tail));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/**
 * One client's structs from runs with consecutive clocks, under one header. Typing is written
 * as one string item: a string item whose origin is the last character of the string item just
 * before it (same client, next clock) and whose right origin is the same is appended to it —
 * the item Yjs itself encodes for such neighbours (`Item.mergeWith`). Integrating it is the same
 * as integrating the pieces: were another item inserted between them, Yjs splits it again into
 * exactly those pieces (origin = the last character of the left part, same right origin).
 * 20,000 one-character items become one; applying one item instead of 20,000 is what makes the
 * cold open of a raw typing log fast.
 */
function writeClientRun(client: number, runs: { src: Uint8Array; from: number; to: number; clock: number }[], bytes: number): Uint8Array {
  const body = new Uint8Array(bytes);
  let o = 0, count = 0;
  const copy = (src: Uint8Array, from: number, to: number) => { for (let i = from; i < to; i++) body[o++] = src[i]; };
  // the pending string item: its header is already in `body`, its characters collect in `str`
  let str = new Uint8Array(1024), strLen = 0, pending = false, pendingEnd = 0, pRightClient = -1, pRightClock = 0;
  const flush = () => {
    if (!pending) return;
    let n = strLen;
    while (n > 0x7f) { body[o++] = 0x80 | (n % 128); n = Math.floor(n / 128); }
    body[o++] = n;
    body.set(str.subarray(0, strLen), o);
    o += strLen;
    pending = false;
  };
  const addStr = (src: Uint8Array, from: number, to: number) => {
    if (strLen + to - from > str.length) { const b = new Uint8Array(Math.max(str.length * 2, strLen + to - from)); b.set(str.subarray(0, strLen)); str = b; }
    for (let i = from; i < to; i++) str[strLen++] = src[i];
  };
  for (const { src, from, to, clock: first } of runs) {
    R.buf = src;
    R.at = from;
    let clock = first;
    while (R.at < to) {
      const start = R.at;
      const len = skipStruct();
      const isString = (R.sInfo & 0x1f) === 4;
      if (pending && isString && R.sOriginClient === client && R.sOriginClock === pendingEnd - 1 && clock === pendingEnd
        && R.sRightClient === pRightClient && (R.sRightClient === -1 || R.sRightClock === pRightClock)) {
        addStr(src, R.sStrFrom, R.at);
        pendingEnd += len;
      } else {
        flush();
        count++;
        if (isString) {
          copy(src, start, R.sContentAt); // info, origins, parent: the merged item's header
          strLen = 0;
          addStr(src, R.sStrFrom, R.at);
          pending = true;
          pendingEnd = clock + len;
          pRightClient = R.sRightClient;
          pRightClock = R.sRightClock;
        } else copy(src, start, R.at);
      }
      clock += len;
    }
  }
  flush();
  R.buf = new Uint8Array(0);
  const head: number[] = [];
  pushUint(head, count);
  pushUint(head, client);
  pushUint(head, runs[0].clock);
  const out = new Uint8Array(head.length + o);
  out.set(head);
  out.set(body.subarray(0, o), head.length);
  return out;
}

/**
 * Applies a section's log (V1 updates in log order) to `doc` in one transaction with `origin`:
 * as one joined update when `concatUpdates` can join them, else one by one.
 */
export function applyLog(doc: Y.Doc, updates: Uint8Array[], origin?: unknown): void {
  const joined = updates.length > 1 ? concatUpdates(updates) : null;
  Y.transact(doc, () => {
    if (joined) Y.applyUpdate(doc, joined);
    else for (const u of updates) Y.applyUpdate(doc, u);
  }, origin);
}
