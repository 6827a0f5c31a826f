/**
 * Edits other instances published before committing them (`e` messages), kept by a receiving
 * room until the origin's commit that contains them arrives. An origin numbers its edits per
 * section (1, 2, …) and each of its commits says the highest number it holds (`upTo`): what is
 * at or below it is stored, what is above may still be in flight. Whatever is left when the
 * origin dies, or longer than the caller's limit, is handed back to be stored here (redis.ts).
 */
interface Edit {
  n: number;
  update: Uint8Array;
  /** Arrival time (ms since the epoch). */
  at: number;
}

export class PendingEdits {
  private readonly byInstance = new Map<string, Edit[]>();

  /** Edit number `n` of instance `instanceId` arrived (numbers only grow per instance). */
  add(instanceId: string, n: number, update: Uint8Array, now = Date.now()): void {
    const list = this.byInstance.get(instanceId) ?? [];
    list.push({ n, update, at: now });
    this.byInstance.set(instanceId, list);
  }

  /** Instance `instanceId` committed its edits up to number `upTo`: they need nothing more. */
  confirm(instanceId: string, upTo: number): void {
    const list = this.byInstance.get(instanceId);
    if (!list) return;
    const left = list.filter((e) => e.n > upTo);
    if (left.length) this.byInstance.set(instanceId, left);
    else this.byInstance.delete(instanceId);
  }

  /** Removes and returns every pending edit of `instanceId` (it is gone). */
  takeFrom(instanceId: string): Uint8Array[] {
    const list = this.byInstance.get(instanceId) ?? [];
    this.byInstance.delete(instanceId);
    return list.map((e) => e.update);
  }

  /** Removes and returns the edits that arrived before `time` (ms since the epoch). */
  takeOlderThan(time: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (const [inst, list] of this.byInstance) {
      const old = list.filter((e) => e.at < time);
      if (!old.length) continue;
      out.push(...old.map((e) => e.update));
      const left = list.filter((e) => e.at >= time);
      if (left.length) this.byInstance.set(inst, left);
      else this.byInstance.delete(inst);
    }
    return out;
  }

  /** Number of edits waiting (tests, logs). */
  get size(): number {
    let n = 0;
    for (const list of this.byInstance.values()) n += list.length;
    return n;
  }
}
