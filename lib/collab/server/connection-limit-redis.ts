/**
 * Connection limits across instances (cluster mode): every slot is a member of the key's
 * sorted set in Redis, scored with the time (Redis's clock, so instances' clocks may differ)
 * it was last confirmed. Each instance re-confirms its own slots every `refreshMs`; a slot not
 * confirmed for `staleMs` is dropped by the next acquire, so the slots of a killed instance
 * disappear by themselves. The acquire is one Lua script (drop stale, count, add if under the
 * limit), so two instances cannot both take the last slot.
 * Redis is an accelerator, never a gate: when it does not answer (not connected, or no reply
 * within `timeoutMs`) the instance counts its own sockets against the same limit, as one
 * process does, and logs that once per outage. Its slots reach Redis again at the next refresh.
 */
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { AppError } from "@/lib/errors";
import type { ConnectionLimit, ReleaseSlot } from "./connection-limit";

/** KEYS[1] the key's set; ARGV max, staleMs, member. Returns 1 when the slot was taken. */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

/** KEYS[1] the key's set; ARGV staleMs, members…: confirms (or restores) this instance's slots. */
const REFRESH = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for i = 2, #ARGV do redis.call('ZADD', KEYS[1], now, ARGV[i]) end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1`;

/** ioredis states on the way to "ready". */
const CONNECTING = new Set(["connecting", "connect", "reconnecting"]);

interface SlotCommands {
  hegaoAcquireSlot(key: string, max: number, staleMs: number, member: string): Promise<number>;
}

export interface RedisConnectionLimitOptions {
  /** A normal (not subscribed) connection; shared by the limits of one instance. */
  redis: Redis;
  /** Key prefix of this kind, e.g. "hegao:conn:account:"; instances of one cluster share it. */
  prefix: string;
  /** Most slots per key across all instances; 0: no limit (Redis is not asked). */
  max: number;
  log: (message: string, err?: unknown) => void;
  /** How often this instance re-confirms its slots (ms; default 15 000). */
  refreshMs?: number;
  /** A slot not confirmed for this long no longer counts (ms; default 45 000 = 3 refreshes). */
  staleMs?: number;
  /** Longest wait for Redis's answer before counting locally (ms; default 500). */
  timeoutMs?: number;
}

/** One kind of limit (per account, or per address) counted across instances; see the file's head. */
export class RedisConnectionLimit implements ConnectionLimit {
  /** Names this instance's slots (members are `<instance>:<n>`). */
  readonly instanceId = randomBytes(6).toString("hex");
  /** This instance's slots: key → members (also the local count when Redis is down). */
  private readonly held = new Map<string, Set<string>>();
  private seq = 0;
  private down = false;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly o: Required<RedisConnectionLimitOptions>;

  /**
   * Registers the two scripts on `opts.redis` and starts the refresh timer (unref'd).
   * @throws Error when `staleMs` is not above `refreshMs` (live slots would expire).
   */
  constructor(opts: RedisConnectionLimitOptions) {
    this.o = { refreshMs: 15_000, staleMs: 45_000, timeoutMs: 500, ...opts };
    if (this.o.staleMs <= this.o.refreshMs) throw new Error(`staleMs (${this.o.staleMs}) must exceed refreshMs (${this.o.refreshMs})`);
    this.o.redis.defineCommand("hegaoAcquireSlot", { numberOfKeys: 1, lua: ACQUIRE });
    this.o.redis.defineCommand("hegaoRefreshSlots", { numberOfKeys: 1, lua: REFRESH });
    this.timer = setInterval(() => this.refresh(), this.o.refreshMs);
    this.timer.unref();
  }

  /**
   * Takes a slot for `key` across the cluster (or, Redis not answering, on this instance).
   * @throws AppError too_many_attempts (HTTP 429) with `message` past the limit.
   */
  async acquire(key: string, message: string): Promise<ReleaseSlot> {
    const { max } = this.o;
    if (max <= 0) return () => {};
    const member = `${this.instanceId}:${++this.seq}`;
    const taken = await this.ask(key, member);
    const mine = this.held.get(key)?.size ?? 0;
    if (taken === false) throw new AppError("too_many_attempts", message);
    if (taken === null && mine >= max) {
      this.remove(key, member); // in case the unanswered script still takes it
      throw new AppError("too_many_attempts", message);
    }
    this.hold(key, member);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.unhold(key, member);
      this.remove(key, member);
    };
  }

  /** Stops the refresh: this instance's remaining slots go stale after `staleMs`. */
  close(): void {
    clearInterval(this.timer);
  }

  /** Redis's verdict, or null when it does not answer in time. */
  private async ask(key: string, member: string): Promise<boolean | null> {
    const { redis, timeoutMs, max, staleMs, prefix } = this.o;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onReady: (() => void) | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)));
      // Still connecting (start-up, a short reconnect): wait for it within the same time budget;
      // during a known outage or without a connection on the way, count locally at once.
      if (redis.status !== "ready") {
        if (this.down || !CONNECTING.has(redis.status)) return this.unreachable(new Error(`connection ${redis.status}`));
        await Promise.race([new Promise<void>((ready) => redis.once("ready", (onReady = ready))), timeout]);
      }
      // A late answer that took the slot anyway is harmless: this member is kept locally and
      // confirmed by the next refresh, or goes stale.
      const n = await Promise.race([(redis as unknown as SlotCommands).hegaoAcquireSlot(prefix + key, max, staleMs, member), timeout]);
      if (this.down) this.o.log("redis answers again: collaboration connection limits count across instances");
      this.down = false;
      return n === 1;
    } catch (err) {
      return this.unreachable(err);
    } finally {
      clearTimeout(timer);
      if (onReady) redis.off("ready", onReady);
    }
  }

  /** Removes `member` from Redis; not connected: skipped (no offline queue growing), it goes stale. */
  private remove(key: string, member: string): void {
    if (this.o.redis.status !== "ready") return;
    this.o.redis.zrem(this.o.prefix + key, member).catch((err) => this.o.log("redis: releasing a connection slot failed", err));
  }

  private unreachable(err: unknown): null {
    if (!this.down) this.o.log("redis does not answer: collaboration connection limits count per instance until it does", err);
    this.down = true;
    return null;
  }

  private hold(key: string, member: string): void {
    const set = this.held.get(key) ?? new Set<string>();
    set.add(member);
    this.held.set(key, set);
  }

  private unhold(key: string, member: string): void {
    const set = this.held.get(key);
    set?.delete(member);
    if (set && !set.size) this.held.delete(key);
  }

  /** Confirms every slot of this instance (restores them after a Redis restart). */
  private refresh(): void {
    const { redis, prefix, staleMs } = this.o;
    if (redis.status !== "ready" || !this.held.size) return;
    type Pipeline = { hegaoRefreshSlots(key: string, staleMs: number, ...members: string[]): void; exec(): Promise<[Error | null, unknown][] | null> };
    const pipeline = redis.pipeline() as unknown as Pipeline;
    for (const [key, members] of this.held) pipeline.hegaoRefreshSlots(prefix + key, staleMs, ...members);
    pipeline
      .exec()
      .then((results) => results?.find(([err]) => err)?.[0])
      .then((err) => err && this.o.log("redis: confirming connection slots failed", err))
      .catch((err) => this.o.log("redis: confirming connection slots failed", err));
  }
}
