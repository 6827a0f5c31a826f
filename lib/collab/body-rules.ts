/**
 * What a section's Yjs document may hold, derived from the editor's ProseMirror schema
 * (`bodySchema()`, lib/editor/extensions.ts) as y-prosemirror maps it onto Yjs: one root
 * `Y.XmlFragment` named YJS_FIELD (the `doc` node), a `Y.XmlElement` per node (its name the node
 * type, ProseMirror attributes as element attributes), a `Y.XmlText` per run of text with marks as
 * formatting attributes (`bold`, or `bold--<hash>` for marks that may overlap themselves).
 * Shared by the update validator (lib/collab/validate-update.ts) and the safe renderer
 * (lib/collab/render-section.ts), so both refuse exactly the same shapes.
 */
import type { NodeType, Schema } from "@tiptap/pm/model";
import { bodySchema } from "./content";

/** Limits of a section document; every field optional where taken as options. */
export interface BodyLimits {
  /** Deepest element nesting (a paragraph directly in the body is depth 1). */
  maxDepth: number;
  /** Characters (UTF-16 code units) of text the document may hold. */
  maxTextChars: number;
  /** JSON length (characters) of one attribute or mark value. */
  maxAttributeChars: number;
}

/**
 * Default limits: 32 levels is far beyond what the editor makes (a table in a list item in a
 * list is ~7) yet keeps every recursive reader's stack small; 2,000,000 characters is ~1,000
 * printed pages, the cap named in issue 9.
 */
export const DEFAULT_BODY_LIMITS: BodyLimits = { maxDepth: 32, maxTextChars: 2_000_000, maxAttributeChars: 1_000 };

/** The schema facts the validators need, computed once. */
export interface BodyRules {
  /** Node names allowed as children of the root fragment (the `doc` node's content). */
  rootChildren: ReadonlySet<string>;
  /** Node name → node names allowed as its children ("text" when text runs are allowed). */
  children: ReadonlyMap<string, ReadonlySet<string>>;
  /** Node name → attribute names. */
  attributes: ReadonlyMap<string, ReadonlySet<string>>;
  /** Mark names. */
  marks: ReadonlySet<string>;
}

/** Every node type that may appear in `type`'s content (walks its content-match automaton). */
function allowedChildren(type: NodeType): Set<string> {
  const names = new Set<string>();
  const seen = new Set<unknown>();
  const queue = [type.contentMatch];
  while (queue.length) {
    const match = queue.pop()!;
    if (seen.has(match)) continue;
    seen.add(match);
    for (let i = 0; i < match.edgeCount; i++) {
      const edge = match.edge(i);
      names.add(edge.type.name);
      queue.push(edge.next);
    }
  }
  return names;
}

let cached: BodyRules | undefined;

/** The rules of the section body's schema (cached; `schema` for tests). */
export function bodyRules(schema: Schema = bodySchema()): BodyRules {
  if (cached && schema === bodySchema()) return cached;
  const children = new Map<string, Set<string>>();
  const attributes = new Map<string, Set<string>>();
  for (const [name, type] of Object.entries(schema.nodes)) {
    if (name === "doc" || name === "text") continue;
    children.set(name, allowedChildren(type));
    attributes.set(name, new Set(Object.keys(type.spec.attrs ?? {})));
  }
  const rules: BodyRules = {
    rootChildren: allowedChildren(schema.topNodeType),
    children,
    attributes,
    marks: new Set(Object.keys(schema.marks)),
  };
  if (schema === bodySchema()) cached = rules;
  return rules;
}

/** The mark name of a y-prosemirror formatting key (`bold`, `comment--a1b2` → `comment`). */
export function markName(key: string): string {
  const i = key.indexOf("--");
  return i === -1 ? key : key.slice(0, i);
}
