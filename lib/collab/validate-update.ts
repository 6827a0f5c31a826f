/**
 * Checks a Yjs update from an editor BEFORE it is applied to a room's document or stored: the
 * document must keep conforming to the editor's schema (lib/collab/body-rules.ts), or every
 * reader of the section — its page, submit, the preview and every export of the whole report —
 * would fail on it (issue 9, finding 4: a 22-byte `getArray("default").insert(0,[1])` used to be
 * stored and break them all).
 *
 * Works on the decoded structs (`Y.decodeUpdate`), not on a scratch copy of the document: each
 * new item's parent is resolved from the update itself or from the document's store, the way
 * Yjs's `Item.getMissing` will when it integrates the item (node_modules/yjs/src/structs/Item.js).
 * The cost is proportional to the update, not to the document (see bench/validate-update.ts).
 * Deletions are not checked: removing content cannot break the schema's shapes.
 */
import * as Y from "yjs";
import { CLOSE_CODES } from "./close-codes";
import { ProtocolError } from "./server/protocol-error";
import { bodyRules, DEFAULT_BODY_LIMITS, markName, type BodyLimits, type BodyRules } from "./body-rules";
import { YJS_FIELD } from "@/lib/editor/extensions";
import { hasControls } from "@/lib/text/hygiene";

type Struct = Y.Item | Y.GC | Y.Skip;
type Decoded = { structs: Struct[]; ds: unknown };

/** Where an item lives: the root fragment, an element (by node name), a text run, or GC'd. */
type Parent =
  | { kind: "root"; sub: string | null }
  | { kind: "element"; node: string; depth: number; sub: string | null }
  | { kind: "text"; depth: number; sub: string | null }
  | { kind: "gone" };

/** Why an update was refused (4422) — thrown as ProtocolError. */
const invalid = (reason: string) => new ProtocolError(CLOSE_CODES.invalidUpdate, `invalid update: ${reason}`);

/** Parent of a type that is already in the document. */
function typeParent(type: Y.AbstractType<unknown>, sub: string | null, limits: BodyLimits): Parent {
  if (type._item === null) {
    return Y.findRootTypeKey(type) === YJS_FIELD ? { kind: "root", sub } : invalidRoot(Y.findRootTypeKey(type));
  }
  let depth = 0;
  for (let t: Y.AbstractType<unknown> | null = type; t && t._item && depth <= limits.maxDepth + 1; t = t._item.parent as Y.AbstractType<unknown> | null) {
    if (t instanceof Y.XmlElement) depth++;
  }
  if (type instanceof Y.XmlElement) return { kind: "element", node: type.nodeName, depth, sub };
  if (type instanceof Y.XmlText) return { kind: "text", depth, sub };
  throw invalid(`parent type ${type.constructor.name} is not part of the body`);
}

function invalidRoot(name: string): never {
  throw invalid(`root type "${name}" (only "${YJS_FIELD}" is allowed)`);
}

