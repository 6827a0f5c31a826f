/**
 * Micro-benchmark of update validation (lib/collab/validate-update.ts): what the collaboration
 * server does per typed character, with and without the check, against a 200 KB section.
 * Run: `node --import tsx bench/validate-update.ts [updates=5000] [rounds=5]`.
 *
 * Both paths decode the update (the protocol always did, to refuse malformed frames) and apply
 * it to their own copy of the room's document; the validated path calls validateUpdate between.
 * Updates are real 1-character insertions typed by a client at random places of random
 * paragraphs, each carrying its origin references like the editor's. Prints the median per
 * update of each path and the ratio; also the one-off cost of an exact text count (what the
 * text cap falls back to only when the document is near 2,000,000 characters).
 */
import * as Y from "yjs";
import { textToYjsUpdate } from "@/lib/collab/content";
import { documentTextLength, validateUpdate } from "@/lib/collab/validate-update";
import { YJS_FIELD } from "@/lib/editor/extensions";

const N = Number(process.argv[2] ?? 5000);
const ROUNDS = Number(process.argv[3] ?? 5);
const LINE = "上半年，公司党委坚持以习近平新时代中国特色社会主义思想为指导，认真落实全面从严治党主体责任，各项工作取得新成效。";

/** A section of about `bytes` bytes of UTF-8 text in paragraphs. */
function section(bytes: number): Uint8Array {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `${i + 1}. ${LINE}`;
    lines.push(line);
    size += Buffer.byteLength(line);
  }
  return textToYjsUpdate(lines.join("\n"));
}

/** `n` one-character updates typed by one client into `base`, in order. */
function typing(base: Uint8Array, n: number): Uint8Array[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const frag = doc.getXmlFragment(YJS_FIELD);
  const out: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => out.push(u));
  let seed = 42;
  const rand = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % k);
  for (let i = 0; i < n; i++) {
    const p = frag.get(rand(frag.length)) as Y.XmlElement;
    const text = p.get(0) as Y.XmlText;
    text.insert(rand(text.length + 1), "字");
  }
  return out;
}

function run(base: Uint8Array, updates: Uint8Array[], validate: boolean): number[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const times: number[] = [];
  for (const u of updates) {
    const t0 = performance.now();
    const decoded = Y.decodeUpdate(u);
    if (validate) validateUpdate(doc, decoded);
    Y.applyUpdate(doc, u);
    times.push(performance.now() - t0);
  }
  doc.destroy();
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)];

const base = section(200 * 1024);
const updates = typing(base, N);
const probe = new Y.Doc();
Y.applyUpdate(probe, base);
console.log(`section: ${(base.length / 1024).toFixed(0)} KB Yjs state, ${documentTextLength(probe)} characters; ${N} one-character updates, ${ROUNDS} rounds`);

run(base, updates, true); // warm-up of both paths (JIT)
run(base, updates, false);
const plain: number[] = [];
const checked: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  plain.push(...run(base, updates, false));
  checked.push(...run(base, updates, true));
}
const [mp, mc] = [median(plain), median(checked)];
console.log(`decode + apply:            median ${(mp * 1000).toFixed(1)} µs, p99 ${(p99(plain) * 1000).toFixed(1)} µs`);
console.log(`decode + validate + apply: median ${(mc * 1000).toFixed(1)} µs, p99 ${(p99(checked) * 1000).toFixed(1)} µs`);
console.log(`ratio (validated / plain): ${(mc / mp).toFixed(2)}; validation adds ${((mc - mp) * 1000).toFixed(1)} µs per update`);
const t0 = performance.now();
documentTextLength(probe);
console.log(`exact text count of this section (near-cap fallback only): ${(performance.now() - t0).toFixed(2)} ms`);
