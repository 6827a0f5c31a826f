/**
 * The fan-out of several instances through Redis pub/sub (cluster mode: `DATABASE_URL` +
 * `REDIS_URL`). PostgreSQL is the source of truth and Redis only an accelerator:
 * - a local edit is published as it arrives (`e`, numbered per section), so other instances'
 *   clients see it as soon as this instance's do; receivers keep it as pending until the commit
 *   that contains it (`upTo`) arrives, and store it themselves when the origin dies or has not
 *   confirmed it within `adoptAfterMs` (pending.ts);
 * - a committed batch is published on the section's channel with its row id and the section's
 *   previous row id; receivers apply it at once and follow the chain (section-chain.ts);
 * - a missing link (a lost or late message), a Redis reconnect, or the periodic check (every
 *   `checkMs`, one query for all loaded rooms) repairs from PostgreSQL;
 * - awareness is published with its account; each instance sends a heartbeat every
 *   `heartbeatMs`, and an instance silent for `deadAfterMs` (or that said bye) loses its
 *   clients' presence everywhere; every instance re-publishes its clients' presence after a
 *   Redis reconnect and every third check (a presence message lost in an outage heals);
 * - a submit holds the section on every instance: `hold` on the control channel, each instance
 *   flushes and holds its room and answers `held`; without every answer within `holdTimeoutMs`
 *   the hold fails (the submit is refused rather than freezing text that may miss edits).
 * Why pub/sub and not Streams: every update is already in PostgreSQL with an ordered id, so a
 * second durable log in Redis (trimmed, replayed, kept consistent with compaction) would add
 * state without adding safety; pub/sub + repair from the database has one source of truth.
 */
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type * as Y from "yjs";
import { PendingEdits } from "./pending";
import { SectionChain } from "./section-chain";
import type { CommitIds, Fanout, FanoutServe, RoomChannel, RoomSink } from "./types";
import { b64, controlChannel, parseWire, sectionChannel, unb64, type WireMessage } from "./wire";

export interface RedisFanoutOptions {
  /** Publishing connection and a separate one for subscriptions (ioredis needs two). */
  pub: Redis;
  sub: Redis;
  /** The section's rows after `afterId` (log-reads.ts). */
  readAfter(sectionId: string, afterId: number): Promise<{ updates: Uint8Array[]; maxId: number }>;
  /** Highest row id per section (log-reads.ts). */
  maxIds(sectionIds: string[]): Promise<Map<string, number>>;
  /** Called with every message from another instance on the control channel (bus relays). */
  onControl?(msg: WireMessage): void;
  log: (message: string, err?: unknown) => void;
  graceMs?: number;
  checkMs?: number;
  heartbeatMs?: number;
  deadAfterMs?: number;
  holdTimeoutMs?: number;
  /** A pending edit of another instance is stored here when its commit has not come by then (ms). */
  adoptAfterMs?: number;
  /** Channel name prefix (default "hegao:"); instances of one cluster share it. */
  prefix?: string;
}

interface Open {
  sink: RoomSink;
  chain: SectionChain;
  /** Updates that arrived before the room loaded (applied after). */
  early: { update: Uint8Array; ids: CommitIds }[] | null;
  /** Edits that arrived before the room loaded (applied after). */
  earlyEdits: Uint8Array[];
  /** Other instances' edits shown here but not yet confirmed committed. */
  pending: PendingEdits;
}

export class RedisFanout implements Fanout {
  readonly instanceId = randomBytes(6).toString("hex");
  readonly ordered = true;
  private readonly rooms = new Map<string, Open>();
  private readonly seen = new Map<string, number>();
  /** Number of the last local edit published per section (kept across room reloads). */
  private readonly sent = new Map<string, number>();
  private readonly waiting = new Map<string, { need: number; got: number; failed: boolean; done(): void }>();
  private readonly releases = new Map<string, () => void>();
  private handlers: FanoutServe | null = null;
  private readonly timers: ReturnType<typeof setInterval>[] = [];
  private connectedOnce = false;
  private checks = 0;
  private readonly o: Required<Omit<RedisFanoutOptions, "onControl">> & Pick<RedisFanoutOptions, "onControl">;

