/**
 * A minimal, allocation-free reader of the Yjs V1 update encoding (lib0 varUint, varString,
 * `any`), for lib/collab/merge-log.ts: it skips structs and reports what the join needs of
 * each (its clock length, origins, where its content and a string's bytes start). One module
 * state object `R` instead of a reader per update: a cold open reads 20,000 updates, and a
 * per-update object, closure or Buffer/Uint8Array mix kept V8 from optimising it.
 */

// The reader's state: one update at a time, no allocation per update or per struct; after
// `skipStruct`, what it saw of the struct: its info byte, origin and right origin (client -1:
// none), where its content starts and, for a string, where its UTF-8 bytes start.
export const R = { buf: new Uint8Array(0) as Uint8Array, at: 0, sInfo: 0, sOriginClient: -1, sOriginClock: 0, sRightClient: -1, sRightClock: 0, sContentAt: 0, sStrFrom: 0 };

export const fail = (why: string): never => { throw new RangeError(why); };

function byte(): number {
  return R.at < R.buf.length ? R.buf[R.at++] : fail("update ends early");
}

export function uint(): number {
  const b = R.buf;
  let at = R.at;
  if (at < b.length && b[at] < 0x80) { R.at = at + 1; return b[at]; } // most numbers: one byte
  let n = 0, mult = 1;
  for (;;) {
    if (at >= b.length) fail("update ends early");
    const x = b[at++];
    n += (x & 0x7f) * mult;
    if (x < 0x80) { R.at = at; return n; }
    mult *= 128;
    if (mult > 2 ** 53) fail("varUint too long");
  }
}

function skip(n: number): void {
  if (R.at + n > R.buf.length) fail("update ends early");
  R.at += n;
}

/** Skips a varString; returns its length in UTF-16 code units (Yjs's string length). */
function string(): number {
  const n = uint(), from = R.at;
  skip(n);
  let units = 0;
  for (let i = from; i < R.at; i++) {
    const b = R.buf[i];
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1; // a 4-byte sequence is a surrogate pair
  }
  return units;
}

/** Skips one lib0 `any` value. */
function any(): void {
  const t = byte();
  if (t === 127 || t === 126 || t === 121 || t === 120) return; // undefined, null, false, true
  if (t === 125) { while (byte() >= 0x80); return; } // varInt
  if (t === 124) return skip(4);
  if (t === 123 || t === 122) return skip(8);
  if (t === 119) { string(); return; }
  if (t === 118) { for (let n = uint(); n > 0; n--) { string(); any(); } return; }
  if (t === 117) { for (let n = uint(); n > 0; n--) any(); return; }
  if (t === 116) return skip(uint());
  fail(`unknown any type ${t}`);
}

/** Skips one struct; returns its clock length. */
export function skipStruct(): number {
  const info = (R.sInfo = byte());
  const ref = info & 0x1f;
  if (ref === 0 || ref === 10) return uint(); // GC, Skip
  R.sOriginClient = R.sRightClient = -1;
  if (info & 0x80) { R.sOriginClient = uint(); R.sOriginClock = uint(); }
  if (info & 0x40) { R.sRightClient = uint(); R.sRightClock = uint(); }
  if ((info & 0xc0) === 0) {
    if (uint() === 1) string(); // parent: a root type's name…
    else { uint(); uint(); } // …or the parent item's id
    if (info & 0x20) string(); // parentSub
  }
  R.sContentAt = R.at;
  switch (ref) {
    case 1: return uint(); // deleted
    case 2: { const n = uint(); for (let i = 0; i < n; i++) string(); return n; } // JSON
    case 3: skip(uint()); return 1; // binary
    case 4: { R.sStrFrom = R.sContentAt + lenOfUint(R.buf, R.sContentAt); return string(); } // string
    case 5: string(); return 1; // embed
    case 6: string(); string(); return 1; // format
    case 7: { const type = uint(); if (type === 3 || type === 5) string(); return 1; } // type (XmlElement, XmlHook: name)
    case 8: { const n = uint(); for (let i = 0; i < n; i++) any(); return n; } // any
    case 9: string(); any(); return 1; // subdocument
    default: return fail(`unknown content ${ref}`);
  }
}

/** Number of bytes of the varUint at `from` in `b`. */
function lenOfUint(b: Uint8Array, from: number): number {
  let i = from;
  while (b[i] >= 0x80) i++;
  return i - from + 1;
}