/** Finds the struct of `structs` (sorted by clock, one client) holding `clock`, or undefined. */
function findIn(structs: Struct[] | undefined, clock: number): Struct | undefined {
  if (!structs) return undefined;
  let lo = 0;
  let hi = structs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = structs[mid];
    if (clock < s.id.clock) hi = mid - 1;
    else if (clock >= s.id.clock + s.length) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Resolves the parents of the update's new items, as Yjs will when it integrates them. */
class ParentResolver {
  private readonly byClient = new Map<number, Struct[]>();
  private readonly resolved = new Map<Struct, Parent>();

  constructor(
    private readonly doc: Y.Doc,
    structs: Struct[],
    private readonly limits: BodyLimits,
  ) {
    for (const s of structs) {
      const list = this.byClient.get(s.id.client) ?? [];
      list.push(s);
      this.byClient.set(s.id.client, list);
    }
  }

  /** The struct (in the document or this update) holding `id`. @throws 4422 when neither has it. */
  private lookup(id: Y.ID): { inDoc: Y.Item | Y.GC } | { inUpdate: Struct } {
    if (id.clock < Y.getState(this.doc.store, id.client)) return { inDoc: Y.getItem(this.doc.store, id) as Y.Item | Y.GC };
    const s = findIn(this.byClient.get(id.client), id.clock);
    if (!s || s instanceof Y.Skip) throw invalid(`missing dependency ${id.client}:${id.clock}`);
    return { inUpdate: s };
  }

  /** Parent of the child items of the type held by the item at `id` (a parent reference). */
  private parentType(id: Y.ID, sub: string | null): Parent {
    const found = this.lookup(id);
    if ("inDoc" in found) {
      const item = found.inDoc;
      // A parent deleted and garbage-collected meanwhile (a peer removed the paragraph being
      // typed in): Yjs drops the item, as it does for a GC struct.
      if (item instanceof Y.GC || item.content instanceof Y.ContentDeleted) return { kind: "gone" };
      if (!(item.content instanceof Y.ContentType)) throw invalid("parent is not a type");
      return typeParent(item.content.type as Y.AbstractType<unknown>, sub, this.limits);
    }
    const item = found.inUpdate;
    if (item instanceof Y.GC || (item instanceof Y.Item && item.content instanceof Y.ContentDeleted)) return { kind: "gone" };
    if (!(item instanceof Y.Item) || !(item.content instanceof Y.ContentType)) throw invalid("parent is not a type");
    const outer = this.of(item);
    const type = item.content.type;
    if (outer.kind === "gone") return outer;
    const depth = outer.kind === "root" ? 0 : outer.depth;
    if (type instanceof Y.XmlElement) return { kind: "element", node: type.nodeName, depth: depth + 1, sub };
    if (type instanceof Y.XmlText) return { kind: "text", depth, sub };
    throw invalid(`type ${type.constructor.name} is not part of the body`);
  }

  /** Parent of `item`; follows origin chains iteratively (they can be thousands long). */
  of(start: Y.Item): Parent {
    const chain: Y.Item[] = [];
    const onChain = new Set<Y.Item>();
    let item = start;
    let parent: Parent | undefined;
    for (;;) {
      parent = this.resolved.get(item);
      if (parent) break;
      if (onChain.has(item)) throw invalid("circular origins");
      chain.push(item);
      onChain.add(item);
      if (typeof item.parent === "string") {
        if (item.parent !== YJS_FIELD) invalidRoot(item.parent);
        parent = { kind: "root", sub: item.parentSub };
        break;
      }
      if (item.parent instanceof Y.ID) {
        parent = this.parentType(item.parent, item.parentSub);
        break;
      }
      // No parent info: Yjs takes the origin's (else the right origin's) parent.
      const ref = item.origin ?? item.rightOrigin;
      if (!ref) throw invalid("item without parent or origin");
      const found = this.lookup(ref);
      if ("inDoc" in found) {
        const near = found.inDoc;
        parent = near instanceof Y.GC ? { kind: "gone" } : typeParent(near.parent as Y.AbstractType<unknown>, near.parentSub, this.limits);
        break;
      }
      if (!(found.inUpdate instanceof Y.Item)) {
        parent = { kind: "gone" }; // a GC origin: Yjs garbage-collects the item too
        break;
      }
      item = found.inUpdate;
    }
    for (const c of chain) this.resolved.set(c, parent);
    return parent;
  }
}

/** Checks one new item against the rules; returns the characters of text it adds. */
function checkItem(item: Y.Item, parent: Parent, rules: BodyRules, limits: BodyLimits): number {
  const content = item.content;
  if (parent.kind === "gone" || content instanceof Y.ContentDeleted) return 0;
  const where = parent.kind === "root" ? "body" : parent.kind === "element" ? `<${parent.node}>` : "text";
  if (parent.sub !== null) {
    // A map entry: only element attributes the node type declares, holding plain JSON values.
    if (parent.kind !== "element" || !rules.attributes.get(parent.node)?.has(parent.sub)) throw invalid(`attribute "${parent.sub}" on ${where}`);
    if (!(content instanceof Y.ContentAny)) throw invalid(`attribute "${parent.sub}" holds ${content.constructor.name}`);
    if (JSON.stringify(content.arr).length > limits.maxAttributeChars) throw invalid(`attribute "${parent.sub}" too long`);
    return 0;
  }
  if (parent.kind === "text") {
    if (content instanceof Y.ContentString) {
      if (hasControls(content.str)) throw invalid("control characters in text");
      return content.str.length;
    }
    if (content instanceof Y.ContentFormat) {
      if (!rules.marks.has(markName(content.key))) throw invalid(`unknown mark "${content.key}"`);
      const value = content.value as unknown;
      if (value !== null && (typeof value !== "object" || Array.isArray(value))) throw invalid(`mark "${content.key}" value`);
      if (JSON.stringify(value).length > limits.maxAttributeChars) throw invalid(`mark "${content.key}" too long`);
      return 0;
    }
    throw invalid(`${content.constructor.name} in text`);
  }
  if (!(content instanceof Y.ContentType)) throw invalid(`${content.constructor.name} in ${where}`);
  const allowed = parent.kind === "root" ? rules.rootChildren : rules.children.get(parent.node);
  const type = content.type;
  if (type instanceof Y.XmlElement) {
    if (!allowed?.has(type.nodeName)) throw invalid(`node "${type.nodeName.slice(0, 40)}" in ${where}`);
    const depth = (parent.kind === "root" ? 0 : parent.depth) + 1;
    if (depth > limits.maxDepth) throw invalid(`nesting deeper than ${limits.maxDepth}`);
    return 0;
  }
  if (type instanceof Y.XmlText) {
    if (!allowed?.has("text")) throw invalid(`text in ${where}`);
    return 0;
  }
  throw invalid(`${type.constructor.name} in ${where}`);
}

/** Estimate of the document's text: exact count at some point + clocks added since (an upper bound). */
const textCache = new WeakMap<Y.Doc, { clocks: number; chars: number }>();

function clockSum(doc: Y.Doc): number {
  let n = 0;
  for (const client of doc.store.clients.keys()) n += Y.getState(doc.store, client);
  return n;
}

/** Characters of text in the document's visible (not deleted) runs. */
export function documentTextLength(doc: Y.Doc): number {
  let n = 0;
  for (const structs of doc.store.clients.values()) {
    for (const s of structs) if (s instanceof Y.Item && !s.deleted && s.content instanceof Y.ContentString) n += s.length;
  }
  return n;
}

/**
 * True when the document plus `added` characters stays within `cap`. Every character ever
 * inserted takes one clock tick, so clocks added since the last exact count bound the text
 * added since; the O(document) exact count runs only when that bound exceeds the cap.
 */
function withinTextCap(doc: Y.Doc, added: number, cap: number): boolean {
  const clocks = clockSum(doc);
  const known = textCache.get(doc);
  if (known && known.chars + (clocks - known.clocks) + added <= cap) return true;
  if (!known && clocks + added <= cap) return true;
  const chars = documentTextLength(doc);
  textCache.set(doc, { clocks, chars });
  return chars + added <= cap;
}

/**
 * Refuses an update that would make `doc` (a section document) not conform to the editor's
 * schema or exceed the limits. Takes the document, the update (bytes or `Y.decodeUpdate`'s
 * result) and optional limits (DEFAULT_BODY_LIMITS: depth 32, 2,000,000 characters).
 * Refused: root types other than the `default` fragment; content other than what y-prosemirror
 * writes (elements, text, strings, formats, deleted content; element attributes as plain JSON);
 * node names, attributes and marks the schema lacks, or nodes where the schema does not allow
 * them; nesting deeper than `maxDepth`; C0 control characters in text (lib/text/hygiene.ts);
 * references to items neither in the document nor in the update, clock gaps (Yjs would keep
 * such structs pending and integrate them later, unchecked).
 * @throws ProtocolError 4422 (CLOSE_CODES.invalidUpdate) or 4413 (updateTooLarge, the text cap),
 *   with the reason as message; the document is never touched.
 */
export function validateUpdate(doc: Y.Doc, update: Uint8Array | Decoded, limits: Partial<BodyLimits> = {}): void {
  const lim = { ...DEFAULT_BODY_LIMITS, ...limits };
  const rules = bodyRules();
  const decoded = update instanceof Uint8Array ? (Y.decodeUpdate(update) as Decoded) : update;
  const resolver = new ParentResolver(doc, decoded.structs, lim);
  const next = new Map<number, number>();
  let added = 0;
  for (const s of decoded.structs) {
    if (s instanceof Y.Skip) throw invalid("clock gap (skip)");
    const client = s.id.client;
    const expected = next.get(client) ?? Y.getState(doc.store, client);
    if (!next.has(client) && s.id.clock > expected) throw invalid(`clock gap for client ${client}`);
    next.set(client, Math.max(expected, s.id.clock + s.length));
    if (s.id.clock + s.length <= Y.getState(doc.store, client)) continue; // already known: Yjs skips it
    if (s instanceof Y.Item) added += checkItem(s, resolver.of(s), rules, lim);
  }
  if (added > 0 && !withinTextCap(doc, added, lim.maxTextChars)) {
    throw new ProtocolError(CLOSE_CODES.updateTooLarge, `update too large: the section would exceed ${lim.maxTextChars} characters`);
  }
}