  constructor(opts: RedisFanoutOptions) {
    this.o = { prefix: "hegao:", graceMs: 200, checkMs: 5000, heartbeatMs: 5000, deadAfterMs: 15_000, holdTimeoutMs: 3000, adoptAfterMs: 10_000, ...opts };
    const { sub } = this.o;
    sub.on("message", (channel: string, text: string) => this.receive(channel, text));
    sub.on("ready", () => {
      if (this.connectedOnce) {
        this.repairAll("Redis reconnected"); // what was published meanwhile is lost
        this.handlers?.resync?.();
        // Once the other instances are subscribed again too (they reconnect at about the same time).
        setTimeout(() => this.rooms.forEach((room) => room.sink.renewPresence()), 1000).unref();
      }
      this.connectedOnce = true;
    });
    void sub.subscribe(controlChannel(this.o.prefix)).catch((err) => this.o.log("redis subscribe failed", err));
    this.timers.push(setInterval(() => this.publish(controlChannel(this.o.prefix), { t: "hb", i: this.instanceId }), this.o.heartbeatMs));
    this.timers.push(setInterval(() => void this.check(), this.o.checkMs));
    this.timers.forEach((t) => t.unref());
  }

  open(sectionId: string, sink: RoomSink, _doc: Y.Doc): RoomChannel {
    const chain = new SectionChain((after) => this.repair(sectionId, after), this.o.graceMs, (m, e) => this.o.log(`[collab ${sectionId}] ${m}`, e));
    const entry: Open = { sink, chain, early: [], earlyEdits: [], pending: new PendingEdits() };
    this.rooms.set(sectionId, entry);
    const ready = this.o.sub.subscribe(sectionChannel(this.o.prefix, sectionId)).then(() => {});
    return {
      ready,
      loaded: (maxId) => {
        const early = entry.early ?? [];
        entry.early = null;
        for (const e of early) if (e.ids.id > maxId) sink.applyRemote(e.update);
        entry.earlyEdits.splice(0).forEach((u) => sink.applyRemote(u));
        chain.loaded(maxId);
        early.forEach((e) => chain.saw(e.ids));
      },
      local: (update) => {
        const n = (this.sent.get(sectionId) ?? 0) + 1;
        this.sent.set(sectionId, n);
        this.publish(sectionChannel(this.o.prefix, sectionId), { t: "e", i: this.instanceId, s: sectionId, n, u: b64(update) });
      },
      awareness: (update, user) => this.publish(sectionChannel(this.o.prefix, sectionId), { t: "a", i: this.instanceId, s: sectionId, user, u: b64(update) }),
      close: () => {
        chain.dispose();
        if (this.rooms.get(sectionId) !== entry) return;
        this.rooms.delete(sectionId);
        void this.o.sub.unsubscribe(sectionChannel(this.o.prefix, sectionId)).catch(() => {});
      },
    };
  }

  taken(sectionId: string): number {
    return this.sent.get(sectionId) ?? 0;
  }

  committed(sectionId: string, update: Uint8Array, ids: CommitIds, mark: number): void {
    this.rooms.get(sectionId)?.chain.saw(ids); // our own: in the document already
    this.publish(sectionChannel(this.o.prefix, sectionId), { t: "u", i: this.instanceId, s: sectionId, ...ids, upTo: mark, u: b64(update) });
  }

  compacted(sectionId: string, ids: CommitIds): void {
    this.rooms.get(sectionId)?.chain.saw(ids);
    this.publish(sectionChannel(this.o.prefix, sectionId), { t: "c", i: this.instanceId, s: sectionId, ...ids });
  }

  serve(handlers: FanoutServe): void {
    this.handlers = handlers;
  }

  async holdOthers(sectionId: string): Promise<() => void> {
    const r = randomBytes(8).toString("hex");
    let wait!: { need: number; got: number; failed: boolean; done(): void };
    const confirmed = new Promise<void>((done) => (wait = { need: Infinity, got: 0, failed: false, done }));
    this.waiting.set(r, wait);
    const release = () => this.publish(controlChannel(this.o.prefix), { t: "rel", i: this.instanceId, r });
    try {
      const receivers = await this.o.pub.publish(controlChannel(this.o.prefix), JSON.stringify({ t: "hold", i: this.instanceId, r, s: sectionId }));
      wait.need = receivers - 1; // every subscribed instance but this one
      if (wait.got >= wait.need) wait.done();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<"timeout">((res) => (timer = setTimeout(() => res("timeout"), this.o.holdTimeoutMs)));
      const outcome = await Promise.race([confirmed, timeout]);
      clearTimeout(timer);
      if (outcome === "timeout" || wait.failed) throw new Error(`hold of ${sectionId}: ${wait.got}/${wait.need} instances confirmed`);
      return release;
    } catch (err) {
      release();
      throw err;
    } finally {
      this.waiting.delete(r);
    }
  }

  /** Publishes `msg` on `channel`; a failure is logged (receivers repair from the database). */
  private publish(channel: string, msg: WireMessage): void {
    this.o.pub.publish(channel, JSON.stringify(msg)).catch((err) => this.o.log("redis publish failed", err));
  }

  /** Relays a message on the control channel (bus events, notifications). */
  publishControl(msg: WireMessage): void {
    this.publish(controlChannel(this.o.prefix), msg);
  }

