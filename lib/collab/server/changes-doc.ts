/**
 * Would an update change a document? Used for updates of connections that may not write: one
 * that only repeats what the room already has (a read-only client's answer to sync step 1
 * always carries its whole delete set) is settled and acknowledged as before; one that would
 * add or delete anything is refused (message 102) and set aside as a rejected draft.
 *
 * Cheap: reads the decoded structs and delete set against the room's state vector and delete
 * set; it never applies the update or encodes the room's state.
 */
import * as Y from "yjs";

type Decoded = ReturnType<typeof Y.decodeUpdate>;

/** Delete ranges of `doc` per client, merged (Yjs merges consecutive deleted structs). */
function deletedRanges(doc: Y.Doc): Map<number, { clock: number; len: number }[]> {
  return Y.createDeleteSetFromStructStore(doc.store).clients;
}

/**
 * True when applying `decoded` (from `Y.decodeUpdate`) to `doc` would insert a struct the doc
 * does not have, or delete something it has not deleted. Structs or deletions beyond what the
 * doc knows (an update with gaps) count as changes.
 */
export function wouldChangeDoc(doc: Y.Doc, decoded: Decoded): boolean {
  for (const s of decoded.structs) {
    if (s instanceof Y.Skip) continue;
    if (s.id.clock + s.length > Y.getState(doc.store, s.id.client)) return true;
  }
  if (decoded.ds.clients.size === 0) return false;
  const have = deletedRanges(doc);
  for (const [client, items] of decoded.ds.clients) {
    const ranges = have.get(client) ?? [];
    for (const { clock, len } of items) {
      if (len === 0) continue;
      if (!ranges.some((r) => r.clock <= clock && clock + len <= r.clock + r.len)) return true;
    }
  }
  return false;
}