  private receive(_channel: string, text: string): void {
    const msg = parseWire(text);
    if (!msg || msg.i === this.instanceId) return;
    this.seen.set(msg.i, Date.now());
    switch (msg.t) {
      case "e": {
        const room = this.rooms.get(msg.s);
        if (!room) return;
        const update = unb64(msg.u);
        room.pending.add(msg.i, msg.n, update);
        if (room.early) return void room.earlyEdits.push(update);
        return room.sink.applyRemote(update);
      }
      case "u": {
        const room = this.rooms.get(msg.s);
        if (!room) return;
        room.pending.confirm(msg.i, msg.upTo);
        const update = unb64(msg.u);
        if (room.early) return void room.early.push({ update, ids: { id: msg.id, prev: msg.prev } });
        room.sink.applyRemote(update);
        return room.chain.saw({ id: msg.id, prev: msg.prev });
      }
      case "c":
        return this.rooms.get(msg.s)?.chain.saw({ id: msg.id, prev: msg.prev });
      case "a":
        return this.rooms.get(msg.s)?.sink.applyRemoteAwareness(unb64(msg.u), msg.i, msg.user);
      case "bye":
        return this.dropInstance(msg.i);
      case "hold":
        return void this.answerHold(msg.r, msg.i, msg.s);
      case "held": {
        const w = this.waiting.get(msg.r);
        if (!w) return;
        w.got++;
        if (!msg.ok) w.failed = true;
        if (w.got >= w.need) w.done();
        return;
      }
      case "rel": {
        const release = this.releases.get(msg.r);
        this.releases.delete(msg.r);
        return release?.();
      }
      default:
        this.o.onControl?.(msg);
    }
  }

  private async answerHold(r: string, from: string, sectionId: string): Promise<void> {
    let ok = true;
    try {
      const release = (await this.handlers?.hold(sectionId)) ?? (() => {});
      this.releases.set(r, release);
      setTimeout(() => this.releases.delete(r), 15_000).unref();
    } catch (err) {
      ok = false;
      this.o.log(`[collab ${sectionId}] hold for instance ${from} failed`, err);
    }
    this.publish(controlChannel(this.o.prefix), { t: "held", i: this.instanceId, r, ok });
  }

  private async repair(sectionId: string, afterId: number): Promise<number> {
    const { updates, maxId } = await this.o.readAfter(sectionId, afterId);
    const room = this.rooms.get(sectionId);
    if (room) updates.forEach((u) => room.sink.applyRemote(u));
    return maxId;
  }

  private repairAll(why: string): void {
    if (this.rooms.size) this.o.log(`${why}: re-reading ${this.rooms.size} open section(s) from the database`);
    for (const room of this.rooms.values()) void room.chain.repair();
  }

  /** Periodic: a room behind the database repairs (a lost last message); silent instances are dropped. */
  private async check(): Promise<void> {
    const now = Date.now();
    for (const [inst, at] of this.seen) if (now - at > this.o.deadAfterMs) this.dropInstance(inst);
    for (const [id, room] of this.rooms) this.adopt(id, room, room.pending.takeOlderThan(now - this.o.adoptAfterMs), "its commit is overdue");
    if (++this.checks % 3 === 0) for (const room of this.rooms.values()) room.sink.renewPresence();
    const loaded = [...this.rooms].filter(([, r]) => r.chain.last !== null);
    if (!loaded.length) return;
    try {
      const max = await this.o.maxIds(loaded.map(([id]) => id));
      for (const [id, room] of loaded) if ((max.get(id) ?? 0) > (room.chain.last ?? Infinity)) void room.chain.repair();
    } catch (err) {
      this.o.log("periodic fan-out check failed", err);
    }
  }

  private dropInstance(inst: string): void {
    this.seen.delete(inst);
    for (const [id, room] of this.rooms) {
      this.adopt(id, room, room.pending.takeFrom(inst), `instance ${inst} is gone`);
      room.sink.dropInstance(inst);
    }
  }

  /** Stores edits other instances showed here but never confirmed (see module comment). */
  private adopt(sectionId: string, room: Open, updates: Uint8Array[], why: string): void {
    if (!updates.length) return;
    this.o.log(`[collab ${sectionId}] storing ${updates.length} edit(s) of another instance: ${why}`);
    updates.forEach((u) => room.sink.adopt(u));
  }

  async close(): Promise<void> {
    this.timers.forEach((t) => clearInterval(t));
    try {
      await this.o.pub.publish(controlChannel(this.o.prefix), JSON.stringify({ t: "bye", i: this.instanceId }));
    } catch {
      /* Redis gone: the others notice the silence */
    }
    this.o.sub.disconnect();
    this.o.pub.disconnect();
  }
}
